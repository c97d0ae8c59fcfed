// Funding rates of a school year and the history of their changes.
import type { Rate } from '../services/compute.ts';
import type { RateStatus } from '../tables.ts';
import type { Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Db } from './db.ts';

export interface RateRow extends Rate {
  schoolYearId: number;
  unit: string;
  payment: string | null;
  source: string | null;
  note: string | null;
  updatedAt: Date;
}

export async function listRates(db: Db, schoolYearIds: number[]): Promise<RateRow[]> {
  if (schoolYearIds.length === 0) return [];
  const rows = await db
    .selectFrom('funding_rate')
    .selectAll()
    .where('school_year_id', 'in', schoolYearIds)
    .orderBy('school_year_id')
    .orderBy('sort')
    .execute();
  return rows.map(toRate);
}

function toRate(r: Selectable<DB['funding_rate']>): RateRow {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    code: r.code,
    kind: r.kind,
    schoolTypes: r.school_types,
    basis: r.basis,
    label: r.label,
    unit: r.unit,
    amountCents: r.amount_cents,
    status: r.status,
    payment: r.payment,
    source: r.source,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

export async function findRate(db: Db, rateId: number): Promise<RateRow | undefined> {
  const r = await db.selectFrom('funding_rate').selectAll().where('id', '=', rateId).executeTakeFirst();
  return r ? toRate(r) : undefined;
}

export async function rateChanges(db: Db, rateId: number) {
  return db
    .selectFrom('funding_rate_change as c')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.at',
      'c.old_amount_cents',
      'c.new_amount_cents',
      'c.old_status',
      'c.new_status',
      'c.reason',
      'p.name as person',
    ])
    .where('c.rate_id', '=', rateId)
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export async function updateRate(
  db: Db,
  rateId: number,
  v: { amountCents: number | null; status: RateStatus; at: Date; personId: number | null },
): Promise<void> {
  await db
    .updateTable('funding_rate')
    .set({ amount_cents: v.amountCents, status: v.status, updated_at: v.at, updated_by: v.personId })
    .where('id', '=', rateId)
    .execute();
}

export async function insertRateChange(
  db: Db,
  c: {
    rateId: number;
    personId: number | null;
    oldAmountCents: number | null;
    newAmountCents: number | null;
    oldStatus: RateStatus;
    newStatus: RateStatus;
    reason: string;
  },
): Promise<void> {
  await db
    .insertInto('funding_rate_change')
    .values({
      rate_id: c.rateId,
      person_id: c.personId,
      old_amount_cents: c.oldAmountCents,
      new_amount_cents: c.newAmountCents,
      old_status: c.oldStatus,
      new_status: c.newStatus,
      reason: c.reason,
    })
    .execute();
}

/** The first rate (for the route examples). */
export async function firstRateId(db: Db): Promise<number> {
  const r = await db.selectFrom('funding_rate').select('id').orderBy('id').executeTakeFirstOrThrow();
  return r.id;
}
