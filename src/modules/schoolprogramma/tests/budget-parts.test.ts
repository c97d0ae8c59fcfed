// The budget's dashboard and demo parts, on both engines: the school leader sees over-planning
// and money at risk as urgent actions (others see nothing); the demo adds a budget, expenses and
// one correction only when the plan has interventions and no budget or expenses yet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures, type Fixtures } from '../../../../test/support/app.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { ensurePlan } from '../repository/plans.ts';
import { budgetDashboard } from '../services/dashboard-budget.ts';
import { budgetDemo } from '../services/demo-budget.ts';
import { seedPlan } from './kit.ts';

eachEngine('schoolprogramma budget parts', (database) => {
  let fx: Fixtures;
  before(async () => {
    fx = await createFixtures(database());
  });
  const db = () => database().db;

  test('the school leader sees over-planning as urgent (money at risk: the unit tests); a team member does not', async () => {
    await seedPlan(db(), fx.schoolId);
    const membership = {
      organisationId: fx.schoolId,
      organisationKind: 'school' as const,
      organisationName: 'Testschool A',
      parentId: fx.boardId,
      role: 'schoolleider' as const,
    };
    const input = { membership, principal: {} as Principal, db: db(), now: new Date('2022-01-10T09:00:00Z') };
    const actions = await budgetDashboard(input);
    // No allocation in the test database: everything planned is beyond what the school has.
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.label, 'Het schoolprogramma is overbegroot');
    assert.equal(actions[0]!.urgent, true);
    assert.equal(actions[0]!.href, `/scholen/${fx.schoolId}/schoolprogramma/begroting`);
    assert.match(actions[0]!.description!, /het bestuur ziet dit/);
    assert.equal(
      (await budgetDashboard({ ...input, membership: { ...membership, role: 'teamlid' } })).length,
      0,
    );
  });

  test('the demo part waits for the plan, then adds a budget, expenses and one correction, once', async () => {
    const orgs = {
      ministryId: fx.ministryId,
      boardId: fx.boardId,
      schools: { bo: fx.otherSchoolId, so: 0, vo: 0 },
    };
    assert.deepEqual(await budgetDemo(db(), orgs), []);
    const programme = await loadProgramme(db());
    const plan = await ensurePlan(db(), fx.otherSchoolId, programme.id, null, new Date());
    assert.deepEqual(await budgetDemo(db(), orgs), [], 'no interventions yet');
    const seeded = await seedPlan(db(), fx.otherSchoolId);
    assert.equal(seeded.planId, plan.id);
    // The kit's budget and expense stand in for a plan without them.
    await db().deleteFrom('school_plan_expense').where('plan_id', '=', plan.id).execute();
    await db()
      .deleteFrom('school_plan_budget')
      .where('plan_intervention_id', 'in', seeded.planInterventionIds)
      .execute();
    const lines = await budgetDemo(db(), orgs);
    assert.equal(lines.length, 1);
    const budget = await db()
      .selectFrom('school_plan_budget')
      .select('planned_cents')
      .where('plan_intervention_id', 'in', seeded.planInterventionIds)
      .execute();
    assert.equal(budget.length, 2 * 4 * 4);
    const expenses = await db()
      .selectFrom('school_plan_expense')
      .select(['amount_cents', 'corrects_id'])
      .where('plan_id', '=', plan.id)
      .execute();
    assert.equal(expenses.filter((x) => x.corrects_id !== null).length, 1);
    assert.ok(expenses.length > 5);
    assert.deepEqual(await budgetDemo(db(), orgs), [], 'runs once');
  });
});
