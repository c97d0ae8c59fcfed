// The goals of a plan: listed, found within the plan (never by id alone, so another school's goal
// is never reached), added at the end, changed only from the revision the writer saw, removed
// (and unlinked from the interventions that served it). Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { GoalValues } from '../services/plan-rules.ts';

type Db = Kysely<DB>;

const goalColumns = [
  'g.id',
  'g.what',
  'g.for_whom',
  'g.due_on',
  'g.measure',
  'g.focus_point_ids',
  'g.position',
  'g.revision',
  'g.updated_at',
  'p.name as updated_by_name',
] as const;

export async function goalsOfPlan(db: Db, planId: number) {
  return db
    .selectFrom('school_plan_goal as g')
    .leftJoin('person as p', 'p.id', 'g.updated_by')
    .select(goalColumns)
    .where('g.plan_id', '=', planId)
    .orderBy('g.position')
    .orderBy('g.id')
    .execute();
}

export type GoalRow = Awaited<ReturnType<typeof goalsOfPlan>>[number];

/** The goal when it belongs to this plan. */
export async function findGoal(db: Db, planId: number, goalId: number): Promise<GoalRow | undefined> {
  return db
    .selectFrom('school_plan_goal as g')
    .leftJoin('person as p', 'p.id', 'g.updated_by')
    .select(goalColumns)
    .where('g.plan_id', '=', planId)
    .where('g.id', '=', goalId)
    .executeTakeFirst();
}

interface Who {
  personId: number | null;
  now: Date;
}

const columnsOf = (v: GoalValues) => ({
  what: v.what,
  for_whom: v.forWhom,
  due_on: v.dueOn,
  measure: v.measure,
  focus_point_ids: v.focusPointIds,
});

export async function insertGoal(db: Db, planId: number, v: GoalValues, who: Who): Promise<number> {
  const row = await db
    .insertInto('school_plan_goal')
    .values({
      plan_id: planId,
      ...columnsOf(v),
      position: sql<number>`(select coalesce(max(position), 0) + 1 from school_plan_goal where plan_id = ${planId})`,
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
  | { ok: false; reason: 'tegelijk'; theirs: GoalRow };

/** Saves only when nobody saved since `revision`; otherwise says who did and what is saved now. */
export async function updateGoal(
  db: Db,
  planId: number,
  goalId: number,
  revision: number,
  v: GoalValues,
  who: Who,
): Promise<SaveOutcome> {
  const done = await db
    .updateTable('school_plan_goal')
    .set({
      ...columnsOf(v),
      revision: sql<number>`revision + 1`,
      updated_at: who.now,
      updated_by: who.personId,
    })
    .where('plan_id', '=', planId)
    .where('id', '=', goalId)
    .where('revision', '=', revision)
    .returning('revision')
    .executeTakeFirst();
  if (done) return { ok: true, revision: done.revision };
  const theirs = await findGoal(db, planId, goalId);
  return theirs ? { ok: false, reason: 'tegelijk', theirs } : { ok: false, reason: 'onbekend' };
}

/** Removes the goal and its links from the plan's interventions; false when it is not in the plan. */
export async function deleteGoal(db: Db, planId: number, goalId: number): Promise<boolean> {
  const gone = await db
    .deleteFrom('school_plan_goal')
    .where('plan_id', '=', planId)
    .where('id', '=', goalId)
    .returning('id')
    .executeTakeFirst();
  if (!gone) return false;
  // Unlinking changes those interventions: a new revision, so an edit form opened before the
  // delete (with the goal still ticked) gets 409 instead of silently saving over it.
  await db
    .updateTable('school_plan_intervention')
    .set({ goal_ids: sql<number[]>`array_remove(goal_ids, ${goalId})`, revision: sql<number>`revision + 1` })
    .where('plan_id', '=', planId)
    .where(sql<boolean>`${goalId} = any(goal_ids)`)
    .execute();
  return true;
}
