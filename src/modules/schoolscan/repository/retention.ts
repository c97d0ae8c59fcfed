// Retention of LVS results: the school's chosen period, the imports past it, and the purge of
// one import's results. Kysely only; the rules (choices, default, audit) are in services/retention.ts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/** The school's chosen period in months, or null when it never chose (the default applies). */
export async function retentionOf(db: Db, schoolId: number) {
  return (
    (await db
      .selectFrom('lvs_retention as r')
      .leftJoin('person as p', 'p.id', 'r.updated_by')
      .select(['r.months', 'r.updated_at', 'p.name as updated_by_name'])
      .where('r.school_id', '=', schoolId)
      .executeTakeFirst()) ?? null
  );
}

export async function setRetention(
  db: Db,
  schoolId: number,
  months: number,
  personId: number | null,
  now: Date,
) {
  await db
    .insertInto('lvs_retention')
    .values({ school_id: schoolId, months, updated_at: now, updated_by: personId })
    .onConflict((oc) => oc.column('school_id').doUpdateSet({ months, updated_at: now, updated_by: personId }))
    .execute();
}

/** The school's imports with the moment their results go (or went), newest first. */
export async function importsWithExpiry(db: Db, schoolId: number, months: number, limit = 50) {
  const r = await sql<{
    id: number;
    created_at: Date;
    file_name: string;
    rows: number;
    kept: number;
    expires_at: Date;
    purged_at: Date | null;
    purged_rows: number | null;
  }>`
    select i.id, i.created_at, i.file_name, i.rows,
           (select count(*)::int from lvs_result r where r.import_id = i.id and r.school_id = i.school_id) as kept,
           i.created_at + make_interval(months => ${months}::int) as expires_at, i.purged_at, i.purged_rows
    from lvs_import i where i.school_id = ${schoolId}
    order by i.id desc limit ${limit}`.execute(db);
  return r.rows;
}

export type ImportExpiryRow = Awaited<ReturnType<typeof importsWithExpiry>>[number];

export interface DueImport {
  id: number;
  schoolId: number;
  months: number;
}

/**
 * Imports whose results are past their school's retention period at `now` (not purged yet):
 * imported at least `months` (the school's choice, else `defaultMonths`) before `now`.
 */
export async function importsPastRetention(db: Db, now: Date, defaultMonths: number): Promise<DueImport[]> {
  const r = await sql<DueImport>`
    select i.id, i.school_id as "schoolId", coalesce(r.months, ${defaultMonths}::int)::int as months
    from lvs_import i left join lvs_retention r on r.school_id = i.school_id
    where i.purged_at is null
      and i.created_at + make_interval(months => coalesce(r.months, ${defaultMonths}::int)) <= ${now}
    order by i.created_at, i.id`.execute(db);
  return r.rows;
}

/**
 * Deletes one import's results and marks the import purged; returns the number of results
 * deleted, or null when another run purged it first. Call inside a transaction.
 */
export async function purgeImport(
  trx: Db,
  importId: number,
  schoolId: number,
  now: Date,
): Promise<number | null> {
  const claimed = await trx
    .updateTable('lvs_import')
    .set({ purged_at: now })
    .where('id', '=', importId)
    .where('school_id', '=', schoolId)
    .where('purged_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return null;
  const deleted = await trx
    .deleteFrom('lvs_result')
    .where('import_id', '=', importId)
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  const n = Number(deleted.numDeletedRows);
  await trx.updateTable('lvs_import').set({ purged_rows: n }).where('id', '=', importId).execute();
  return n;
}
