// A board's reservations of school money for a board-level pool.
import { sql } from 'kysely';
import type { Db } from './db.ts';

export async function reservationsOfBoard(db: Db, boardId: number, schoolYearId: number) {
  return db
    .selectFrom('board_reservation as r')
    .innerJoin('organisation as s', 's.id', 'r.school_id')
    .leftJoin('person as p', 'p.id', 'r.created_by')
    .select([
      'r.id',
      'r.school_id',
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
