// The plan's own pages over HTTP (app.inject) on both engines: starting a plan, goals and
// interventions added, changed and removed by the school leader; only interventions of the menu
// in force are accepted; a withdrawn one stays, marked; a stale save is a 409 that keeps the
// input; another school's ids are 404; the team, the MR and the board read but do not write;
// ministry roles get nothing; every write leaves an audit row.
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
import type { Role } from '../../../platform/db/tables.ts';
import { exampleNewFocusPoint } from '../../schoolscan/repository/examples.ts';
import { planMenu } from '../services/plan-menu.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

eachEngine('schoolprogramma plan pages', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let other: SeededPlan;
  let focusPointId: number;
  let otherFocusPointId: number;
  const clients = new Map<string, TestClient>();

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    const roles: [Role, number][] = [
      ['schoolleider', fx.schoolId],
      ['teamlid', fx.schoolId],
      ['mr-lid', fx.schoolId],
      ['bestuur', fx.boardId],
      ['analist', fx.ministryId],
      ['beheerder', fx.ministryId],
      ['redactie', fx.ministryId],
    ];
    for (const [role, org] of roles)
      clients.set(role, new TestClient(app, (await signInAs(database(), role, org)).cookie));
    clients.set(
      'leider-2',
      new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie),
    );
    other = await seedPlan(database().db, fx.otherSchoolId, new Date());
    focusPointId = (await exampleNewFocusPoint(database().db, fx.schoolId)).focusPointId;
    otherFocusPointId = (await exampleNewFocusPoint(database().db, fx.otherSchoolId)).focusPointId;
  });
  after(async () => {
    await app?.close();
  });

  const as = (who: string) => clients.get(who)!;
  const base = () => `/scholen/${fx.schoolId}/schoolprogramma`;
  const db = () => database().db;
  const planId = async () =>
    (
      await db()
        .selectFrom('school_plan')
        .select('id')
        .where('school_id', '=', fx.schoolId)
        .executeTakeFirst()
    )?.id;
  const auditActions = async (action: string) =>
    db()
      .selectFrom('audit_event')
      .select(['result'])
      .where('action', '=', action)
      .where('organisation_id', '=', fx.schoolId)
      .execute();
  const choosable = async () => (await planMenu(db(), new Date(), 'BO')).choosable;
  const interventionBody = (over: Record<string, string | string[]> = {}) => ({
    groepen: ['4', '5'],
    leerlingen: '48',
    start: '01-10-2021',
    einde: '15-07-2023',
    verantwoordelijke: 'Intern begeleider',
    aanpak: 'Drie keer per week in kleine groepjes.',
    professionalisering: '',
    evaluatie: 'In januari en juni bespreekt het team de toetsresultaten.',
    revisie: '0',
    ...over,
  });
  const goalBody = (over: Record<string, string | string[]> = {}) => ({
    wat: 'Groep 4 en 5 lezen weer vlot.',
    voorwie: 'Groep 4 en 5',
    datum: '15-07-2022',
    meting: 'Toets technisch lezen in juni.',
    aandachtspunten: String(focusPointId),
    revisie: '0',
    ...over,
  });

  test('without a plan the page explains it; only the school leader may start one', async () => {
    const leader = await as('schoolleider').get(base());
    assert.equal(leader.statusCode, 200);
    assert.match(leader.body, /Wat is een schoolprogramma\?/);
    assert.match(leader.body, /Schoolprogramma starten/);
    const team = await as('teamlid').get(base());
    assert.equal(team.statusCode, 200);
    assert.doesNotMatch(team.body, /Schoolprogramma starten/);
    assert.equal((await as('teamlid').post(`${base()}/starten`)).statusCode, 403);
    assert.equal(await planId(), undefined);
    const started = await as('schoolleider').post(`${base()}/starten`);
    assert.equal(started.statusCode, 303);
    assert.ok(await planId());
    assert.equal((await auditActions('schoolprogramma.gestart')).length, 1);
  });

  test('the introduction is saved; a stale save is a 409 that keeps the input', async () => {
    const ok = await as('schoolleider').post(`${base()}/inleiding`, {
      inleiding: 'Eerste tekst.',
      revisie: '1',
    });
    assert.equal(ok.statusCode, 303);
    const stale = await as('leider-2').post(`${base()}/inleiding`, {
      inleiding: 'Mijn eigen tekst.',
      revisie: '1',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Mijn eigen tekst\./);
    assert.match(stale.body, /Iemand anders heeft dit eerder opgeslagen/);
    assert.match(stale.body, /Eerste tekst\./);
    const row = await db()
      .selectFrom('school_plan')
      .select('intro')
      .where('school_id', '=', fx.schoolId)
      .executeTakeFirstOrThrow();
    assert.equal(row.intro, 'Eerste tekst.');
  });

  test('a goal: bad input keeps the values, another school’s focus point is refused, a good one is saved', async () => {
    const bad = await as('schoolleider').post(
      `${base()}/doelen/nieuw`,
      goalBody({ datum: '31-02-2022', voorwie: '' }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Groep 4 en 5 lezen weer vlot\./);
    assert.match(bad.body, /bestaande datum/);
    const late = await as('schoolleider').post(`${base()}/doelen/nieuw`, goalBody({ datum: '01-08-2025' }));
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /31 juli 2025/);
    const foreign = await as('schoolleider').post(
      `${base()}/doelen/nieuw`,
      goalBody({ aandachtspunten: String(otherFocusPointId) }),
    );
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.body, /alleen aandachtspunten uit de schoolscan van deze school/);
    const ok = await as('schoolleider').post(`${base()}/doelen/nieuw`, goalBody());
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    const goal = await db()
      .selectFrom('school_plan_goal')
      .selectAll()
      .where('plan_id', '=', (await planId())!)
      .executeTakeFirstOrThrow();
    assert.equal(goal.due_on, '2022-07-15');
    assert.deepEqual(goal.focus_point_ids, [focusPointId]);
    const form = await as('schoolleider').get(`${base()}/doelen/${goal.id}`);
    assert.match(form.body, /value="15-07-2022"/);
    const home = await as('teamlid').get(base());
    assert.match(home.body, /Groep 4 en 5 lezen weer vlot\./);
    assert.match(home.body, /Technisch|Rekenen/);
    assert.deepEqual((await auditActions('schoolprogramma.doel-toegevoegd')).map((r) => r.result).sort(), [
      'mislukt',
      'mislukt',
      'mislukt',
      'ok',
    ]);
  });

  test('a goal changed by two people: the second gets 409 with their own input kept', async () => {
    const goal = await db()
      .selectFrom('school_plan_goal')
      .select(['id', 'revision'])
      .where('plan_id', '=', (await planId())!)
      .executeTakeFirstOrThrow();
    const url = `${base()}/doelen/${goal.id}`;
    const first = await as('schoolleider').post(
      url,
      goalBody({ wat: 'Versie van de eerste.', revisie: String(goal.revision) }),
    );
    assert.equal(first.statusCode, 303);
    const second = await as('leider-2').post(
      url,
      goalBody({ wat: 'Versie van de tweede.', revisie: String(goal.revision) }),
    );
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Versie van de tweede\./);
    assert.match(second.body, /Versie van de eerste\./);
    assert.match(second.body, /Iemand anders heeft dit eerder opgeslagen/);
    const saved = await db()
      .selectFrom('school_plan_goal')
      .select(['what', 'revision'])
      .where('id', '=', goal.id)
      .executeTakeFirstOrThrow();
    assert.equal(saved.what, 'Versie van de eerste.');
    assert.equal(saved.revision, goal.revision + 1);
  });

  test('only interventions of the menu in force are accepted, server-side', async () => {
    const url = `${base()}/interventies/nieuw`;
    for (const code of ['ZZ9', '']) {
      const res = await as('schoolleider').post(url, interventionBody({ interventie: code }));
      assert.equal(res.statusCode, 400, code);
      assert.match(
        res.body,
        code ? /Alleen interventies van de menukaart die nu geldt/ : /Kies een interventie/,
      );
      assert.match(res.body, /Intern begeleider/, 'the input is kept');
    }
    // One on the menu in force but meant only for other sectors (read from the table, not the service).
    const menu = await planMenu(db(), new Date(), null);
    const fitting = new Set((await choosable()).map((i) => i.code));
    const entries = await db()
      .selectFrom('menukaart_entry as e')
      .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
      .select(['i.code', 'e.sectors'])
      .where('e.version_id', '=', menu.version.id)
      .where('e.withdrawn', '=', false)
      .execute();
    const otherSector = entries.find((e) => !e.sectors.includes('PO'));
    if (otherSector) {
      const res = await as('schoolleider').post(url, interventionBody({ interventie: otherSector.code }));
      assert.equal(res.statusCode, 400, otherSector.code);
      assert.match(res.body, /Alleen interventies van de menukaart die nu geldt/);
    }
    const late = await as('schoolleider').post(
      url,
      interventionBody({ interventie: [...fitting][0]!, einde: '01-08-2025' }),
    );
    assert.equal(late.statusCode, 400);
    const reversed = await as('schoolleider').post(
      url,
      interventionBody({ interventie: [...fitting][0]!, start: '01-10-2022', einde: '01-09-2022' }),
    );
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /vóór de startdatum/);
    const refusals = await db()
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'schoolprogramma.interventie-toegevoegd')
      .where('organisation_id', '=', fx.schoolId)
      .execute();
    assert.ok(refusals.some((r) => JSON.stringify(r.details).includes('niet-op-menukaart')));
    assert.equal(
      (
        await db()
          .selectFrom('school_plan_intervention')
          .select('id')
          .where('plan_id', '=', (await planId())!)
          .execute()
      ).length,
      0,
    );
  });

  test('the keuzehulp’s choices prefill the form; a chosen intervention is saved with the menu version', async () => {
    const pick = (await choosable())[0]!;
    await db()
      .insertInto('schoolscan_focus_choice')
      .values({
        focus_point_id: focusPointId,
        intervention_id: pick.id,
        estimated_cents: null,
        chosen_by: null,
      })
      .execute();
    const page = await as('schoolleider').get(`${base()}/interventies/nieuw`);
    const link = `interventies/nieuw?interventie=${pick.code}&amp;aandachtspunt=${focusPointId}`;
    assert.ok(page.body.includes(link), 'quick start link');
    const pre = await as('schoolleider').get(
      `${base()}/interventies/nieuw?interventie=${pick.code}&aandachtspunt=${focusPointId}`,
    );
    assert.match(pre.body, new RegExp(`value="${pick.code}"[^>]*selected`));
    assert.match(pre.body, new RegExp(`id="aandachtspunten-${focusPointId}"[^>]*checked`));
    const ok = await as('schoolleider').post(
      `${base()}/interventies/nieuw`,
      interventionBody({ interventie: pick.code, aandachtspunten: String(focusPointId) }),
    );
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
    const row = await db()
      .selectFrom('school_plan_intervention')
      .selectAll()
      .where('plan_id', '=', (await planId())!)
      .executeTakeFirstOrThrow();
    assert.equal(row.intervention_id, pick.id);
    assert.equal(row.ends_on, '2023-07-15');
    assert.deepEqual(row.grades, [4, 5]);
    const again = await as('schoolleider').get(`${base()}/interventies/nieuw`);
    assert.ok(!again.body.includes(link), 'no quick start once it is in the plan');
  });

  test('an intervention changed by two people: 409 keeps the input', async () => {
    const row = await db()
      .selectFrom('school_plan_intervention')
      .select(['id', 'revision'])
      .where('plan_id', '=', (await planId())!)
      .executeTakeFirstOrThrow();
    const url = `${base()}/interventies/${row.id}`;
    const first = await as('schoolleider').post(
      url,
      interventionBody({ verantwoordelijke: 'Leescoördinator', revisie: String(row.revision) }),
    );
    assert.equal(first.statusCode, 303);
    const second = await as('leider-2').post(
      url,
      interventionBody({ verantwoordelijke: 'Mijn collega Jan', revisie: String(row.revision) }),
    );
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Mijn collega Jan/);
    assert.match(second.body, /Leescoördinator/);
  });

  test('another school’s goal or intervention under this school is 404, and nothing changes', async () => {
    const leader = as('schoolleider');
    const g = other.goalIds[0]!;
    const i = other.planInterventionIds[1]!;
    for (const url of [
      `${base()}/doelen/${g}`,
      `${base()}/doelen/${g}/verwijderen`,
      `${base()}/interventies/${i}`,
      `${base()}/interventies/${i}/verwijderen`,
    ]) {
      assert.equal((await leader.get(url)).statusCode, 404, `GET ${url}`);
    }
    assert.equal((await leader.post(`${base()}/doelen/${g}`, goalBody({ revisie: '1' }))).statusCode, 404);
    assert.equal((await leader.post(`${base()}/doelen/${g}/verwijderen`)).statusCode, 404);
    assert.equal(
      (await leader.post(`${base()}/interventies/${i}`, interventionBody({ revisie: '1' }))).statusCode,
      404,
    );
    assert.equal((await leader.post(`${base()}/interventies/${i}/verwijderen`)).statusCode, 404);
    assert.ok(await db().selectFrom('school_plan_goal').select('id').where('id', '=', g).executeTakeFirst());
    assert.ok(
      await db().selectFrom('school_plan_intervention').select('id').where('id', '=', i).executeTakeFirst(),
    );
  });

  test('the team, the MR and the board read the plan but cannot write; ministry roles get nothing', async () => {
    const goal = await db()
      .selectFrom('school_plan_goal')
      .select('id')
      .where('plan_id', '=', (await planId())!)
      .executeTakeFirstOrThrow();
    for (const who of ['teamlid', 'mr-lid', 'bestuur']) {
      const home = await as(who).get(base());
      assert.equal(home.statusCode, 200, who);
      assert.doesNotMatch(home.body, /Doel toevoegen/, who);
      assert.equal((await as(who).get(`${base()}/doelen/nieuw`)).statusCode, 403, who);
      assert.equal((await as(who).get(`${base()}/doelen/${goal.id}`)).statusCode, 403, who);
      assert.equal((await as(who).post(`${base()}/doelen/nieuw`, goalBody())).statusCode, 403, who);
      assert.equal((await as(who).post(`${base()}/doelen/${goal.id}/verwijderen`)).statusCode, 403, who);
      assert.equal(
        (await as(who).post(`${base()}/inleiding`, { inleiding: 'x', revisie: '9' })).statusCode,
        403,
        who,
      );
    }
    for (const who of ['analist', 'beheerder', 'redactie']) {
      const res = await as(who).get(base());
      assert.equal(res.statusCode, 403, who);
      assert.doesNotMatch(res.body, /Groep 4 en 5 lezen/, who);
    }
  });

  test('a withdrawn intervention stays on the plan, clearly marked, and can still be edited', async () => {
    const row = await db()
      .selectFrom('school_plan_intervention')
      .select(['id', 'intervention_id', 'menu_version_id', 'revision'])
      .where('plan_id', '=', (await planId())!)
      .executeTakeFirstOrThrow();
    const menuNow = await planMenu(db(), new Date(), 'BO');
    await db()
      .updateTable('menukaart_entry')
      .set({ withdrawn: true, withdrawn_reason: 'Test' })
      .where('version_id', '=', menuNow.version.id)
      .where('intervention_id', '=', row.intervention_id)
      .execute();
    try {
      const home = await as('mr-lid').get(base());
      assert.match(home.body, /Ingetrokken uit de menukaart/);
      const edit = await as('schoolleider').get(`${base()}/interventies/${row.id}`);
      assert.match(edit.body, /Ingetrokken uit de menukaart/);
      const saved = await as('schoolleider').post(
        `${base()}/interventies/${row.id}`,
        interventionBody({ revisie: String(row.revision) }),
      );
      assert.equal(saved.statusCode, 303);
      const code = (
        await db()
          .selectFrom('menukaart_intervention')
          .select('code')
          .where('id', '=', row.intervention_id)
          .executeTakeFirstOrThrow()
      ).code;
      const again = await as('schoolleider').post(
        `${base()}/interventies/nieuw`,
        interventionBody({ interventie: code }),
      );
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /Alleen interventies van de menukaart die nu geldt/);
    } finally {
      await db()
        .updateTable('menukaart_entry')
        .set({ withdrawn: false, withdrawn_reason: null })
        .where('version_id', '=', menuNow.version.id)
        .where('intervention_id', '=', row.intervention_id)
        .execute();
    }
  });

  test('deleting: an intervention with expenses is refused with a clear message; without, it goes with its budget', async () => {
    const pid = (await planId())!;
    const row = await db()
      .selectFrom('school_plan_intervention')
      .select('id')
      .where('plan_id', '=', pid)
      .executeTakeFirstOrThrow();
    const year = await db()
      .selectFrom('school_year')
      .select('id')
      .orderBy('starts_on')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('school_plan_budget')
      .values({
        plan_intervention_id: row.id,
        school_year_id: year.id,
        cost_type: 'overig',
        planned_cents: 100_00,
      })
      .execute();
    await db()
      .insertInto('school_plan_expense')
      .values({
        plan_id: pid,
        plan_intervention_id: row.id,
        cost_type: 'overig',
        school_year_id: year.id,
        spent_on: '2021-11-01',
        amount_cents: 50_00,
        description: 'Boeken',
        created_at: new Date(),
      })
      .execute();
    const url = `${base()}/interventies/${row.id}/verwijderen`;
    const confirm = await as('schoolleider').get(url);
    assert.match(confirm.body, /kan niet worden verwijderd/);
    const refused = await as('schoolleider').post(url);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /correctie/);
    assert.ok(
      await db()
        .selectFrom('school_plan_intervention')
        .select('id')
        .where('id', '=', row.id)
        .executeTakeFirst(),
    );
    // A second intervention without expenses goes, with its budget lines.
    const pick = (await choosable())[1]!;
    assert.equal(
      (
        await as('schoolleider').post(
          `${base()}/interventies/nieuw`,
          interventionBody({ interventie: pick.code }),
        )
      ).statusCode,
      303,
    );
    const fresh = await db()
      .selectFrom('school_plan_intervention')
      .select('id')
      .where('plan_id', '=', pid)
      .where('intervention_id', '=', pick.id)
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('school_plan_budget')
      .values({
        plan_intervention_id: fresh.id,
        school_year_id: year.id,
        cost_type: 'overig',
        planned_cents: 100_00,
      })
      .execute();
    const page = await as('schoolleider').get(`${base()}/interventies/${fresh.id}/verwijderen`);
    assert.match(page.body, /Interventie verwijderen/);
    assert.equal(
      (await as('schoolleider').post(`${base()}/interventies/${fresh.id}/verwijderen`)).statusCode,
      303,
    );
    assert.equal(
      await db()
        .selectFrom('school_plan_budget')
        .select('cost_type')
        .where('plan_intervention_id', '=', fresh.id)
        .executeTakeFirst(),
      undefined,
    );
    const deletions = await db()
      .selectFrom('audit_event')
      .select(['result', 'details'])
      .where('action', '=', 'schoolprogramma.interventie-verwijderd')
      .where('object_id', 'in', [String(row.id), String(fresh.id)])
      .execute();
    assert.deepEqual(deletions.map((r) => `${r.result} ${JSON.stringify(r.details)}`).sort(), [
      'mislukt {"reden":"uitgaven"}',
      'ok {}',
    ]);
  });

  test('deleting a goal unlinks it from the interventions that served it and gives them a new revision', async () => {
    const pid = (await planId())!;
    const goal = await db()
      .selectFrom('school_plan_goal')
      .select('id')
      .where('plan_id', '=', pid)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('school_plan_intervention')
      .set({ goal_ids: [goal.id] })
      .where('plan_id', '=', pid)
      .execute();
    const revisions = async () =>
      db()
        .selectFrom('school_plan_intervention')
        .select(['id', 'revision'])
        .where('plan_id', '=', pid)
        .orderBy('id')
        .execute();
    const before = await revisions();
    assert.ok(before.length > 0, 'the plan has interventions that served the goal');
    const confirm = await as('schoolleider').get(`${base()}/doelen/${goal.id}/verwijderen`);
    assert.match(confirm.body, /Doel verwijderen\?/);
    assert.equal((await as('schoolleider').post(`${base()}/doelen/${goal.id}/verwijderen`)).statusCode, 303);
    const rows = await db()
      .selectFrom('school_plan_intervention')
      .select('goal_ids')
      .where('plan_id', '=', pid)
      .execute();
    assert.ok(rows.every((r) => !r.goal_ids.includes(goal.id)));
    assert.deepEqual(
      (await revisions()).map((r) => r.revision),
      before.map((r) => r.revision + 1),
      'each unlinked intervention has a new revision, so an edit opened before gets 409',
    );
    assert.ok((await auditActions('schoolprogramma.doel-verwijderd')).some((r) => r.result === 'ok'));
  });

  test('an intervention from F is refused while the plan has none from A–E, with the input kept; after one from A–E it is accepted; that last A–E one cannot be removed while F stays (refused and audited), after F it can', async () => {
    const fresh = await createFixtures(database());
    const leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fresh.schoolId)).cookie);
    const codes = (await choosable()).map((i) => i.code);
    const support = codes.find((c) => c.startsWith('F'));
    const main = codes.find((c) => /^[A-E]/.test(c));
    assert.ok(support && main, 'the menu in force has interventions in F and in A–E');
    const url = `/scholen/${fresh.schoolId}/schoolprogramma/interventies/nieuw`;
    const refused = await leader.post(url, interventionBody({ interventie: support }));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Kies eerst een interventie uit A tot en met E/);
    assert.match(refused.body, /Intern begeleider/, 'the input is kept');
    assert.equal((await leader.post(url, interventionBody({ interventie: main }))).statusCode, 303);
    assert.equal((await leader.post(url, interventionBody({ interventie: support }))).statusCode, 303);

    // The other side: the last A–E intervention cannot go while the F one stays.
    const rows = await db()
      .selectFrom('school_plan_intervention as pi')
      .innerJoin('school_plan as p', 'p.id', 'pi.plan_id')
      .innerJoin('menukaart_intervention as m', 'm.id', 'pi.intervention_id')
      .select(['pi.id', 'm.code'])
      .where('p.school_id', '=', fresh.schoolId)
      .execute();
    const idOf = (code: string) => rows.find((r) => r.code === code)!.id;
    const base = `/scholen/${fresh.schoolId}/schoolprogramma/interventies`;
    const page = await leader.get(`${base}/${idOf(main)}/verwijderen`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /kan niet worden verwijderd/);
    assert.match(page.body, /Verwijder eerst de interventies uit F/);
    assert.doesNotMatch(page.body, /method="post" action="[^"]*verwijderen"/, 'no confirm form');
    const refusedDelete = await leader.post(`${base}/${idOf(main)}/verwijderen`, {});
    assert.equal(refusedDelete.statusCode, 409);
    assert.match(refusedDelete.body, /Verwijder eerst de interventies uit F/);
    assert.equal(
      (await db().selectFrom('school_plan_intervention').select('id').where('id', '=', idOf(main)).execute())
        .length,
      1,
    );
    const refusals = await db()
      .selectFrom('audit_event')
      .select('result')
      .where('action', '=', 'schoolprogramma.interventie-verwijderd')
      .where('organisation_id', '=', fresh.schoolId)
      .execute();
    assert.deepEqual(
      refusals.map((r) => r.result),
      ['mislukt'],
    );
    // F first, then the A–E one: both go.
    assert.equal((await leader.post(`${base}/${idOf(support)}/verwijderen`, {})).statusCode, 303);
    assert.equal((await leader.post(`${base}/${idOf(main)}/verwijderen`, {})).statusCode, 303);
  });
});
