// Migration 0305 repairs texts stored with CRLF line endings (from browser textareas, before the
// forms normalised them), on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eachEngine } from '../../../../test/support/db.ts';
import { entryByCode } from '../repository/entries.ts';
import { importPraktijkkaarten } from '../services/praktijkkaart-import.ts';
import { ensureDraft } from '../services/entry-editing.ts';
import { up as repairLineEndings } from '../../../../migrations/0305_menukaart_text_line_endings.ts';

eachEngine('menukaart line endings repair', (database) => {
  test('migration 0305 turns CRLF and lone CR into LF in entry, version, category and kennisplein texts', async () => {
    const { db } = database();
    await importPraktijkkaarten(db, { strict: true });
    const { id: draftId } = await ensureDraft(db, new Date('2023-03-01T12:00:00Z'), null);
    const b8 = (await entryByCode(db, draftId, 'B8'))!;
    const crlfCard = {
      ...b8.praktijkkaart,
      watHetIs: 'Eerste regel.\r\nTweede regel.\r\n\r\nDerde alinea.',
      aanpak: '1. Kies.\r2. Lees.',
    };
    await db
      .updateTable('menukaart_entry')
      .set({
        summary: 'Samenvatting\r\nover twee regels.',
        notes: 'Toelichting\r\nhier.',
        praktijkkaart: JSON.stringify(crlfCard),
      })
      .where('version_id', '=', draftId)
      .where('intervention_id', '=', b8.intervention_id)
      .execute();
    await db
      .updateTable('menukaart_version')
      .set({ note: 'Regel een.\r\nRegel twee.' })
      .where('id', '=', draftId)
      .execute();
    await db
      .updateTable('menukaart_category')
      .set({ description: 'Extra leertijd.\r\nIn of buiten het rooster.' })
      .where('version_id', '=', draftId)
      .where('code', '=', 'A')
      .execute();
    const { id: itemId } = await db
      .insertInto('kennisplein_item')
      .values({
        kind: 'onderzoek',
        title: 'Samen lezen',
        school_type: '',
        contact_ok: false,
        what_they_did: 'Wat we deden.\r\nEn daarna.',
        lessons: 'Les een.\r\nLes twee.',
        cost_text: 'Tijd.\r\n',
        status: 'gepubliceerd',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await repairLineEndings(db);

    const entry = (await entryByCode(db, draftId, 'B8'))!;
    assert.equal(entry.summary, 'Samenvatting\nover twee regels.');
    assert.equal(entry.notes, 'Toelichting\nhier.');
    assert.equal(entry.praktijkkaart!.watHetIs, 'Eerste regel.\nTweede regel.\n\nDerde alinea.');
    assert.equal(entry.praktijkkaart!.aanpak, '1. Kies.\n2. Lees.');
    assert.equal(entry.praktijkkaart!.valkuilen, b8.praktijkkaart!.valkuilen, 'other sections unchanged');
    const version = await db
      .selectFrom('menukaart_version')
      .select('note')
      .where('id', '=', draftId)
      .executeTakeFirstOrThrow();
    assert.equal(version.note, 'Regel een.\nRegel twee.');
    const cat = await db
      .selectFrom('menukaart_category')
      .select('description')
      .where('version_id', '=', draftId)
      .where('code', '=', 'A')
      .executeTakeFirstOrThrow();
    assert.equal(cat.description, 'Extra leertijd.\nIn of buiten het rooster.');
    const item = await db
      .selectFrom('kennisplein_item')
      .select(['what_they_did', 'lessons', 'cost_text'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, {
      what_they_did: 'Wat we deden.\nEn daarna.',
      lessons: 'Les een.\nLes twee.',
      cost_text: 'Tijd.\n',
    });
    const left = await sql<{ n: number }>`
      select (select count(*) from menukaart_entry where strpos(praktijkkaart::text, ${'\\r'}) > 0 or strpos(summary, ${'\r'}) > 0)::int
           + (select count(*) from kennisplein_item where strpos(what_they_did, ${'\r'}) > 0)::int as n`.execute(
      db,
    );
    assert.equal(left.rows[0]!.n, 0);
  });
});
