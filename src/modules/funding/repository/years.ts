// Funding years: a school year with its funding status and its current and previous run.
import type { Db } from './db.ts';

export interface FundingYear {
  schoolYearId: number;
  label: string;
  teldatum: string | null;
  status: 'voorlopig' | 'definitief' | 'geen-toekenning';
  teldatumStatus: string | null;
  note: string | null;
  source: string | null;
  currentRunId: number | null;
  previousRunId: number | null;
  /** When the last recompute job failed (cleared by a later success), and why. */
  recomputeFailedAt: Date | null;
  recomputeError: string | null;
}

/** School years joined with their funding year: the columns a FundingYear is made of. */
function fundingYears(db: Db) {
  return db
    .selectFrom('school_year as y')
    .innerJoin('funding_year as f', 'f.school_year_id', 'y.id')
    .select([
      'y.id',
      'y.label',
      'y.teldatum',
      'f.status',
      'f.teldatum_status',
      'f.note',
      'f.source',
      'f.current_run_id',
      'f.previous_run_id',
      'f.recompute_failed_at',
      'f.recompute_error',
    ]);
}

function toFundingYear(r: {
  id: number;
  label: string;
  teldatum: string | null;
  status: FundingYear['status'];
  teldatum_status: string | null;
  note: string | null;
  source: string | null;
  current_run_id: number | null;
  previous_run_id: number | null;
  recompute_failed_at: Date | string | null;
  recompute_error: string | null;
}): FundingYear {
  return {
    schoolYearId: r.id,
    label: r.label,
    teldatum: r.teldatum,
    status: r.status,
    teldatumStatus: r.teldatum_status,
    note: r.note,
    source: r.source,
    currentRunId: r.current_run_id,
    previousRunId: r.previous_run_id,
    recomputeFailedAt: r.recompute_failed_at === null ? null : new Date(r.recompute_failed_at),
    recomputeError: r.recompute_error,
  };
}

export async function listFundingYears(db: Db, programmeId: number): Promise<FundingYear[]> {
  const rows = await fundingYears(db)
    .where('y.programme_id', '=', programmeId)
    .orderBy('y.starts_on')
    .execute();
  return rows.map(toFundingYear);
}

export async function findFundingYear(db: Db, schoolYearId: number): Promise<FundingYear | undefined> {
  const r = await fundingYears(db).where('y.id', '=', schoolYearId).executeTakeFirst();
  return r ? toFundingYear(r) : undefined;
}

/** Records that a recompute of this year failed; the analist's page shows it until a success. */
export async function recordRecomputeFailure(db: Db, schoolYearId: number, at: Date, error: string) {
  await db
    .updateTable('funding_year')
    .set({ recompute_failed_at: at, recompute_error: error.slice(0, 500) })
    .where('school_year_id', '=', schoolYearId)
    .execute();
}

/** School year id -> label ('2021-2022'). */
export async function schoolYearLabels(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('school_year').select(['id', 'label']).execute();
  return new Map(rows.map((y) => [y.id, y.label]));
}
