// The budget of an intervention and the overview, on both engines: who reads and who writes, bad
// amounts keep every value with a message per cell and change nothing, a stale save is a 409
// that keeps the input, another school's intervention is a 404, and every write is audited.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
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

eachEngine('schoolprogramma budget', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let plan: SeededPlan;
  let other: SeededPlan;
  let leader: TestClient;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    plan = await seedPlan(database().db, fx.schoolId);
    other = await seedPlan(database().db, fx.otherSchoolId);
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
  });

  const db = () => database().db;
  const gridUrl = (pi: number, schoolId = fx.schoolId) =>
    `/scholen/${schoolId}/schoolprogramma/interventies/${pi}/begroting`;
  const lines = (pi: number) =>
    db()
      .selectFrom('school_plan_budget')
      .select(['school_year_id', 'cost_type', 'planned_cents', 'committed_cents'])
      .where('plan_intervention_id', '=', pi)
      .orderBy('school_year_id')
      .orderBy('cost_type')
      .execute();
  const revision = async (pi: number) =>
    (
      await db()
        .selectFrom('school_plan_intervention')
        .select('budget_revision')
        .where('id', '=', pi)
        .executeTakeFirstOrThrow()
    ).budget_revision;
  const audits = (action: string, objectId: number) =>
    db()
      .selectFrom('audit_event')
      .select(['result', 'details'])
      .where('action', '=', action)
      .where('object_id', '=', String(objectId))
      .orderBy('id')
      .execute();

  test('staff, the MR and the board read the grid; only the school leader gets fields; ministry roles get nothing', async () => {
    const pi = plan.planInterventionIds[0]!;
    const page = await leader.get(gridUrl(pi));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Schooljaar 2021-2022/);
    assert.match(
      page.body,
      /name="gepland-\d+-eigen-personeel" type="text" inputmode="decimal" size="12" value="15.000"/,
    );
    for (const [role, org] of [
      ['teamlid', fx.schoolId],
      ['mr-lid', fx.schoolId],
      ['bestuur', fx.boardId],
    ] as const) {
      const res = await new TestClient(app, (await signInAs(database(), role, org)).cookie).get(gridUrl(pi));
      assert.equal(res.statusCode, 200, role);
      assert.doesNotMatch(res.body, /name="gepland-/);
      assert.match(res.body, /Alleen de schoolleider kan de begroting wijzigen/);
    }
    for (const role of ['beheerder', 'analist'] as const) {
      const res = await new TestClient(app, (await signInAs(database(), role, fx.ministryId)).cookie).get(
        gridUrl(pi),
      );
      assert.equal(res.statusCode, 403, role);
    }
    const team = new TestClient(app, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
    const post = await team.post(gridUrl(pi), { revisie: String(await revision(pi)) });
    assert.equal(post.statusCode, 403);
  });

  test('bad amounts: 400, every value kept, a message per cell, nothing written', async () => {
    const pi = plan.planInterventionIds[0]!;
    const [y1, y2] = plan.schoolYearIds;
    const before = await lines(pi);
    const rev = await revision(pi);
    const res = await leader.post(gridUrl(pi), {
      revisie: String(rev),
      [`gepland-${y1}-eigen-personeel`]: 'veel',
      [`gepland-${y1}-extern-personeel`]: '-50',
      [`vastgelegd-${y2}-overig`]: '12.000.000',
      [`gepland-${y2}-overig`]: '1.234,56',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /De begroting is niet opgeslagen/);
    assert.match(res.body, /Begroot 2021-2022, eigen personeel: vul een bedrag in euro's in/);
    assert.match(
      res.body,
      /Begroot 2021-2022, extern personeel \(PNIL\): een begroot bedrag kan niet negatief zijn/,
    );
    assert.match(res.body, /Vastgelegd 2022-2023, overig: €\s12\.000\.000,00 is meer dan/);
    assert.match(res.body, /value="veel"/);
    assert.match(res.body, /value="-50"/);
    assert.match(res.body, /value="1.234,56"/);
    assert.deepEqual(await lines(pi), before);
    assert.equal(await revision(pi), rev);
    assert.equal((await audits('schoolprogramma.begroting-opgeslagen', pi)).at(-1)?.result, 'mislukt');
  });

  test('a save replaces the whole grid, bumps the revision and is audited; a stale save is a 409 that keeps the input', async () => {
    const pi = plan.planInterventionIds[1]!;
    const [y1, , y3] = plan.schoolYearIds;
    const rev = await revision(pi);
    const ok = await leader.post(gridUrl(pi), {
      revisie: String(rev),
      [`gepland-${y1}-eigen-personeel`]: '1.234,56',
      [`vastgelegd-${y1}-eigen-personeel`]: '1.000',
      [`gepland-${y3}-materialen-ict`]: '€ 750',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${gridUrl(pi)}?opgeslagen=1`);
    assert.deepEqual(
      (await lines(pi)).map((l) => [
        l.school_year_id,
        l.cost_type,
        Number(l.planned_cents),
        Number(l.committed_cents),
      ]),
      [
        [y1, 'eigen-personeel', 123456, 100000],
        [y3, 'materialen-ict', 75000, 0],
      ],
    );
    assert.equal(await revision(pi), rev + 1);
    const audit = (await audits('schoolprogramma.begroting-opgeslagen', pi)).at(-1)!;
    assert.equal(audit.result, 'ok');
    assert.deepEqual(audit.details, { revisie: rev + 1, begroot_cent: 198456, vastgelegd_cent: 100000 });
    const shown = await leader.get(`${gridUrl(pi)}?opgeslagen=1`);
    assert.match(shown.body, /De begroting is opgeslagen/);
    assert.match(shown.body, /value="1.234,56"/);

    // Someone saved in between: the old revision is refused and the input stays.
    const stale = await leader.post(gridUrl(pi), { revisie: String(rev), [`gepland-${y1}-overig`]: '999' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Iemand anders heeft deze begroting opgeslagen/);
    assert.match(
      stale.body,
      /name="gepland-\d+-overig" type="text" inputmode="decimal" size="12" value="999"/,
    );
    assert.match(stale.body, /Nu opgeslagen/);
    assert.match(stale.body, new RegExp(`name="revisie" value="${rev + 1}"`));
    assert.equal(await revision(pi), rev + 1);
    assert.equal((await lines(pi)).length, 2);
    assert.equal((await audits('schoolprogramma.begroting-opgeslagen', pi)).at(-1)!.result, 'mislukt');
  });

  test("another school's intervention is a 404, to read and to write", async () => {
    const theirs = other.planInterventionIds[0]!;
    assert.equal((await leader.get(gridUrl(theirs))).statusCode, 404);
    const before = await lines(theirs);
    const res = await leader.post(gridUrl(theirs), {
      revisie: String(await revision(theirs)),
      [`gepland-${other.schoolYearIds[0]}-overig`]: '1',
    });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(await lines(theirs), before);
  });

  test('the overview: money per year, PNIL share, per intervention and category, and the warnings in words', async () => {
    const res = await leader.get(`/scholen/${fx.schoolId}/schoolprogramma/begroting`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Geld per schooljaar/);
    assert.match(res.body, /Extern personeel \(PNIL\)/);
    assert.match(res.body, /Per categorie van de menukaart/);
    // The test database has no allocation for the school: everything planned is over-planning.
    assert.match(res.body, /Het hele plan is overbegroot/);
    assert.match(res.body, /is \(nog\) geen toekenning bekend|overbegroot/);
    const mr = new TestClient(app, (await signInAs(database(), 'mr-lid', fx.schoolId)).cookie);
    assert.equal((await mr.get(`/scholen/${fx.schoolId}/schoolprogramma/begroting`)).statusCode, 200);
    const beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
    assert.equal((await beheerder.get(`/scholen/${fx.schoolId}/schoolprogramma/begroting`)).statusCode, 403);
  });
});
