// Evaluations on both engines: the school leader adds and changes them (audited, in one
// transaction); a refused form keeps every value; a stale save is a 409 that keeps the user's
// input and shows what is saved now; links to scan data can only name the school's own scans;
// team members and MR members read but cannot write; another school's intervention or
// evaluation is a 404.
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
import { seedPlan, type SeededPlan } from './kit.ts';

eachEngine('schoolprogramma evaluations', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let plan: SeededPlan;
  let other: SeededPlan;
  let leader: TestClient;
  let yearId: number;

  const base = () =>
    `/scholen/${fx.schoolId}/schoolprogramma/interventies/${plan.planInterventionIds[0]}/evaluatie`;
  const evaluations = () =>
    database()
      .db.selectFrom('school_plan_evaluation')
      .selectAll()
      .where('plan_intervention_id', 'in', [...plan.planInterventionIds, ...other.planInterventionIds])
      .orderBy('id')
      .execute();
  const auditRows = (action: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['result', 'object_id'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  const form = {
    datum: '14-6-2022',
    resultaten: 'Twee derde van de groep leest op niveau.',
    besluit: 'bijstellen',
    reden: 'Kleinere groepjes voor wie achterblijft.',
  };

  before(async () => {
    const db = database().db;
    app = await createTestApp(database());
    fx = await createFixtures(database());
    plan = await seedPlan(db, fx.schoolId);
    other = await seedPlan(db, fx.otherSchoolId);
    yearId = plan.schoolYearIds[1]!;
    for (const schoolId of [fx.schoolId, fx.otherSchoolId])
      await db
        .insertInto('schoolscan')
        .values({ school_id: schoolId, school_year_id: yearId, status: 'concept', created_at: new Date() })
        .execute();
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  test('the school leader adds an evaluation with a link to a later scan and a decision; it is audited and shown as the latest decision', async () => {
    const page = await leader.get(`${base()}/nieuw`);
    assert.equal(page.statusCode, 200);
    const link = `/scholen/${fx.schoolId}/schoolscan/${yearId}/analyse`;
    assert.ok(page.body.includes(`value="${link}"`), 'the later scan is offered');
    const res = await leader.post(`${base()}/nieuw`, { ...form, links: link });
    assert.equal(res.statusCode, 303);
    const [row] = await evaluations();
    assert.equal(row!.evaluated_on, '2022-06-14');
    assert.equal(row!.decision, 'bijstellen');
    assert.deepEqual(row!.evidence_links, [{ href: link, label: 'Analyse van de toetsgegevens 2022-2023' }]);
    assert.deepEqual(await auditRows('schoolprogramma.evaluatie-toegevoegd'), [
      { result: 'ok', object_id: String(row!.id) },
    ]);
    const list = await leader.get(`${base()}?opgeslagen=1`);
    assert.match(list.body, /De evaluatie is opgeslagen/);
    assert.match(list.body, /<strong>Bijstellen<\/strong>/);
    const drill = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    const boardPage = await drill.get(`/besturen/${fx.boardId}/schoolprogrammas/${fx.schoolId}`);
    assert.match(boardPage.body, /Bijstellen \(14 juni 2022\)/);
  });

  test('a refused form keeps every value and writes nothing; a link to another school’s scan is refused', async () => {
    const before = (await evaluations()).length;
    const foreign = `/scholen/${fx.otherSchoolId}/schoolscan/${yearId}/analyse`;
    const res = await leader.post(`${base()}/nieuw`, {
      datum: '1-1-2020',
      resultaten: 'Mijn tekst blijft staan',
      besluit: 'stoppen',
      reden: '',
      links: foreign,
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /vóór de start van de interventie/);
    assert.match(res.body, /Schrijf op waarom/);
    assert.match(res.body, /eigen school/);
    assert.match(res.body, /Mijn tekst blijft staan/);
    assert.match(res.body, /value="1-1-2020"/);
    assert.match(res.body, /value="stoppen"[^>]*selected|selected[^>]*value="stoppen"/);
    assert.equal((await evaluations()).length, before);
    const refused = await auditRows('schoolprogramma.evaluatie-toegevoegd');
    assert.equal(refused.at(-1)!.result, 'mislukt');
  });

  test('a stale save is a 409: the user keeps their input, sees what is saved now, and can then save deliberately', async () => {
    const [row] = await evaluations();
    const url = `${base()}/${row!.id}`;
    const first = await leader.post(url, {
      ...form,
      resultaten: 'Eerste wijziging',
      revisie: String(row!.revision),
    });
    assert.equal(first.statusCode, 303);
    const stale = await leader.post(url, {
      ...form,
      resultaten: 'Mijn eigen wijziging',
      revisie: String(row!.revision),
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Iemand anders heeft deze evaluatie opgeslagen/);
    assert.match(stale.body, /Mijn eigen wijziging/, 'the user’s own input');
    assert.match(stale.body, /Eerste wijziging/, 'what is saved now');
    assert.match(stale.body, new RegExp(`name="revisie" value="${row!.revision + 1}"`));
    let saved = (await evaluations())[0]!;
    assert.equal(saved.results, 'Eerste wijziging');
    assert.equal(saved.revision, row!.revision + 1);
    const again = await leader.post(url, {
      ...form,
      resultaten: 'Mijn eigen wijziging',
      revisie: String(saved.revision),
    });
    assert.equal(again.statusCode, 303);
    saved = (await evaluations())[0]!;
    assert.equal(saved.results, 'Mijn eigen wijziging');
    const audits = await auditRows('schoolprogramma.evaluatie-gewijzigd');
    assert.deepEqual(
      audits.map((a) => a.result),
      ['ok', 'mislukt', 'ok'],
    );
  });

  test('team members and MR members read the evaluations but cannot write them', async () => {
    const [row] = await evaluations();
    for (const role of ['teamlid', 'mr-lid'] as const) {
      const c = new TestClient(app, (await signInAs(database(), role, fx.schoolId)).cookie);
      const list = await c.get(base());
      assert.equal(list.statusCode, 200, role);
      assert.doesNotMatch(list.body, /Evaluatie toevoegen/);
      const one = await c.get(`${base()}/${row!.id}`);
      assert.equal(one.statusCode, 200, role);
      assert.doesNotMatch(one.body, /<form method="post"[^>]*evaluatie/);
      assert.equal((await c.get(`${base()}/nieuw`)).statusCode, 403, role);
      const before = await evaluations();
      assert.equal((await c.post(`${base()}/nieuw`, form)).statusCode, 403, role);
      assert.equal(
        (await c.post(`${base()}/${row!.id}`, { ...form, revisie: String(row!.revision) })).statusCode,
        403,
        role,
      );
      assert.deepEqual(await evaluations(), before, role);
    }
  });

  test('another school’s intervention or evaluation is a 404, for reading and writing', async () => {
    const foreignPi = other.planInterventionIds[0]!;
    const db = database().db;
    const foreign = await db
      .insertInto('school_plan_evaluation')
      .values({
        plan_intervention_id: foreignPi,
        evaluated_on: '2022-06-01',
        results: 'Van een andere school',
        evidence_links: '[]',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const own = `/scholen/${fx.schoolId}/schoolprogramma/interventies`;
    assert.equal((await leader.get(`${own}/${foreignPi}/evaluatie`)).statusCode, 404);
    assert.equal((await leader.get(`${own}/${foreignPi}/evaluatie/nieuw`)).statusCode, 404);
    assert.equal((await leader.post(`${own}/${foreignPi}/evaluatie/nieuw`, form)).statusCode, 404);
    // Own intervention, another school's evaluation.
    assert.equal((await leader.get(`${base()}/${foreign.id}`)).statusCode, 404);
    const res = await leader.post(`${base()}/${foreign.id}`, { ...form, revisie: '1' });
    assert.equal(res.statusCode, 404);
    const still = await db
      .selectFrom('school_plan_evaluation')
      .selectAll()
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.results, 'Van een andere school');
    assert.equal(still.revision, 1);
  });
});
