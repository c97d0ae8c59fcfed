// The board-level plan's draft: the plan row, its interventions and the reservations that fund
// them. Kysely only; the rules are in services/board-plan-rules.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/** The board (undefined when the id is not a board). */
export async function findBoard(db: Db, boardId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', boardId)
    .where('kind', '=', 'bestuur')
    .executeTakeFirst();
}

export async function findBoardPlan(db: Db, boardId: number, programmeId: number) {
  return db
    .selectFrom('board_plan')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
}

export type BoardPlanRow = NonNullable<Awaited<ReturnType<typeof findBoardPlan>>>;

/** The board's plan, started now if it has none (safe when two people start it at once). */
export async function ensureBoardPlan(
  db: Db,
  boardId: number,
  programmeId: number,
  personId: number | null,
  now: Date,
): Promise<BoardPlanRow> {
  await db
    .insertInto('board_plan')
    .values({
      board_id: boardId,
      programme_id: programmeId,
      created_at: now,
      created_by: personId,
      updated_at: now,
      updated_by: personId,
    })
    .onConflict((oc) => oc.columns(['board_id', 'programme_id']).doNothing())
    .execute();
  return (await findBoardPlan(db, boardId, programmeId))!;
}

/** Locks the plan row until the transaction ends; its revision. */
export async function lockPlan(db: Db, planId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('board_plan')
    .select('revision')
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  return row?.revision;
}

/**
 * Raises the plan's revision when the draft changes, but only from the revision the editor saw
 * (null: any). False when someone else changed the draft meanwhile.
 */
export async function bumpPlan(
  db: Db,
  planId: number,
  expected: number | null,
  personId: number | null,
  now: Date,
): Promise<boolean> {
  let q = db
    .updateTable('board_plan')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now, updated_by: personId }))
    .where('id', '=', planId);
  if (expected !== null) q = q.where('revision', '=', expected);
  return (await q.returning('id').executeTakeFirst()) !== undefined;
}

/** The draft's interventions with the names of their category and menu intervention. */
export async function draftInterventions(db: Db, planId: number) {
  return db
    .selectFrom('board_plan_intervention as b')
    .leftJoin('menukaart_category as c', (j) =>
      j.onRef('c.version_id', '=', 'b.menu_version_id').onRef('c.code', '=', 'b.category_code'),
    )
    .leftJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'b.menu_version_id').onRef('e.intervention_id', '=', 'b.intervention_id'),
    )
    .leftJoin('menukaart_intervention as i', 'i.id', 'b.intervention_id')
    .select([
      'b.id',
      'b.category_code',
      'c.name as category_name',
      'b.intervention_id',
      'i.code as intervention_code',
      'e.name_nl as intervention_name',
      'b.menu_version_id',
      'b.title',
      'b.description',
      'b.responsible',
      'b.position',
      'b.revision',
    ])
    .where('b.plan_id', '=', planId)
    .orderBy('b.position')
    .orderBy('b.id')
    .execute();
}

export type DraftIntervention = Awaited<ReturnType<typeof draftInterventions>>[number];

/** The standing reservations that fund these board-level interventions, with school and year. */
export async function contributions(db: Db, planInterventionIds: number[]) {
  if (planInterventionIds.length === 0) return [];
  return db
    .selectFrom('board_reservation as r')
    .innerJoin('organisation as s', 's.id', 'r.school_id')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .select([
      'r.id',
      'r.board_plan_intervention_id',
      'r.school_id',
      's.name as school_name',
      'y.label as school_year',
      'r.amount_cents',
      'r.mr_consent_on',
    ])
    .where('r.board_plan_intervention_id', 'in', planInterventionIds)
    .where('r.withdrawn_at', 'is', null)
    .orderBy('y.starts_on')
    .orderBy('s.name')
    .orderBy('r.id')
    .execute();
}

/** One board-level intervention of the board's plan; undefined when it is not the board's. */
export async function interventionOfBoard(db: Db, boardId: number, id: number) {
  return db
    .selectFrom('board_plan_intervention as b')
    .innerJoin('board_plan as p', 'p.id', 'b.plan_id')
    .selectAll('b')
    .where('b.id', '=', id)
    .where('p.board_id', '=', boardId)
    .executeTakeFirst();
}

export interface InterventionValues {
  categoryCode: string;
  interventionId: number | null;
  menuVersionId: number;
  title: string;
  description: string;
  responsible: string;
}

export async function insertIntervention(
  db: Db,
  planId: number,
  v: InterventionValues,
  personId: number | null,
  now: Date,
): Promise<number> {
  const last = await db
    .selectFrom('board_plan_intervention')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  const row = await db
    .insertInto('board_plan_intervention')
    .values({
      plan_id: planId,
      category_code: v.categoryCode,
      intervention_id: v.interventionId,
      menu_version_id: v.menuVersionId,
      title: v.title,
      description: v.description,
      responsible: v.responsible,
      position: Number(last?.position ?? 0) + 1,
      created_at: now,
      created_by: personId,
      updated_at: now,
      updated_by: personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saves an edit only from the revision the editor saw; false when it changed meanwhile. */
export async function updateIntervention(
  db: Db,
  id: number,
  revision: number,
  v: InterventionValues,
  personId: number | null,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('board_plan_intervention')
    .set((eb) => ({
      category_code: v.categoryCode,
      intervention_id: v.interventionId,
      menu_version_id: v.menuVersionId,
      title: v.title,
      description: v.description,
      responsible: v.responsible,
      revision: eb('revision', '+', 1),
      updated_at: now,
      updated_by: personId,
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes a board-level intervention; its reservations stay, no longer linked to it. */
export async function deleteIntervention(db: Db, id: number): Promise<void> {
  await db.deleteFrom('board_plan_intervention').where('id', '=', id).execute();
}
