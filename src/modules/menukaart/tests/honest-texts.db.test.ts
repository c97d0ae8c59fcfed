// Migration 0306 on PGlite and PostgreSQL: stored notes and praktijkkaart sections as first
// shipped (with research notes) become the current texts; an editor's own text stays; a withdrawn
// intervention keeps no carried-over scores.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { publishedVersions } from '../repository/versions.ts';
import { entryByCode } from '../repository/entries.ts';
import { loadMenu } from '../services/menu.ts';
import { diffBetween } from '../services/version-diff.ts';
import { importPraktijkkaarten } from '../services/praktijkkaart-import.ts';

import { fromRoot } from '../../../paths.ts';
import { readPraktijkkaarten } from '../services/praktijkkaart.ts';
import { up as repairTexts } from '../../../../migrations/0306_menukaart_honest_texts.ts';

// E2 as first shipped: its catalogue note and the 'Wat onderzoek zegt' section.
const shippedE2Note =
  'Waarden na 1 april 2022 niet vastgelegd (tekst afgekapt). Latere EEF-versies noemen circa +3 tot +4 maanden; niet als NPO-waarde bevestigd.';
const shippedE2Onderzoek = `Op de menukaart is alleen de versie 2021 vastgelegd (EEF: Teaching assistant interventions):
- Versie 2021: **+1 maand** extra leergroei, bewijskracht **2 ✓** (beperkt), kosten **€€€€** (hoog).

De scores voor versie 2022 zijn niet vastgelegd, omdat de paginatekst was afgekapt; daarvoor is dus geen NPO-score beschikbaar. Latere EEF-versies geven een gunstiger beeld wanneer onderwijsassistenten gestructureerde programma's uitvoeren, maar dat is geen bevestigde NPO-waarde. De EEF-toolkit laat zien dat het effect vooral afhangt van hoe assistenten worden ingezet: algemene ondersteuning in de klas levert weinig op, terwijl gerichte begeleiding met een goed programma en training duidelijk meer oplevert.`;

eachEngine('menukaart honest texts repair', (database) => {
  test('after April 2022 the withdrawn A1 shows no scores; its 2021 scores stay in the 2021 version', async () => {
    const { db } = database();
    const [v22, v21] = await publishedVersions(db);
    const a1in22 = (await loadMenu(db, v22!)).interventions.find((i) => i.code === 'A1')!;
    assert.deepEqual(
      [a1in22.withdrawn, a1in22.effectMonths, a1in22.evidence, a1in22.cost, a1in22.ratedOn],
      [true, null, null, null, null],
    );
    const a1in21 = (await loadMenu(db, v21!)).interventions.find((i) => i.code === 'A1')!;
    assert.deepEqual([a1in21.effectMonths, a1in21.evidence, a1in21.cost], [5, 4, 5]);
  });

  test('scores that April 2022 carried over from 2021 (E2, F1, F2) are marked as carried over, and the version diff says so', async () => {
    const { db } = database();
    const [v22, v21] = await publishedVersions(db);
    const menu22 = await loadMenu(db, v22!);
    const carried = menu22.interventions.filter((i) => i.carriedOverFrom !== null).map((i) => i.code);
    assert.deepEqual(carried, ['E2', 'F1', 'F2']);
    assert.equal(menu22.interventions.find((i) => i.code === 'E2')!.carriedOverFrom, '2021-05-10');
    const menu21 = await loadMenu(db, v21!);
    assert.deepEqual(
      menu21.interventions.filter((i) => i.carriedOverFrom !== null).map((i) => i.code),
      [],
      'in May 2021 the scores were new',
    );
    const { changes } = await diffBetween(db, v21!, v22!);
    const e2 = changes.find((c) => c.code === 'E2');
    assert.ok(e2, 'E2 is listed in the diff of April 2022');
    assert.deepEqual(
      e2.changes.map((c) => [c.field, c.before, c.after]),
      [['rating', '2021-05 (2021-05-10)', '2021-05 (2021-05-10), overgenomen uit 2021']],
    );
  });

  test('migration 0306 replaces a first-shipped note and an unchanged shipped section, and keeps an editor’s own section', async () => {
    const { db } = database();
    await importPraktijkkaarten(db, { strict: true });
    const [v22] = await publishedVersions(db);
    const e2 = (await entryByCode(db, v22!.id, 'E2'))!;
    const editorsText = 'Eigen tekst van de redactie over valkuilen.';
    await db
      .updateTable('menukaart_entry')
      .set({
        notes: shippedE2Note,
        praktijkkaart: JSON.stringify({
          ...e2.praktijkkaart,
          onderzoek: shippedE2Onderzoek,
          valkuilen: editorsText,
        }),
        body_text: 'paginatekst was afgekapt',
      })
      .where('version_id', '=', v22!.id)
      .where('intervention_id', '=', e2.intervention_id)
      .execute();

    await repairTexts(db);

    const after = (await entryByCode(db, v22!.id, 'E2'))!;
    const catalogue = JSON.parse(fs.readFileSync(fromRoot('resources/menukaart/catalogus.json'), 'utf8')) as {
      interventions: { code: string; notes: string | null }[];
    };
    const currentNote = catalogue.interventions.find((i) => i.code === 'E2')!.notes;
    assert.equal(after.notes, currentNote);
    const shipped = readPraktijkkaarten(['E2']).cards.get('E2')!.sections;
    assert.equal(after.praktijkkaart!.onderzoek, shipped.onderzoek);
    assert.match(after.praktijkkaart!.onderzoek, /overgenomen uit 2021/);
    assert.equal(after.praktijkkaart!.valkuilen, editorsText, 'an editor’s own text is kept');
    const { body_text } = await db
      .selectFrom('menukaart_entry')
      .select('body_text')
      .where('version_id', '=', v22!.id)
      .where('intervention_id', '=', e2.intervention_id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(body_text, /afgekapt/);
    assert.match(body_text, /overgenomen uit 2021/);
  });
});
