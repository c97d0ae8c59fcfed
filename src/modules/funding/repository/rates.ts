// Funding rates of a school year and the history of their changes.
import type { Rate } from '../services/compute.ts';
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

function toRate(r: any): RateRow {
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
