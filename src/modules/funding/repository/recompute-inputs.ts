// What a recompute reads (counts, scores, schools) and how it writes the allocations of a run.
import { sql } from 'kysely';
import type { AllocationLine } from '../tables.ts';
import type { Db } from './db.ts';

/**
 * How far back a recompute looks for a count or score that stands in for a missing one. Three
 * years reaches the newest shipped VO counts and CBS scores (1 October 2019) from the 2022-23
 * teldatum (1 October 2021); older inputs say too little about today's school.
 */
export const standInYears = 3;

export interface CountRow {
  organisation_id: number;
  category: 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34';
  teldatum: string;
  pupils: number | null;
  below_five: boolean;
}

/**
 * Each school's newest count per category on or before `teldatum`, chosen per school in one
 * set-based query: a school counted later (a demo school, a partial upload) never decides
 * which date another school's count comes from.
 */
export async function newestCounts(db: Db, teldatum: string): Promise<CountRow[]> {
  const r = await sql<CountRow>`
    select distinct on (c.organisation_id, c.category)
           c.organisation_id, c.category, c.teldatum::text as teldatum, c.pupils, c.below_five
    from pupil_count c
    where c.teldatum <= ${teldatum}::date
      and c.teldatum > (${teldatum}::date - make_interval(years => ${standInYears}))
    order by c.organisation_id, c.category, c.teldatum desc`.execute(db);
  return r.rows;
}

export interface ScoreRow {
  organisation_id: number;
  indicator: 'po' | 'vo';
  peildatum: string;
  score_hundredths: number;
}

/** Each school's newest CBS score per indicator on or before `teldatum`, chosen per school. */
export async function newestScores(db: Db, teldatum: string): Promise<ScoreRow[]> {
  const r = await sql<ScoreRow>`
    select distinct on (s.organisation_id, s.indicator)
           s.organisation_id, s.indicator, s.peildatum::text as peildatum, s.score_hundredths
    from achterstandsscore s
    where s.organisation_id is not null
      and s.peildatum <= ${teldatum}::date
      and s.peildatum > (${teldatum}::date - make_interval(years => ${standInYears}))
    order by s.organisation_id, s.indicator, s.peildatum desc`.execute(db);
  return r.rows;
}

export async function schoolsForFunding(db: Db, teldatum: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'parent_id', 'sector'])
    .where('kind', '=', 'school')
    .where('sector', 'is not', null)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', teldatum)]))
    .execute();
}

export interface AllocationInsert {
  schoolId: number;
  boardId: number | null;
  schoolType: string;
  status: string;
  baseStatus: string;
  supplementStatus: string;
  pupils: number | null;
  baseCents: number | null;
  supplementCents: number;
  totalCents: number | null;
  lines: AllocationLine[];
}

export async function insertAllocations(db: Db, runId: number, rows: AllocationInsert[]) {
  const chunk = 5000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await sql`insert into allocation (run_id, school_id, board_id, school_type, status, base_status, supplement_status, pupils, base_cents, supplement_cents, total_cents, lines)
      select ${runId}::int, u.school, u.board, u.type, u.status, u.base_status, u.supp_status, u.pupils, u.base, u.supp, u.total, u.lines::jsonb
      from unnest(${part.map((r) => r.schoolId)}::int[], ${part.map((r) => r.boardId)}::int[], ${part.map((r) => r.schoolType)}::text[],
                  ${part.map((r) => r.status)}::text[], ${part.map((r) => r.baseStatus)}::text[],
                  ${part.map((r) => r.supplementStatus)}::text[], ${part.map((r) => r.pupils)}::int[], ${part.map((r) => r.baseCents)}::bigint[],
                  ${part.map((r) => r.supplementCents)}::bigint[], ${part.map((r) => r.totalCents)}::bigint[],
                  ${part.map((r) => JSON.stringify(r.lines))}::text[])
        as u(school, board, type, status, base_status, supp_status, pupils, base, supp, total, lines)`.execute(
      db,
    );
  }
}

/** Holds the year's row until the transaction ends: one recompute of a year at a time. */
export async function lockFundingYear(db: Db, schoolYearId: number): Promise<void> {
  await db
    .selectFrom('funding_year')
    .select('school_year_id')
    .where('school_year_id', '=', schoolYearId)
    .forUpdate()
    .execute();
}

export async function insertRun(
  db: Db,
  run: {
    schoolYearId: number;
    reason: string;
    personId: number | null;
    schoolCount: number;
    totalCents: number;
    rates: { code: string; amountCents: number | null; status: string }[];
  },
): Promise<number> {
  const row = await db
    .insertInto('allocation_run')
    .values({
      school_year_id: run.schoolYearId,
      reason: run.reason,
      person_id: run.personId,
      school_count: run.schoolCount,
      total_cents: run.totalCents,
      rates: JSON.stringify(run.rates),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The new run becomes the year's current one; the current one becomes the previous (and a failure is cleared). */
export async function makeCurrentRun(
  db: Db,
  schoolYearId: number,
  runId: number,
  previousRunId: number | null,
): Promise<void> {
  await db
    .updateTable('funding_year')
    .set({
      previous_run_id: previousRunId,
      current_run_id: runId,
      recompute_failed_at: null,
      recompute_error: null,
    })
    .where('school_year_id', '=', schoolYearId)
    .execute();
}

/** Older runs keep their summary; their allocation rows go. */
export async function deleteAllocationsOfOlderRuns(
  db: Db,
  schoolYearId: number,
  keep: number[],
): Promise<void> {
  await db
    .deleteFrom('allocation')
    .where('run_id', 'in', (eb) =>
      eb
        .selectFrom('allocation_run')
        .select('id')
        .where('school_year_id', '=', schoolYearId)
        .where('id', 'not in', keep),
    )
    .execute();
}
