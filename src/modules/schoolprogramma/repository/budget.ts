// The budget of a plan's interventions: the interventions with their menu code, name and
// category, the budget lines of one intervention, and saving them all at once under the
// intervention's budget_revision (optimistic locking). Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { CostType } from '../tables.ts';

type Db = Kysely<DB>;

/** The plan's interventions with their name and category as in the menu they were chosen from. */
function interventionsQuery(db: Db) {
  return db
    .selectFrom('school_plan_intervention as pi')
    .innerJoin('school_plan as p', 'p.id', 'pi.plan_id')
    .innerJoin('menukaart_intervention as mi', 'mi.id', 'pi.intervention_id')
    .leftJoin('menukaart_entry as e', (j) =>
      j
        .onRef('e.version_id', '=', 'pi.menu_version_id')
        .onRef('e.intervention_id', '=', 'pi.intervention_id'),
    )
    .leftJoin('menukaart_category as c', (j) =>
      j.onRef('c.version_id', '=', 'e.version_id').onRef('c.code', '=', 'e.category_code'),
    )
    .select([
      'pi.id',
      'pi.plan_id',
      'p.school_id',
      'p.programme_id',
      'pi.budget_revision',
      'pi.position',
      'mi.code',
      sql<string>`coalesce(${sql.ref('e.name_nl')}, ${sql.ref('mi.code')})`.as('name'),
      sql<string>`coalesce(${sql.ref('e.category_code')}, '?')`.as('category_code'),
      sql<string>`coalesce(${sql.ref('c.name')}, 'Onbekende categorie')`.as('category_name'),
    ]);
}

export async function planInterventions(db: Db, planId: number) {
  return interventionsQuery(db)
    .where('pi.plan_id', '=', planId)
    .orderBy('pi.position')
    .orderBy('pi.id')
    .execute();
}

export type PlanInterventionRow = Awaited<ReturnType<typeof planInterventions>>[number];

/** A plan intervention of this school (undefined when it is another school's, or none). */
export async function findPlanIntervention(db: Db, schoolId: number, planInterventionId: number) {
  return interventionsQuery(db)
    .where('pi.id', '=', planInterventionId)
    .where('p.school_id', '=', schoolId)
    .executeTakeFirst();
}

export interface BudgetCell {
  schoolYearId: number;
  costType: CostType;
  plannedCents: number;
  committedCents: number;
}

export async function budgetOfIntervention(db: Db, planInterventionId: number): Promise<BudgetCell[]> {
  const rows = await db
    .selectFrom('school_plan_budget')
    .select(['school_year_id', 'cost_type', 'planned_cents', 'committed_cents'])
    .where('plan_intervention_id', '=', planInterventionId)
    .execute();
  return rows.map((r) => ({
    schoolYearId: r.school_year_id,
    costType: r.cost_type,
    plannedCents: Number(r.planned_cents),
    committedCents: Number(r.committed_cents),
  }));
}

/** The budget lines of all interventions of a plan. */
export async function budgetOfPlan(db: Db, planId: number) {
  const rows = await db
    .selectFrom('school_plan_budget as b')
    .innerJoin('school_plan_intervention as pi', 'pi.id', 'b.plan_intervention_id')
    .select([
      'b.plan_intervention_id',
      'b.school_year_id',
      'b.cost_type',
      'b.planned_cents',
      'b.committed_cents',
    ])
    .where('pi.plan_id', '=', planId)
    .execute();
  return rows.map((r) => ({
    planInterventionId: r.plan_intervention_id,
    schoolYearId: r.school_year_id,
    costType: r.cost_type,
    plannedCents: Number(r.planned_cents),
    committedCents: Number(r.committed_cents),
  }));
}

/**
 * Replaces the intervention's budget when its budget_revision is still `revision`; returns the
 * new revision, or null when someone saved in between (nothing is written then).
 */
export async function saveBudget(
  trx: Db,
  planInterventionId: number,
  revision: number,
  cells: BudgetCell[],
  personId: number | null,
  now: Date,
): Promise<number | null> {
  const bumped = await trx
    .updateTable('school_plan_intervention')
    .set((eb) => ({ budget_revision: eb('budget_revision', '+', 1), updated_at: now, updated_by: personId }))
    .where('id', '=', planInterventionId)
    .where('budget_revision', '=', revision)
    .returning('budget_revision')
    .executeTakeFirst();
  if (!bumped) return null;
  await trx.deleteFrom('school_plan_budget').where('plan_intervention_id', '=', planInterventionId).execute();
  const rows = cells
    .filter((c) => c.plannedCents > 0 || c.committedCents > 0)
    .map((c) => ({
      plan_intervention_id: planInterventionId,
      school_year_id: c.schoolYearId,
      cost_type: c.costType,
      planned_cents: c.plannedCents,
      committed_cents: c.committedCents,
    }));
  if (rows.length > 0) await trx.insertInto('school_plan_budget').values(rows).execute();
  return bumped.budget_revision;
}
