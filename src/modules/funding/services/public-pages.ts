// What the public pages "Bedragen per school" show of a group of schools (a municipality or a
// board): each school's allocations in every year with a run, and the group's totals per year.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { allocationsFor, runTotals } from '../repository/allocations.ts';
import type { SchoolListRow } from '../repository/schools.ts';
import type { YearWithRun } from './years.ts';

export async function groupAmounts(
  db: Kysely<DB>,
  years: YearWithRun[],
  schools: SchoolListRow[],
  filter: { boardId?: number; municipalityCode?: string },
) {
  const runYears = years.filter((y) => y.currentRunId);
  const allocations = await allocationsFor(
    db,
    runYears.map((y) => y.currentRunId!),
    schools.map((s) => s.id),
  );
  const totals = await Promise.all(
    runYears.map(async (y) => ({
      year: y.label,
      totals: await runTotals(db, y.currentRunId!, filter),
    })),
  );
  return { allocations, totals };
}
