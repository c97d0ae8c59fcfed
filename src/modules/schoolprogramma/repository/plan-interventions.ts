// The interventions of a plan, each with its name and category as the menu it was chosen from
// gives them: listed, found within the plan only, added, changed from the revision the writer
// saw, and removed when no money was recorded as spent on it. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { leavesFAloneProblem, type InterventionValues } from '../services/plan-rules.ts';

type Db = Kysely<DB>;

function withMenu(db: Db) {
  return db
    .selectFrom('school_plan_intervention as pi')
    .innerJoin('menukaart_intervention as i', 'i.id', 'pi.intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j
        .onRef('e.version_id', '=', 'pi.menu_version_id')
        .onRef('e.intervention_id', '=', 'pi.intervention_id'),
    )
    .leftJoin('menukaart_category as c', (j) =>
      j.onRef('c.version_id', '=', 'pi.menu_version_id').onRef('c.code', '=', 'e.category_code'),
    )
    .leftJoin('person as p', 'p.id', 'pi.updated_by')
    .select([
      'pi.id',
      'pi.intervention_id',
      'pi.menu_version_id',
      'i.code',
      'e.name_nl as name',
      'e.category_code',
      'c.name as category_name',
      'pi.focus_point_ids',
      'pi.goal_ids',
      'pi.grades',
      'pi.pupils',
      'pi.starts_on',
      'pi.ends_on',
      'pi.responsible',
      'pi.approach',
      'pi.professional_development',
      'pi.evaluation_plan',
      'pi.position',
      'pi.revision',
      'pi.updated_at',
      'p.name as updated_by_name',
    ]);
}

export async function interventionsOfPlan(db: Db, planId: number) {
  return withMenu(db).where('pi.plan_id', '=', planId).orderBy('pi.position').orderBy('pi.id').execute();
}

export type PlanInterventionRow = Awaited<ReturnType<typeof interventionsOfPlan>>[number];

/** The plan's intervention, only when it belongs to this plan. */
export async function findPlanIntervention(db: Db, planId: number, id: number) {
  return withMenu(db).where('pi.plan_id', '=', planId).where('pi.id', '=', id).executeTakeFirst();
}

interface Who {
  personId: number | null;
  now: Date;
}

const columnsOf = (v: InterventionValues) => ({
  focus_point_ids: v.focusPointIds,
  goal_ids: v.goalIds,
  grades: v.grades,
  pupils: v.pupils,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  responsible: v.responsible,
  approach: v.approach,
  professional_development: v.professionalDevelopment,
  evaluation_plan: v.evaluationPlan,
});

export async function insertPlanIntervention(
  db: Db,
  planId: number,
  menuVersionId: number,
  interventionId: number,
  v: InterventionValues,
  who: Who,
): Promise<number> {
  const row = await db
    .insertInto('school_plan_intervention')
    .values({
      plan_id: planId,
      intervention_id: interventionId,
      menu_version_id: menuVersionId,
      ...columnsOf(v),
      position: sql<number>`(select coalesce(max(position), 0) + 1 from school_plan_intervention where plan_id = ${planId})`,
      created_at: who.now,
      created_by: who.personId,
      updated_at: who.now,
      updated_by: who.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; reason: 'onbekend' }
  | { ok: false; reason: 'tegelijk'; theirs: PlanInterventionRow };

/** Saves only when nobody saved since `revision` (the chosen menu intervention never changes). */
export async function updatePlanIntervention(
  db: Db,
  planId: number,
  id: number,
  revision: number,
  v: InterventionValues,
  who: Who,
): Promise<SaveOutcome> {
  const done = await db
    .updateTable('school_plan_intervention')
    .set({
      ...columnsOf(v),
      revision: sql<number>`revision + 1`,
      updated_at: who.now,
      updated_by: who.personId,
    })
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning('revision')
    .executeTakeFirst();
  if (done) return { ok: true, revision: done.revision };
  const theirs = await findPlanIntervention(db, planId, id);
  return theirs ? { ok: false, reason: 'tegelijk', theirs } : { ok: false, reason: 'onbekend' };
}

/** How many expenses are recorded on the intervention (they would go with it). */
export async function expenseCount(db: Db, planInterventionId: number): Promise<number> {
  const r = await db
    .selectFrom('school_plan_expense')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plan_intervention_id', '=', planInterventionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Removes the intervention with its budget lines, unless money was spent on it. Locks the row
 * first, so an expense recorded at the same moment cannot slip in between the check and the delete.
 */
export type DeleteRefusal =
  | { ok: false; reason: 'onbekend' }
  | { ok: false; reason: 'uitgaven'; expenses: number }
  | { ok: false; reason: 'ondersteunt-f'; message: string };

/** Why an intervention cannot be removed now, or null. */
export async function deleteRefusal(db: Db, planId: number, id: number): Promise<DeleteRefusal | null> {
  const all = await interventionsOfPlan(db, planId);
  const item = all.find((i) => i.id === id);
  if (!item) return { ok: false, reason: 'onbekend' };
  const expenses = await expenseCount(db, id);
  if (expenses > 0) return { ok: false, reason: 'uitgaven', expenses };
  const fAlone = leavesFAloneProblem(
    item.category_code,
    all.map((i) => i.category_code),
  );
  return fAlone ? { ok: false, reason: 'ondersteunt-f', message: fAlone } : null;
}

/**
 * Removes an intervention with its budget. The plan row is locked first, so two removals at the
 * same moment cannot together leave F interventions without an A–E one.
 */
export async function deletePlanIntervention(
  db: Db,
  planId: number,
  id: number,
): Promise<{ ok: true } | DeleteRefusal> {
  await db.selectFrom('school_plan').select('id').where('id', '=', planId).forUpdate().execute();
  const refusal = await deleteRefusal(db, planId, id);
  if (refusal) return refusal;
  await db.deleteFrom('school_plan_intervention').where('id', '=', id).execute();
  return { ok: true };
}
