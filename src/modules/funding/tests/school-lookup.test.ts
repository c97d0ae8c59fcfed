// The public school lookup "Bedragen per school" (issue 11, item 7): accents do not matter
// (Oelebrod finds Oelebröd), everyday place names work (Den Haag finds 's-GRAVENHAGE), places
// are shown in normal case, and a vestigingscode or postcode finds its school — through the
// trigram index on organisation.search_text, on PGlite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, TestClient, type Fixtures } from '../../../../test/support/app.ts';
import { searchSchools } from '../repository/schools.ts';
import { listOrganisations } from '../../organisations/repository/organisations.ts';

eachEngine('school lookup', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  const tag = `${process.pid}`.slice(-3).padStart(3, '0');
  const hagueCode = `9${tag.slice(0, 1)}ZQ01`;
  const otherCode = `9${tag.slice(0, 1)}ZQ02`;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    const school = (code: string, name: string, place: string, postcode: string) =>
      sql`insert into organisation (kind, code, name, parent_id, sector, place, postcode, municipality_name)
          values ('school', ${code}, ${name}, ${fx.boardId}, 'BO', ${place}, ${postcode}, ${place})`.execute(
        database().db,
      );
    await school(hagueCode, 'Basisschool Oelebröd', "'S-GRAVENHAGE", '2511 QZ');
    await school(otherCode, 'Basisschool De Oelebrodde Ark', 'EMMEN', '7822 QZ');
  });
  after(async () => {
    await app?.close();
  });

  const found = async (q: string) => (await searchSchools(database().db, q, 50)).map((s) => s.code);

  test('Oelebrod finds Oelebröd (and oelebröd finds it too)', async () => {
    assert.ok((await found('Oelebrod')).includes(hagueCode));
    assert.ok((await found('oelebröd')).includes(hagueCode));
    assert.ok((await found('OELEBROD')).includes(hagueCode));
  });

  test('Den Haag finds the schools DUO lists under ’s-GRAVENHAGE, and not those in Emmen', async () => {
    for (const q of ['Den Haag', 'den haag', "'s-Gravenhage", 's gravenhage', 'Oelebrod Den Haag']) {
      const codes = await found(q);
      assert.ok(codes.includes(hagueCode), q);
      assert.ok(!codes.includes(otherCode), q);
    }
  });

  test('a vestigingscode or its BRIN part, and a postcode with or without its space, find the school', async () => {
    assert.deepEqual(await found(hagueCode), [hagueCode]);
    assert.ok((await found(hagueCode.slice(0, 4).toLowerCase())).includes(hagueCode));
    assert.deepEqual(await found('2511 QZ'), [hagueCode]);
    assert.deepEqual(await found('2511qz'), [hagueCode]);
    assert.deepEqual(await found('7822QZ'), [otherCode]);
  });

  test('a query of punctuation only finds nothing (and is no LIKE pattern)', async () => {
    assert.deepEqual(await found('%'), []);
    assert.deepEqual(await found("'-"), []);
  });

  test('the lookup page finds by accent-free name and shows the place in normal case', async () => {
    const res = await new TestClient(app).get(`/bedragen?q=${encodeURIComponent('den haag oelebrod')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Basisschool Oelebröd/);
    assert.match(res.body, /&#39;s-Gravenhage \(Den Haag\)|'s-Gravenhage \(Den Haag\)/);
    assert.doesNotMatch(res.body, /&#39;S-GRAVENHAGE|'S-GRAVENHAGE/);
    const byPostcode = await new TestClient(app).get('/bedragen?q=7822qz');
    assert.match(byPostcode.body, /De Oelebrodde Ark/);
    assert.match(byPostcode.body, />Emmen</);
  });

  test('the beheerder’s organisation search uses the same rules', async () => {
    const rows = await listOrganisations(database().db, { q: 'oelebrod den haag' });
    assert.deepEqual(
      rows.map((r) => r.code),
      [hagueCode],
    );
  });

  test('the search uses the trigram index on search_text (for ~8,000 schools)', async () => {
    const plan = await database()
      .db.transaction()
      .execute(async (trx) => {
        // With a handful of rows any plan is cheap: rule out the others to see the index is usable.
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_indexscan = off`.execute(trx);
        const r = await sql<{
          'QUERY PLAN': string;
        }>`explain select id from organisation o where o.search_text like '%oelebrod%'`.execute(trx);
        return r.rows.map((x) => x['QUERY PLAN']).join('\n');
      });
    assert.match(plan, /organisation_search_text_trgm_idx/);
  });
});
