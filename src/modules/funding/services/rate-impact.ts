// What a rate change would do before it is made: every school's allocation computed with the
// year's rates as they are and with the changed one, from the same pupil counts and scores, so
// the difference is the rate's alone (not a newer count that arrived since the last run).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import type { AllocationInsert } from '../repository/recompute-inputs.ts';
import { listRates, type RateRow } from '../repository/rates.ts';
import type { RateChange } from './rates.ts';
import { computeAllocations } from './recompute.ts';

export interface SectorImpact {
  sector: Sector;
  /** Schools of the sector whose amount changes. */
  schools: number;
  beforeCents: number;
  afterCents: number;
}

export interface RateImpact {
  schoolsAffected: number;
  perSector: SectorImpact[];
  beforeCents: number;
  afterCents: number;
}

/** The difference between two computations of the same schools, per sector (pure). */
export function impactOf(
  before: AllocationInsert[],
  after: AllocationInsert[],
  sectorOf: Map<number, Sector>,
): RateImpact {
  const afterBySchool = new Map(after.map((a) => [a.schoolId, a.totalCents ?? 0]));
  const perSector = new Map<Sector, SectorImpact>();
  let schoolsAffected = 0;
  for (const b of before) {
    const sector = sectorOf.get(b.schoolId)!;
    const s = perSector.get(sector) ?? { sector, schools: 0, beforeCents: 0, afterCents: 0 };
    const was = b.totalCents ?? 0;
    const will = afterBySchool.get(b.schoolId) ?? 0;
    s.beforeCents += was;
    s.afterCents += will;
    if (was !== will) {
      s.schools++;
      schoolsAffected++;
    }
    perSector.set(sector, s);
  }
  const list = [...perSector.values()].sort((a, b) => a.sector.localeCompare(b.sector));
  return {
    schoolsAffected,
    perSector: list,
    beforeCents: list.reduce((n, s) => n + s.beforeCents, 0),
    afterCents: list.reduce((n, s) => n + s.afterCents, 0),
  };
}

/** The impact of changing `rate` as `change` says, on its school year's teldatum. */
export async function rateImpact(
  db: Kysely<DB>,
  rate: RateRow,
  change: RateChange,
  teldatum: string,
): Promise<RateImpact> {
  const rates = await listRates(db, [rate.schoolYearId]);
  const changed = rates.map((r) =>
    r.id === rate.id ? { ...r, amountCents: change.amountCents, status: change.status } : r,
  );
  const [before, after] = await Promise.all([
    computeAllocations(db, teldatum, rates),
    computeAllocations(db, teldatum, changed),
  ]);
  return impactOf(before.rows, after.rows, before.sectors);
}

/**
 * Whether a change needs a second analist: a definitive amount is what schools and the public
 * rely on, so making an amount definitive, or changing one that is, takes four eyes.
 */
export const needsSecondApproval = (rate: Pick<RateRow, 'status'>, change: Pick<RateChange, 'status'>) =>
  rate.status === 'definitief' || change.status === 'definitief';
