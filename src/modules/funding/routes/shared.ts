// Helpers the funding routes share: request parsing, 404s, choosing a year, and cache keys.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import * as repo from '../repository.ts';
import type { YearWithRun } from '../views/format.tsx';

export const publicPage = { access: access.public(), page: true } as const;

export function notFound(): Error {
  return Object.assign(new Error('Niet gevonden'), { statusCode: 404 });
}

export function str(v: unknown, max = 200): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export function formOf(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf') out[k] = typeof v === 'string' ? v : '';
  return out;
}

/** Funding years with the summary of their current run, in two queries. */
export async function yearsWithRuns(db: Kysely<DB>, programmeId: number): Promise<YearWithRun[]> {
  const years = await repo.listFundingYears(db, programmeId);
  const ids = currentRunIds(years);
  const runs = await repo.runSummaries(db, ids);
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
export function currentRunIds(years: repo.FundingYear[]): number[] {
  return years.map((y) => y.currentRunId).filter((x): x is number => x !== null);
}

/** Part of every cache key: a new run (after an import or a rate change) gives new pages. */
export const runKey = (years: repo.FundingYear[]) => years.map((y) => y.currentRunId ?? 0).join('-');

export function pickYear(years: repo.FundingYear[], label: string | undefined) {
  return (
    years.find((y) => y.label === label) ??
    years.find((y) => y.currentRunId) ??
    years.find((y) => y.status !== 'geen-toekenning')
  );
}
