// Funding trust: a status per part of an allocation (base and supplements), a visible failed
// recompute per school year, the progress of loading the shipped open data at first start, and
// rates added to resources/funding/rates.json after 0201 seeded it (inserted only when missing).
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';

interface RatesFile {
  years: {
    schoolYear: string;
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

/** '701.16' -> 70116, exactly. Kept here so the migration never changes. */
function euroTextToCents(text: string): number {
  const m = /^(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`Bedrag in rates.json moet als "123.45" geschreven zijn: ${text}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

export async function up(db: Kysely<any>): Promise<void> {
  // Statuses of the base lines and the supplement lines; null for rows of runs made before.
  await sql`alter table allocation
    add column base_status text check (base_status in ('exact', 'geschat', 'onbekend')),
    add column supplement_status text check (supplement_status in ('exact', 'geschat', 'onbekend', 'geen'))`.execute(
    db,
  );

  await sql`alter table funding_year
    add column recompute_failed_at timestamptz,
    add column recompute_error text`.execute(db);

  await db.schema
    .createTable('open_data_load')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('wachtend', 'bezig', 'klaar', 'mislukt')`),
    )
    .addColumn('files_total', 'integer', (c) => c.notNull())
    .addColumn('files_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_file', 'text')
    .addColumn('message', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();

  const data = JSON.parse(fs.readFileSync(fromRoot('resources/funding/rates.json'), 'utf8')) as RatesFile;
  for (const y of data.years) {
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', y.schoolYear)
      .executeTakeFirst();
    if (!year) continue;
    const have = await db
      .selectFrom('funding_year')
      .select('school_year_id')
      .where('school_year_id', '=', year.id)
      .executeTakeFirst();
    if (!have) continue;
    const existing = new Set(
      (
        await db.selectFrom('funding_rate').select('code').where('school_year_id', '=', year.id).execute()
      ).map((r) => r.code as string),
    );
    const missing = y.rates.map((r, i) => ({ r, i })).filter(({ r }) => !existing.has(r.code));
    if (missing.length === 0) continue;
    await db
      .insertInto('funding_rate')
      .values(
        missing.map(({ r, i }) => ({
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
