// The analist's monitoring over HTTP on both engines: the dashboard counts in SQL and hides every
// cell of fewer than 5 schools (and the one that a total would give away), a filter without
// schools says so, one submitted answer opens and is audited, the CSV has one line per
// submission and is audited, no other role gets in, and an analist still never reads a plan or a
// scan (hard rule 1). The public open data shows the same suppressed figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { seedQuestionnaire, testDefinition } from './kit.ts';
import { seedSubmissions, times } from './monitoring-kit.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

eachEngine('verantwoording monitoring', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let analist: TestClient;
  let questionnaireId: number;
  let submissionIds: number[];

  before(async () => {
    const db = database().db;
    app = await createTestApp(database());
    fx = await createFixtures(database());
    ({ id: questionnaireId } = await seedQuestionnaire(db, { slug: 'monitoring-test' }));
    const po = (scan: 'ja' | 'nee') => ({
      sector: 'BO' as const,
      answers: {
        'schoolscan-gedaan': scan,
        aandachtsgebieden: ['cognitief', 'welbevinden'],
        interventies: ['B2'],
        'mr-instemming': 'ja',
        besteding: { A: 100_000, B: 50_000 },
        toelichting: '=HYPERLINK("https://evil.example","Klik")',
      },
    });
    submissionIds = await seedSubmissions(db, fx.boardId, questionnaireId, testDefinition, [
      ...times(15, po('ja')),
      ...times(5, po('nee')),
      // 4 VO schools: every VO cell is too small.
      ...times(4, { sector: 'VO', answers: { 'schoolscan-gedaan': 'ja', 'mr-instemming': 'ja' } }),
      ...times(5, { sector: 'SO', answers: { 'schoolscan-gedaan': 'ja', 'mr-instemming': 'nee' } }),
      ...times(5, { sector: 'VSO', answers: { 'schoolscan-gedaan': 'nee', 'mr-instemming': 'nee' } }),
    ]);
    analist = new TestClient(app, (await signInAs(database(), 'analist', fx.ministryId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  test('the dashboard is rendered once per figures, but each analist gets their own name and form token', async () => {
    const other = await signInAs(database(), 'analist', fx.ministryId, {
      email: 'tweede-analist@test.example',
    });
    await database()
      .db.updateTable('person')
      .set({ name: 'Tweede Analist' })
      .where('id', '=', other.personId)
      .execute();
    const first = await analist.get('/monitoring?sector=po');
    const second = await new TestClient(app, other.cookie).get('/monitoring?sector=po');
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /Ingelogd als Tweede Analist/);
    assert.doesNotMatch(second.body, /Ingelogd als Test analist/);
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1];
    assert.notEqual(token(first.body), token(second.body), 'each gets their own form token');
    const strip = (body: string) =>
      body.replace(/Ingelogd als [^<]+/g, '').replace(/name="_csrf" value="[^"]+"/g, '');
    assert.equal(strip(first.body), strip(second.body), 'otherwise the same page');
    // Another filter is another page.
    const vo = await analist.get('/monitoring?sector=vo');
    assert.notEqual(strip(vo.body), strip(first.body));
  });

  test('the dashboard shows the shares with the 4-school VO cell and the cell that would give it away hidden', async () => {
    const res = await analist.get('/monitoring');
    assert.equal(res.statusCode, 200);
    const html = plain(res.body);
    assert.match(html, /Landelijke monitoring/);
    // Schoolscan: PO 15/20 = 75%; VO 4/4 hidden; (V)SO 5/10 hidden with it; total 24/34.
    const row = html.match(/<tr[^>]*>\s*<td[^>]*>Schoolscan gemaakt<\/td>(.*?)<\/tr>/s)?.[1] ?? '';
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells, ['75%', 'verborgen', 'verborgen', '70,6%']);
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /verborgen \(minder dan 5 scholen\)/);
    assert.doesNotMatch(html, /Monitorschool/, 'no school is named on the dashboard');
  });

  test('spending from a confirmed annual report shows under its own heading, hidden with fewer than 5 boards', async () => {
    const db = database().db;
    const programme = await db.selectFrom('programme').select('id').executeTakeFirstOrThrow();
    const perCategory = ['A', 'B', 'C', 'D', 'E', 'F'].map((code) => ({
      code,
      spentCents: code === 'A' ? 500_000 : 0,
    }));
    await db
      .insertInto('board_report')
      .values({
        board_id: fx.boardId,
        programme_id: programme.id,
        calendar_year: 2022,
        status: 'bevestigd',
        confirmed_figures: JSON.stringify({ perCategory }),
        confirmed_at: new Date(),
      })
      .execute();
    const html = plain((await analist.get('/monitoring')).body);
    assert.match(html, /Volgens de jaarverslagen van de besturen over 2022/);
    const table = html.slice(html.indexOf('over 2022, met het aantal besturen'));
    assert.match(table, /Categorie A<\/td><td[^>]*>verborgen<\/td><td[^>]*>verborgen/);
    assert.doesNotMatch(table.slice(0, 3000), /5\.000,00/);
  });

  test('a filter with fewer than 5 schools hides everything; one without schools says so', async () => {
    const vo = plain((await analist.get('/monitoring?sector=vo')).body);
    assert.match(vo, /In deze selectie zitten minder dan 5 scholen/);
    assert.doesNotMatch(vo, /<td[^>]*>100%<\/td>/);
    const none = await analist.get('/monitoring?provincie=Zeeland&denominatie=Openbaar');
    assert.equal(none.statusCode, 200);
    assert.match(plain(none.body), /Er zijn geen scholen met provincie Zeeland, denominatie Openbaar/);
    const utrecht = plain((await analist.get('/monitoring?provincie=Utrecht&bestuursgrootte=21%2B')).body);
    assert.match(utrecht, /Scholen in de selectie/);
    assert.equal((await analist.get('/monitoring?sector=xx')).statusCode, 400);
  });

  test('one submitted answer opens for the analist and the read is audited', async () => {
    const id = submissionIds[0]!;
    const res = await analist.get(`/monitoring/inzendingen/${id}`);
    assert.equal(res.statusCode, 200);
    assert.match(plain(res.body), /Heeft de school een schoolscan gemaakt\?/);
    assert.match(plain(res.body), /Monitorschool/);
    const rows = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'object_type'])
      .where('object_id', '=', String(id))
      .where('action', '=', 'monitoring.inzending-ingezien')
      .execute();
    assert.equal(rows.length, 1);
    assert.equal((await analist.get('/monitoring/inzendingen/999999')).statusCode, 404);
  });

  test('the CSV has a line per submission, formulas made inert, and the download is audited', async () => {
    const db = database().db;
    // A second submission of one school: both are lines.
    const first = await db
      .selectFrom('questionnaire_submission')
      .selectAll()
      .where('id', '=', submissionIds[0]!)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('questionnaire_submission')
      .values({
        response_id: first.response_id,
        questionnaire_id: questionnaireId,
        organisation_id: first.organisation_id,
        number: 2,
        answers: JSON.stringify(first.answers),
        definition_revision: 1,
      })
      .execute();
    const res = await analist.get(`/monitoring/vragenlijsten/${questionnaireId}/antwoorden.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 1 + 34 + 1);
    assert.match(lines[0]!, /^inzending;nummer;code;naam;sector;ingediend_op;schoolscan-gedaan;/);
    assert.match(lines[0]!, /besteding_A;besteding_B/);
    assert.match(lines[1]!, /;1000\.00;500\.00;/);
    assert.match(lines[1]!, /'=HYPERLINK/);
    const audited = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'export.vragenlijst-antwoorden')
      .execute();
    assert.equal(audited.length, 1);
  });

  test('no other role reaches monitoring; a visitor is asked to sign in', async () => {
    for (const [role, org] of [
      ['schoolleider', fx.schoolId],
      ['bestuur', fx.boardId],
      ['helpdesk', fx.ministryId],
      ['redactie', fx.ministryId],
    ] as const) {
      const client = new TestClient(app, (await signInAs(database(), role, org)).cookie);
      for (const url of [
        '/monitoring',
        `/monitoring/inzendingen/${submissionIds[0]}`,
        `/monitoring/vragenlijsten/${questionnaireId}/antwoorden.csv`,
      ])
        assert.equal((await client.get(url)).statusCode, 403, `${role} ${url}`);
    }
    const visitor = await new TestClient(app).get('/monitoring');
    assert.equal(visitor.statusCode, 303);
  });

  test('hard rule 1: the analist never reads a school’s plan or scan', async () => {
    const school = submissionIds.length ? fx.schoolId : 0;
    for (const url of [`/scholen/${school}/schoolprogramma`, `/scholen/${school}/schoolscan`])
      assert.equal((await analist.get(url)).statusCode, 403, url);
  });

  test('the dashboard of an analist leads to monitoring', async () => {
    const res = await analist.get('/overzicht');
    assert.match(plain(res.body), /Landelijke monitoring/);
    assert.match(res.body, /href="\/monitoring"/);
  });

  test('open data: the public page and CSVs show the same figures, small cells hidden', async () => {
    const visitor = new TestClient(app);
    const page = await visitor.get('/open-data/verantwoording');
    assert.equal(page.statusCode, 200);
    assert.match(plain(page.body), /Open data: verantwoording/);
    assert.match(plain(page.body), /70,6%/);
    const csv = await visitor.get('/open-data/verantwoording/aandelen.csv');
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.split('\r\n');
    assert.ok(
      lines.some((l) => /;monitoring-test;schoolscan-gedaan;schoolscan-gedaan;vo;;ja$/.test(l)),
      'VO hidden',
    );
    assert.ok(lines.some((l) => /;monitoring-test;schoolscan-gedaan;schoolscan-gedaan;po;75;nee$/.test(l)));
    const spending = await visitor.get('/open-data/verantwoording/besteding.csv');
    assert.match(spending.body, /scholen \(vragenlijst\);monitoring-test;A;20;20000\.00;nee/);
    assert.doesNotMatch(csv.body + spending.body, /Monitorschool/);
  });

  // Last: it adds a fifth VO school.
  test('a new submission shows at once (the cached dashboard notices the change)', async () => {
    const before = plain((await analist.get('/monitoring?sector=vo')).body);
    assert.match(before, /In deze selectie zitten minder dan 5 scholen/);
    await seedSubmissions(database().db, fx.otherBoardId, questionnaireId, testDefinition, [
      { sector: 'VO', answers: { 'schoolscan-gedaan': 'nee', 'mr-instemming': 'ja' } },
    ]);
    const after = plain((await analist.get('/monitoring?sector=vo')).body);
    assert.doesNotMatch(after, /In deze selectie zitten minder dan 5 scholen/);
  });
});
