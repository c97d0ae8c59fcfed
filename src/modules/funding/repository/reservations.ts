// A board's reservations of school money for a board-level pool.
import { sql } from 'kysely';
import type { Db } from './db.ts';

export async function reservationsOfBoard(db: Db, boardId: number, schoolYearId: number) {
  return db
    .selectFrom('board_reservation as r')
    .innerJoin('organisation as s', 's.id', 'r.school_id')
    .leftJoin('person as p', 'p.id', 'r.created_by')
    .leftJoin('menukaart_intervention as i', 'i.id', 'r.intervention_id')
    .leftJoin('board_plan_intervention as bpi', 'bpi.id', 'r.board_plan_intervention_id')
    .select([
      'r.id',
      'r.school_id',
      'r.category_code',
      'i.code as intervention_code',
      'bpi.title as plan_intervention_title',
      's.name as school_name',
      's.code as school_code',
      'r.amount_cents',
      'r.purpose',
      'r.mr_consent_on',
      'r.created_at',
      'r.withdrawn_at',
      'p.name as created_by_name',
    ])
    .where('r.board_id', '=', boardId)
    .where('r.school_year_id', '=', schoolYearId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export async function reservedPerSchool(
  db: Db,
  boardId: number,
  schoolYearId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('board_reservation')
    .select(['school_id', sql<number>`sum(amount_cents)`.as('reserved')])
    .where('board_id', '=', boardId)
    .where('school_year_id', '=', schoolYearId)
    .where('withdrawn_at', 'is', null)
    .groupBy('school_id')
    .execute();
  return new Map(rows.map((r) => [r.school_id, Number(r.reserved)]));
}

/** The board-level interventions of the board's plan (schoolprogramma's tables) a reservation can fund. */
export async function boardPlanChoices(db: Db, boardId: number, programmeId: number) {
  const rows = await db
    .selectFrom('board_plan_intervention as bpi')
    .innerJoin('board_plan as bp', 'bp.id', 'bpi.plan_id')
    .select(['bpi.id', 'bpi.title', 'bpi.category_code', 'bpi.intervention_id'])
    .where('bp.board_id', '=', boardId)
    .where('bp.programme_id', '=', programmeId)
    .orderBy('bpi.position')
    .orderBy('bpi.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    categoryCode: r.category_code,
    interventionId: r.intervention_id,
  }));
}

/** A school with its board, or undefined. */
export async function findSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'parent_id'])
    .where('id', '=', schoolId)
    .where('kind', '=', 'school')
    .executeTakeFirst();
}

/** Holds the school's row until the transaction ends. */
export async function lockSchool(db: Db, schoolId: number): Promise<void> {
  await db.selectFrom('organisation').select('id').where('id', '=', schoolId).forUpdate().execute();
}

export async function insertReservation(
  db: Db,
  r: {
    boardId: number;
    schoolId: number;
    schoolYearId: number;
    amountCents: number;
    purpose: string;
    mrConsentOn: string;
    personId: number | null;
    /** What it funds (migration 0550); absent on older forms. */
    categoryCode?: string | null;
    interventionId?: number | null;
    menuVersionId?: number | null;
    planInterventionId?: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('board_reservation')
    .values({
      board_id: r.boardId,
      school_id: r.schoolId,
      school_year_id: r.schoolYearId,
      amount_cents: r.amountCents,
      purpose: r.purpose,
      mr_consent_on: r.mrConsentOn,
      created_by: r.personId,
      category_code: r.categoryCode ?? null,
      intervention_id: r.interventionId ?? null,
      menu_version_id: r.menuVersionId ?? null,
      board_plan_intervention_id: r.planInterventionId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Withdraws a standing reservation of the board; false when there is none to withdraw. */
export async function withdrawReservation(
  db: Db,
  boardId: number,
  reservationId: number,
  at: Date,
  personId: number | null,
): Promise<boolean> {
  const r = await db
    .updateTable('board_reservation')
    .set({ withdrawn_at: at, withdrawn_by: personId })
    .where('id', '=', reservationId)
    .where('board_id', '=', boardId)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** One reservation of the board, with its school and school year; undefined when not the board's. */
export async function reservationOfBoard(db: Db, boardId: number, reservationId: number) {
  return db
    .selectFrom('board_reservation as r')
    .innerJoin('organisation as s', 's.id', 'r.school_id')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .select([
      'r.id',
      's.name as school_name',
      'y.label as school_year',
      'r.amount_cents',
      'r.purpose',
      'r.withdrawn_at',
    ])
    .where('r.id', '=', reservationId)
    .where('r.board_id', '=', boardId)
    .executeTakeFirst();
}

export async function reservationExists(db: Db, boardId: number, reservationId: number): Promise<boolean> {
  const r = await db
    .selectFrom('board_reservation')
    .select('id')
    .where('id', '=', reservationId)
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  return r !== undefined;
}

/** A standing reservation for the route examples. */
export async function insertExampleReservation(db: Db, boardId: number, schoolId: number): Promise<number> {
  const y = await db.selectFrom('school_year').select('id').orderBy('starts_on').executeTakeFirstOrThrow();
  return insertReservation(db, {
    boardId,
    schoolId,
    schoolYearId: y.id,
    amountCents: 100,
    purpose: 'Voorbeeldreservering',
    mrConsentOn: '2021-06-01',
    personId: null,
  });
}

/**
 * For route examples (the test suites only): gives a school a known amount in the current run
 * of 2021-2022, starting a run if the year has none, so a reservation of it can succeed.
 */
export async function ensureExampleAmount(db: Db, schoolId: number, boardId: number): Promise<void> {
  const year = await db
    .selectFrom('school_year')
    .innerJoin('funding_year', 'funding_year.school_year_id', 'school_year.id')
    .select(['school_year.id', 'funding_year.current_run_id'])
    .where('school_year.label', '=', '2021-2022')
    .executeTakeFirstOrThrow();
  let runId = year.current_run_id;
  if (runId === null) {
    const run = await db
      .insertInto('allocation_run')
      .values({
        school_year_id: year.id,
        reason: 'Voorbeeld',
        person_id: null,
        school_count: 0,
        total_cents: 0,
        rates: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    runId = run.id;
    await db
      .updateTable('funding_year')
      .set({ current_run_id: runId })
      .where('school_year_id', '=', year.id)
      .execute();
  }
  await db
    .insertInto('allocation')
    .values({
      run_id: runId,
      school_id: schoolId,
      board_id: boardId,
      school_type: 'BO',
      status: 'volledig',
      pupils: 100,
      base_cents: 10_000_000,
      supplement_cents: 0,
      total_cents: 10_000_000,
      lines: JSON.stringify([]),
      base_status: 'exact',
      supplement_status: 'geen',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
