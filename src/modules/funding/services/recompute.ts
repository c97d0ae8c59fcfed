// Recomputing the amounts: every school's allocation for a school year as a new run, from the
// newest pupil counts and scores and the year's rates. No HTTP here; SQL lives in the repository.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { computeAllocation, type Count, type Rate, type SchoolInput, type Score } from './compute.ts';
import * as repo from '../repository/recompute-inputs.ts';
import { findFundingYear, listFundingYears } from '../repository/years.ts';
import { listRates } from '../repository/rates.ts';
import type { Sector } from '../../../platform/db/tables.ts';

type Db = Kysely<DB>;

export interface RecomputeResult {
  schoolYearId: number;
  runId: number | null;
  schools: number;
  totalCents: number;
}

/**
 * Computes every school's allocation for one school year as a new run. The previous run is
 * kept (for the differences); older runs lose their rows but keep their summary.
 */
export async function recomputeYear(
  db: Db,
  schoolYearId: number,
  reason: string,
  personId: number | null = null,
): Promise<RecomputeResult> {
  return db.transaction().execute(async (trx) => {
    // One recompute of a year at a time: a second waits for the first and builds on it.
    await repo.lockFundingYear(trx, schoolYearId);
    const year = await findFundingYear(trx, schoolYearId);
    if (!year || year.status === 'geen-toekenning' || !year.teldatum)
      return { schoolYearId, runId: null, schools: 0, totalCents: 0 };
    const teldatum = year.teldatum;
    const rates = await listRates(trx, [schoolYearId]);
    const { rows, total } = await computeAllocations(trx, teldatum, rates);
    const runId = await repo.insertRun(trx, {
      schoolYearId,
      reason,
      personId,
      schoolCount: rows.length,
      totalCents: total,
      rates: rates.map((r) => ({ code: r.code, amountCents: r.amountCents, status: r.status })),
    });
    await repo.insertAllocations(trx, runId, rows);
    await repo.makeCurrentRun(trx, schoolYearId, runId, year.currentRunId);
    await repo.deleteAllocationsOfOlderRuns(
      trx,
      schoolYearId,
      [runId, year.currentRunId].filter((x): x is number => x !== null),
    );
    return { schoolYearId, runId, schools: rows.length, totalCents: total };
  });
}
export async function recomputeAll(
  db: Db,
  programmeId: number,
  reason: string,
  personId: number | null = null,
) {
  const years = await listFundingYears(db, programmeId);
  const out: RecomputeResult[] = [];
  for (const y of years)
    if (y.status !== 'geen-toekenning') out.push(await recomputeYear(db, y.schoolYearId, reason, personId));
  return out;
}

/**
 * Every school's allocation on a teldatum with these rates, from the newest pupil counts and
 * scores: what a recompute stores, and what a rate change would give (services/rate-impact.ts).
 */
export async function computeAllocations(db: Db, teldatum: string, rates: Rate[]) {
  const byOrg = new Map<number, SchoolInput['counts']>();
  for (const c of await repo.newestCounts(db, teldatum)) {
    const m = byOrg.get(c.organisation_id) ?? {};
    m[c.category] = { pupils: c.pupils, belowFive: c.below_five, teldatum: c.teldatum } satisfies Count;
    byOrg.set(c.organisation_id, m);
  }
  const po = new Map<number, Score>();
  const vo = new Map<number, Score>();
  for (const s of await repo.newestScores(db, teldatum))
    (s.indicator === 'po' ? po : vo).set(s.organisation_id, {
      hundredths: s.score_hundredths,
      peildatum: s.peildatum,
    });
  const schools = await repo.schoolsForFunding(db, teldatum);
  const rows: repo.AllocationInsert[] = [];
  const sectors = new Map<number, Sector>();
  let total = 0;
  for (const s of schools) {
    const c = byOrg.get(s.id);
    // Only schools counted on (or, for lack of a count, shortly before) the teldatum get an allocation.
    if (!c) continue;
    const sector = s.sector as Sector;
    if (!c.totaal && !c.VO_ALG && !c.VO_PRO_VBO34) continue;
    const a = computeAllocation(
      {
        sector,
        counts: c,
        poScore: po.get(s.id) ?? null,
        voScore: vo.get(s.id) ?? null,
      },
      rates,
      teldatum,
    );
    total += a.totalCents ?? 0;
    rows.push({ schoolId: s.id, boardId: s.parent_id, ...a });
    sectors.set(s.id, sector);
  }
  return { rows, total, sectors };
}
