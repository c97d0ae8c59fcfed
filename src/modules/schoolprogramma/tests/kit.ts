// Test data for the school programme: a plan with two goals, two interventions from the menu in
// force, budget lines in the first two school years and one expense. Written straight into the
// tables, so each part's tests can start from a realistic plan without the others' pages.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';
import { ensurePlan } from '../repository/plans.ts';

export interface SeededPlan {
  planId: number;
  programmeId: number;
  schoolYearIds: number[];
  goalIds: number[];
  planInterventionIds: number[];
  /** The menu interventions chosen, in the same order. */
  interventionIds: number[];
  menuVersionId: number;
  expenseId: number;
}

export async function seedPlan(
  db: Kysely<DB>,
  schoolId: number,
  now = new Date('2021-10-01T09:00:00Z'),
): Promise<SeededPlan> {
  const programme = await loadProgramme(db);
  const years = await listSchoolYears(db, programme.id);
  const plan = await ensurePlan(db, schoolId, programme.id, null, now);
  const menu = await menuVersionInForce(db, now);
  const entries = await db
    .selectFrom('menukaart_entry')
    .select('intervention_id')
    .where('version_id', '=', menu.id)
    .where('withdrawn', '=', false)
    .orderBy('intervention_id')
    .limit(2)
    .execute();
  const stamp = { created_at: now, updated_at: now };
  const goalIds: number[] = [];
  for (const [i, what] of [
    'Technisch lezen groep 4 en 5 op niveau',
    'Betere concentratie in groep 6',
  ].entries()) {
    const g = await db
      .insertInto('school_plan_goal')
      .values({
        plan_id: plan.id,
        what,
        for_whom: i === 0 ? 'Groep 4 en 5' : 'Groep 6',
        due_on: '2022-07-15',
        measure: 'Methode-onafhankelijke toets in juni',
        position: i + 1,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    goalIds.push(g.id);
  }
  const planInterventionIds: number[] = [];
  for (const [i, e] of entries.entries()) {
    const pi = await db
      .insertInto('school_plan_intervention')
      .values({
        plan_id: plan.id,
        intervention_id: e.intervention_id,
        menu_version_id: menu.id,
        goal_ids: [goalIds[i]!],
        grades: i === 0 ? [4, 5] : [6],
        pupils: i === 0 ? 48 : 25,
        starts_on: '2021-10-01',
        ends_on: '2023-07-14',
        responsible: i === 0 ? 'Intern begeleider' : 'Leerkracht groep 6',
        approach: 'Drie keer per week in kleine groepjes.',
        position: i + 1,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    planInterventionIds.push(pi.id);
    for (const year of years.slice(0, 2))
      await db
        .insertInto('school_plan_budget')
        .values([
          {
            plan_intervention_id: pi.id,
            school_year_id: year.id,
            cost_type: 'eigen-personeel',
            planned_cents: 1_500_000,
          },
          {
            plan_intervention_id: pi.id,
            school_year_id: year.id,
            cost_type: 'extern-personeel',
            planned_cents: 500_000,
          },
        ])
        .execute();
  }
  const expense = await db
    .insertInto('school_plan_expense')
    .values({
      plan_id: plan.id,
      plan_intervention_id: planInterventionIds[0]!,
      cost_type: 'extern-personeel',
      school_year_id: years[0]!.id,
      spent_on: '2021-11-15',
      amount_cents: 250_000,
      description: 'Inhuur leesspecialist, november',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    planId: plan.id,
    programmeId: programme.id,
    schoolYearIds: years.map((y) => y.id),
    goalIds,
    planInterventionIds,
    interventionIds: entries.map((e) => e.intervention_id),
    menuVersionId: menu.id,
    expenseId: expense.id,
  };
}
