// Retention of the schoolscan's pupil-level results (lvs_result): each school chooses how long
// its imported results are kept (its school leader sets it; no row means the default), and a
// daily job deletes the results of imports older than that. The import record itself (file
// name, counts, school years: no pupil data) stays, marked with when its results were deleted.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lvs_retention')
    .addColumn('school_id', 'integer', (c) =>
      c.primaryKey().references('organisation.id').onDelete('cascade'),
    )
    // The allowed choices are in services/retention.ts; the check keeps them sane in the table too.
    .addColumn('months', 'smallint', (c) => c.notNull().check(sql`months between 1 and 120`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();

  await db.schema.alterTable('lvs_import').addColumn('purged_at', 'timestamptz').execute();
  await db.schema.alterTable('lvs_import').addColumn('purged_rows', 'integer').execute();
  // The purge looks for imports not yet purged, oldest first.
  await sql`create index lvs_import_unpurged_idx on lvs_import (created_at) where purged_at is null`.execute(
    db,
  );
}
