// Schoolscan: one scan per school per school year (its steps saved separately, so several team
// members can contribute and resume), the school's pupil-tracking (LVS) test results with
// pseudonymous pupil keys, the per-school secret those keys are hashed with, and a record of
// each import (never the file itself).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schoolscan')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('concept')
        .check(sql`status in ('concept', 'afgerond')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completed_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addCheckConstraint('schoolscan_completed_check', sql`status = 'concept' or completed_at is not null`)
    .execute();
  // One scan per school and year; also serves the school's list of years.
  await sql`create unique index schoolscan_school_year_idx on schoolscan (school_id, school_year_id)`.execute(
    db,
  );

  await db.schema
    .createTable('schoolscan_section')
    .addColumn('scan_id', 'integer', (c) => c.notNull().references('schoolscan.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) =>
      c.notNull().check(sql`section in ('context', 'cognitief', 'conclusies')`),
    )
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addPrimaryKeyConstraint('schoolscan_section_pkey', ['scan_id', 'section'])
    .execute();

  // The key pupil keys are hashed with (HMAC-SHA256), one per school, made at its first import.
  await db.schema
    .createTable('lvs_school_key')
    .addColumn('school_id', 'integer', (c) =>
      c.primaryKey().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('secret', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('lvs_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('delimiter', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('pupils', 'integer', (c) => c.notNull())
    .addColumn('school_years', sql`text[]`, (c) => c.notNull())
    // Only the names of columns that were dropped (names, BSN), never their values.
    .addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  // The school's import history, newest first.
  await sql`create index lvs_import_school_idx on lvs_import (school_id, id desc)`.execute(db);

  await db.schema
    .createTable('lvs_result')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('lvs_import.id').onDelete('cascade'))
    .addColumn('pupil_hash', 'text', (c) => c.notNull())
    .addColumn('grade', 'smallint', (c) => c.notNull().check(sql`grade between 1 and 8`))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('year_start', 'smallint', (c) => c.notNull())
    .addColumn('moment', 'text', (c) => c.notNull().check(sql`moment in ('M', 'E')`))
    .addColumn('test_date', 'date')
    .addColumn('raw_score', sql`numeric(8, 2)`)
    .addColumn('ability', sql`numeric(8, 2)`, (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('reference_level', 'text')
    .addColumn('dle', 'smallint')
    .execute();
  // One result per pupil, test provider, subject and moment: a new import replaces it.
  await sql`create unique index lvs_result_unique_idx
    on lvs_result (school_id, pupil_hash, provider, subject, year_start, moment)`.execute(db);
  // The analysis reads a school's results per subject; the import's own rows go with it.
  await sql`create index lvs_result_analysis_idx on lvs_result (school_id, subject, grade, moment, year_start)`.execute(
    db,
  );
  await sql`create index lvs_result_import_idx on lvs_result (import_id)`.execute(db);
}
