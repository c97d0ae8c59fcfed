// Funding suite: the 2021-22 amounts to the cent, the public lookup and the open-data CSV.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../../../../test/support/app.ts';
import { allocationsFor } from '../repository/allocations.ts';
import { findSchoolByCode } from '../repository/schools.ts';
import { listFundingYears } from '../repository/years.ts';
import type { FundingSuite } from './shared.ts';

export function publicTests(ctx: FundingSuite) {
  test('2021-22: a school gets its pupils times € 701,16 plus 251,16 per unit of achterstandsscore, to the cent', async () => {
    const db = ctx.database().db;
    const years = await listFundingYears(db, 1);
    const y = years.find((x) => x.label === '2021-2022')!;
    const school = await findSchoolByCode(db, '00AP00');
    const [a] = await allocationsFor(db, [y.currentRunId!], [school!.id], true);
    // 103 pupils on 1 October 2020; CBS score 33,02 (peildatum 2019, the newest shipped).
    assert.equal(a!.baseCents, 103 * 70116);
    assert.equal(a!.supplementCents, Math.round((3302 * 25116) / 100));
    assert.equal(a!.totalCents, 8_051_278);
    assert.equal(a!.status, 'onvolledig');
    assert.equal(a!.baseStatus, 'exact', 'pupils of the teldatum times a definitive rate');
    assert.equal(a!.supplementStatus, 'geschat', 'the 2019 CBS score stands in for 2020');
    const vo = await findSchoolByCode(db, '18BR00');
    const [v] = await allocationsFor(db, [y.currentRunId!], [vo!.id], true);
    assert.equal(v!.lines[0]!.rateCents, 70116);
    assert.equal(v!.lines[1]!.rateCents, 105174);
    assert.ok(v!.lines[1]!.quantity! > 0, 'a praktijkschool has pupils at the higher rate');
    assert.equal(v!.baseCents, v!.lines[0]!.quantity! * 70116 + v!.lines[1]!.quantity! * 105174);
  });

  test('the public lookup finds schools by name, place and code and shows how the amount was computed', async () => {
    const client = new TestClient(ctx.app);
    const search = await client.get('/bedragen?q=wereldwijs');
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /WereldWijs/);
    assert.match(search.body, /€\s?80\.512,78/);
    const byCode = await client.get('/bedragen?q=00AP00');
    assert.match(byCode.body, /\/bedragen\/scholen\/00AP00/);
    const again = await client.get('/bedragen?q=wereldwijs', {
      'if-none-match': search.headers.etag as string,
    });
    assert.equal(again.statusCode, 304);
    const page = await client.get('/bedragen/scholen/00AP00');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bedrag per leerling basisonderwijs/);
    assert.match(page.body, /33,02/);
    assert.match(page.body, /€\s?8\.293,30/);
    assert.match(page.body, /Basisbedrag: exact\. Toeslag: geschat\./);
    assert.match(page.body, /Geen nieuwe toekenning|geen nieuw bedrag/i);
    assert.equal((await client.get('/bedragen/scholen/ZZZZ99')).statusCode, 404);
    const mun = await client.get('/bedragen/gemeenten/0637');
    assert.equal(mun.statusCode, 200);
    assert.match(mun.body, /Zoetermeer/i);
    assert.equal((await client.get('/bedragen/gemeenten/9999')).statusCode, 404);
    const list = await client.get('/bedragen/gemeenten');
    assert.match(list.body, /\/bedragen\/gemeenten\/0637/);
    const board = await client.get('/bedragen/besturen/41646');
    assert.equal(board.statusCode, 200);
    assert.match(board.body, /WereldWijs/);
  });

  test('the open-data CSV has every allocation with exact decimal amounts', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.get('/bedragen/open-data.csv?schooljaar=2021-2022');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      'schooljaar;vestigingscode;naam;plaats;gemeentecode;gemeente;bevoegd_gezag_nummer;soort;status;leerlingen;basisbedrag_euro;toeslagen_euro;totaal_euro;status_basisbedrag;status_toeslag;toelichting',
    );
    const row = lines.find((l) => l.includes(';00AP00;'))!;
    assert.match(row, /;103;72219\.48;8293\.30;80512\.78;exact;geschat;.*peildatum 1 oktober 2019 staat in/);
    const run = await ctx
      .database()
      .db.selectFrom('funding_year as f')
      .innerJoin('allocation_run as r', 'r.id', 'f.current_run_id')
      .innerJoin('school_year as y', 'y.id', 'f.school_year_id')
      .select('r.school_count')
      .where('y.label', '=', '2021-2022')
      .executeTakeFirstOrThrow();
    assert.equal(lines.length - 1, run.school_count);
    assert.equal((await client.get('/bedragen/open-data.csv?schooljaar=1999-2000')).statusCode, 404);
    const exports = await ctx
      .database()
      .db.selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'export.bedragen-per-school')
      .execute();
    // A visitor's download is counted, not audited (audit rows are for what a person did).
    assert.deepEqual(exports, []);
    assert.match(
      await ctx.app.platform.metrics.registry.metrics(),
      /npo_open_data_downloads_total\{bestand="bedragen-per-school"\} 1\b/,
    );
  });

  test('open-data CSV cells that a spreadsheet would run as a formula start with an apostrophe', async () => {
    const db = ctx.database().db;
    const before = await db
      .selectFrom('organisation')
      .select(['name', 'place'])
      .where('code', '=', '00AP00')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('organisation')
      .set({ name: '=HYPERLINK("https://evil.example","Klik")', place: '@SUM(1+1)' })
      .where('code', '=', '00AP00')
      .execute();
    try {
      // Without a school year: another cache key than the test below, so this run renders anew.
      const res = await new TestClient(ctx.app).get('/bedragen/open-data.csv');
      assert.equal(res.statusCode, 200);
      const row = res.body.split('\r\n').find((l) => l.includes(';00AP00;'))!;
      assert.match(row, /;00AP00;"'=HYPERLINK\(""https:\/\/evil\.example"",""Klik""\)";'@SUM\(1\+1\);/);
      assert.doesNotMatch(res.body, /;"?[=@]/, 'no cell starts a formula');
    } finally {
      await db.updateTable('organisation').set(before).where('code', '=', '00AP00').execute();
    }
  });
}
