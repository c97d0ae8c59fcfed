// The analist's list of a round's submissions over HTTP on both engines: 50 a page, newest first,
// each school once with its newest submission, the dashboard's filters and a search on name or
// code, an empty result that says so and offers to clear the filters, and no other role gets in.
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
import { seedSubmissions, submitOnce, times } from './monitoring-kit.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');
/** The submission ids the rows link to, in page order. */
const linked = (html: string) =>
  [...html.matchAll(/<a[^>]*href="\/monitoring\/inzendingen\/(\d+)"/g)].map((m) => Number(m[1]));

eachEngine('verantwoording monitoring: the list of submissions', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let analist: TestClient;
  let questionnaireId: number;
  let base: string;
  let po: number[];
  let vo: number[];
  let resubmitted: number;

  before(async () => {
    const db = database().db;
    app = await createTestApp(database());
    fx = await createFixtures(database());
    ({ id: questionnaireId } = await seedQuestionnaire(db, { slug: 'monitoring-lijst' }));
    base = `/monitoring/vragenlijsten/${questionnaireId}/inzendingen`;
    const answers = { 'schoolscan-gedaan': 'ja' as const, 'mr-instemming': 'ja' as const };
    po = await seedSubmissions(
      db,
      fx.boardId,
      questionnaireId,
      testDefinition,
      times(55, { sector: 'BO', answers }),
    );
    vo = await seedSubmissions(
      db,
      fx.boardId,
      questionnaireId,
      testDefinition,
      times(3, { sector: 'VO', answers, denomination: 'Rooms-Katholiek' }),
    );
    // The first PO school submitted again: it is listed once, with its second submission.
    const first = await db
      .selectFrom('questionnaire_submission')
      .selectAll()
      .where('id', '=', po[0]!)
      .executeTakeFirstOrThrow();
    resubmitted = (
      await db
        .insertInto('questionnaire_submission')
        .values({
          response_id: first.response_id,
          questionnaire_id: questionnaireId,
          organisation_id: first.organisation_id,
          number: 2,
          answers: JSON.stringify(answers),
          definition_revision: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .updateTable('questionnaire_response')
      .set({ submitted_number: 2 })
      .where('id', '=', first.response_id)
      .execute();
    await db
      .updateTable('organisation')
      .set({ name: 'Basisschool De Regenboog' })
      .where('id', '=', first.organisation_id)
      .execute();
    analist = new TestClient(app, (await signInAs(database(), 'analist', fx.ministryId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  test('50 a page, newest first, each school once with its newest submission; the rows open the submission', async () => {
    const one = await analist.get(base);
    assert.equal(one.statusCode, 200);
    const html = plain(one.body);
    assert.match(html, /58 inzendingen\./);
    assert.match(html, /pagina 1 van 2/);
    const ids = linked(html);
    assert.equal(ids.length, 50);
    assert.deepEqual(ids.slice(0, 4), [resubmitted, vo[2], vo[1], vo[0]]);
    assert.match(html, new RegExp(`href="${base}\\?pagina=2"`));
    assert.doesNotMatch(html, /Vorige pagina/);

    const two = plain((await analist.get(`${base}?pagina=2`)).body);
    const rest = linked(two);
    assert.equal(rest.length, 8);
    assert.ok(!rest.includes(po[0]!), 'the older submission of a school that submitted again is not listed');
    assert.deepEqual([...ids, ...rest].sort(), [resubmitted, ...po.slice(1), ...vo].sort());
    assert.match(two, /Vorige pagina/);
    // A page past the end shows the last one.
    assert.deepEqual(linked((await analist.get(`${base}?pagina=9`)).body), rest);

    const opened = await analist.get(`/monitoring/inzendingen/${resubmitted}`);
    assert.equal(opened.statusCode, 200);
    assert.match(plain(opened.body), /Basisschool De Regenboog/);
  });

  test('the dashboard filters and the search narrow the list; the form keeps them', async () => {
    const sector = plain((await analist.get(`${base}?sector=vo`)).body);
    assert.deepEqual(linked(sector), [vo[2], vo[1], vo[0]]);
    assert.match(sector, /3 inzendingen met Voortgezet onderwijs\./);
    assert.match(sector, /<option[^>]*value="vo"[^>]*selected/);
    assert.deepEqual(linked((await analist.get(`${base}?denominatie=Rooms-Katholiek`)).body), [
      vo[2],
      vo[1],
      vo[0],
    ]);
    assert.equal(linked((await analist.get(`${base}?provincie=Utrecht&sector=po`)).body).length, 50);

    const byName = plain((await analist.get(`${base}?zoek=regenBOOG`)).body);
    assert.deepEqual(linked(byName), [resubmitted]);
    assert.match(byName, /value="regenBOOG"/);
    const code = (
      await database()
        .db.selectFrom('organisation')
        .select('code')
        .innerJoin('questionnaire_submission as s', 's.organisation_id', 'organisation.id')
        .where('s.id', '=', vo[1]!)
        .executeTakeFirstOrThrow()
    ).code!;
    assert.deepEqual(linked((await analist.get(`${base}?zoek=${code.toLowerCase()}`)).body), [vo[1]]);
    assert.deepEqual(
      linked((await analist.get(`${base}?zoek=%25`)).body),
      [],
      'a % is a character, not a wildcard',
    );
  });

  test('an empty result says so kindly and offers to clear the filters', async () => {
    const res = await analist.get(`${base}?provincie=Zeeland&zoek=niets`);
    assert.equal(res.statusCode, 200);
    const html = plain(res.body);
    assert.match(html, /Er zijn geen inzendingen met provincie Zeeland, zoekterm ‘niets’\./);
    assert.match(html, new RegExp(`<a[^>]*href="${base}"[^>]*>Alle filters wissen`));
    assert.deepEqual(linked(html), []);
  });

  test('a board round is searched, not filtered: the school filters are not offered or applied', async () => {
    const db = database().db;
    const { id } = await seedQuestionnaire(db, { audience: 'bestuur' });
    const sub = await submitOnce(db, id, fx.boardId, {});
    const res = await analist.get(`/monitoring/vragenlijsten/${id}/inzendingen?sector=vo`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(linked(res.body), [sub.id]);
    assert.match(res.body, /<th[^>]*>Bestuur<\/th>/);
    assert.doesNotMatch(res.body, /name="sector"/);
  });

  test('the dashboard links to the list with its filters', async () => {
    const res = await analist.get(`/monitoring?sector=vo`);
    assert.match(res.body, new RegExp(`href="${base}\\?sector=vo"`));
  });

  test('only the analist: other roles are refused, a visitor is asked to sign in, an unknown or concept round is a 404', async () => {
    for (const [role, org] of [
      ['schoolleider', fx.schoolId],
      ['bestuur', fx.boardId],
      ['helpdesk', fx.ministryId],
      ['redactie', fx.ministryId],
      ['beheerder', fx.ministryId],
    ] as const) {
      const client = new TestClient(app, (await signInAs(database(), role, org)).cookie);
      assert.equal((await client.get(base)).statusCode, 403, role);
    }
    assert.equal((await new TestClient(app).get(base)).statusCode, 303);
    assert.equal((await analist.get('/monitoring/vragenlijsten/999999/inzendingen')).statusCode, 404);
    const { id: concept } = await seedQuestionnaire(database().db, { status: 'concept' });
    assert.equal((await analist.get(`/monitoring/vragenlijsten/${concept}/inzendingen`)).statusCode, 404);
  });
});
