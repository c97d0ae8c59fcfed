// Choosing school years and their current runs: the years with a run summary, the ids of the
// current runs, the part of a cache key that changes with every new run, and the year a page shows.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { listFundingYears, type FundingYear } from '../repository/years.ts';
import { runSummaries } from '../repository/runs.ts';

/** A funding year with the summary of its current run (null when it has none). */
export interface YearWithRun extends FundingYear {
  runTotal?: { schools: number; totalCents: number; createdAt: Date } | null;
}

/** Funding years with the summary of their current run, in two queries. */
export async function yearsWithRuns(db: Kysely<DB>, programmeId: number): Promise<YearWithRun[]> {
  const years = await listFundingYears(db, programmeId);
  const runs = await runSummaries(db, currentRunIds(years));
  const byId = new Map(runs.map((r) => [r.id, r]));
  return years.map((y) => {
    const r = y.currentRunId ? byId.get(y.currentRunId) : undefined;
    return {
      ...y,
      runTotal: r ? { schools: r.school_count, totalCents: r.total_cents, createdAt: r.created_at } : null,
    };
  });
}

/** The ids of the current runs of these years (years without a run are left out). */
export function currentRunIds(years: FundingYear[]): number[] {
  return years.map((y) => y.currentRunId).filter((x): x is number => x !== null);
}

/** Part of every cache key: a new run (after an import or a rate change) gives new pages. */
export const runKey = (years: FundingYear[]) => years.map((y) => y.currentRunId ?? 0).join('-');

/** The year asked for, else the first with a run, else the first that has an allocation at all. */
export function pickYear<Y extends FundingYear>(years: Y[], label: string | undefined): Y | undefined {
  return (
    years.find((y) => y.label === label) ??
    years.find((y) => y.currentRunId) ??
    years.find((y) => y.status !== 'geen-toekenning')
  );
}
