// The plan's demo part and dashboard part: the demo BO school gets a plan whose goals answer its
// demo focus point and whose interventions come from the menu in force (a second run adds
// nothing); the dashboard offers the school leader to draft the plan and the team to read it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Membership, Principal } from '../../../platform/auth/principal.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { schoolscanDemoStep } from '../../schoolscan/demo.ts';
import { demoPlan } from '../services/demo-plan.ts';
import { planDashboard } from '../services/dashboard-plan.ts';
import { planMenu } from '../services/plan-menu.ts';

eachEngine('schoolprogramma plan demo and dashboard', (database) => {
  test('the demo BO school gets a plan linked to its focus point, from the menu in force; once', async () => {
    const db = database().db;
    const orgs = await seedDemoOrganisations(db);
    const schoolId = orgs.schools.bo;
    const dash = (role: Role) => {
      const membership: Membership = {
        organisationId: schoolId,
        organisationKind: 'school',
        organisationName: 'Demo',
        parentId: orgs.boardId,
        role,
      };
      return planDashboard({ membership, principal: {} as Principal, db, now: new Date() });
    };
    assert.deepEqual(
      (await dash('schoolleider')).map((a) => a.label),
      ['Schoolprogramma opstellen'],
    );
    assert.deepEqual(await dash('teamlid'), []);
    await schoolscanDemoStep.run(db, orgs);
    assert.equal((await demoPlan(db, orgs)).length, 1);
    assert.deepEqual(await demoPlan(db, orgs), []);
    const plan = await db
      .selectFrom('school_plan')
      .selectAll()
      .where('school_id', '=', schoolId)
      .executeTakeFirstOrThrow();
    assert.ok(plan.intro.length > 50);
    const goals = await db
      .selectFrom('school_plan_goal')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .execute();
    assert.equal(goals.length, 3);
    assert.ok(goals.every((g) => g.focus_point_ids.length === 1));
    const items = await db
      .selectFrom('school_plan_intervention')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .execute();
    assert.ok(items.length >= 2 && items.length <= 3);
    const menu = await planMenu(db, new Date(), 'BO');
    assert.ok(items.every((i) => menu.choosable.some((c) => c.id === i.intervention_id)));
    assert.deepEqual(
      (await dash('schoolleider')).map((a) => `${a.label}: ${a.description}`),
      [`Schoolprogramma bijwerken: 3 doelen en ${items.length} interventies.`],
    );
    for (const role of ['teamlid', 'mr-lid'] as const)
      assert.deepEqual(
        (await dash(role)).map((a) => a.label),
        ['Schoolprogramma lezen'],
      );
  });
});
