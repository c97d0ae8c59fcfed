// Seeds the funding rates per school year from resources/funding/rates.json: the facts are
// data, not code. An analist changes them later in the platform (with history).
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';

interface RatesFile {
  years: {
    schoolYear: string;
    status: string;
    teldatumStatus: string | null;
    note: string | null;
    source: string | null;
    rates: {
      code: string;
      kind: string;
      schoolTypes: string[];
      basis: string;
      label: string;
      unit: string;
      amount: string | null;
      status: string;
      payment: string | null;
      source: string | null;
      note: string | null;
    }[];
  }[];
}

/** '701.16' -> 70116, exactly (no floating point). Kept here so the migration never changes. */
function euroTextToCents(text: string): number {
  const m = /^(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`Bedrag in rates.json moet als "123.45" geschreven zijn: ${text}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

export async function up(db: Kysely<any>): Promise<void> {
  const file = fromRoot('resources/funding/rates.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as RatesFile;
  for (const y of data.years) {
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', y.schoolYear)
      .executeTakeFirst();
    if (!year) continue;
    await db
      .insertInto('funding_year')
      .values({
        school_year_id: year.id,
        status: y.status,
        teldatum_status: y.teldatumStatus,
        note: y.note,
        source: y.source,
      })
      .execute();
    if (y.rates.length === 0) continue;
    await db
      .insertInto('funding_rate')
      .values(
        y.rates.map((r, i) => ({
          school_year_id: year.id,
          kind: r.kind,
          code: r.code,
          school_types: JSON.stringify(r.schoolTypes),
          basis: r.basis,
          label: r.label,
          unit: r.unit,
          amount_cents: r.amount === null ? null : euroTextToCents(r.amount),
          status: r.status,
          payment: r.payment,
          source: r.source,
          note: r.note,
          sort: i,
        })),
      )
      .execute();
  }
}
