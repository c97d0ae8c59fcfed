// Allocation runs: summaries, recent runs, and the differences between two runs.
import { sql } from 'kysely';
import type { Db } from './db.ts';

/** The summary of each of these runs (school count, total, when). */
export async function runSummaries(db: Db, runIds: number[]) {
  return runIds.length
    ? await db
        .selectFrom('allocation_run')
        .select(['id', 'school_count', 'total_cents', 'created_at'])
        .where('id', 'in', runIds)
        .execute()
    : [];
}

/** Differences between two runs per school (only schools whose total changed). */
export async function runDifferences(db: Db, currentRunId: number, previousRunId: number, boardId?: number) {
  const r = await sql<{
    school_id: number;
    code: string;
    name: string;
    board_id: number | null;
    board_name: string | null;
    old_total: number | null;
    new_total: number | null;
  }>`
    select o.id as school_id, o.code, o.name, coalesce(c.board_id, p.board_id) as board_id, b.name as board_name,
           p.total_cents as old_total, c.total_cents as new_total
    from (select * from allocation where run_id = ${currentRunId}::int) c
    full join (select * from allocation where run_id = ${previousRunId}::int) p on p.school_id = c.school_id
    join organisation o on o.id = coalesce(c.school_id, p.school_id)
    left join organisation b on b.id = coalesce(c.board_id, p.board_id)
    where c.total_cents is distinct from p.total_cents
      ${boardId === undefined ? sql`` : sql`and coalesce(c.board_id, p.board_id) = ${boardId}::int`}
    order by abs(coalesce(c.total_cents, 0) - coalesce(p.total_cents, 0)) desc, o.name collate "und-x-icu"`.execute(
    db,
  );
  return r.rows;
}

export async function boardDifferences(db: Db, currentRunId: number, previousRunId: number) {
  const r = await sql<{
    board_id: number;
    code: string | null;
    name: string;
    old_total: number;
    new_total: number;
  }>`
    select b.id as board_id, b.code, b.name, coalesce(p.total, 0) as old_total, coalesce(c.total, 0) as new_total
    from (select board_id, sum(total_cents) as total from allocation where run_id = ${currentRunId}::int group by board_id) c
    full join (select board_id, sum(total_cents) as total from allocation where run_id = ${previousRunId}::int group by board_id) p
      on p.board_id = c.board_id
    join organisation b on b.id = coalesce(c.board_id, p.board_id)
    where coalesce(c.total, 0) <> coalesce(p.total, 0)
    order by abs(coalesce(c.total, 0) - coalesce(p.total, 0)) desc, b.name collate "und-x-icu"`.execute(db);
  return r.rows;
}

export async function recentRuns(db: Db, limit = 10) {
  return db
    .selectFrom('allocation_run as r')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.created_at',
      'r.reason',
      'r.school_count',
      'r.total_cents',
      'y.label',
      'p.name as person',
    ])
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}
