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
