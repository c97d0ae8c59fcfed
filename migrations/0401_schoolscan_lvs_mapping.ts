// Column mappings of LVS exports (docs/lvs-import.md): per school, under a test provider, which
// column of an export holds which field of the flat format and what the export's own codes mean.
// Found again by the header's fingerprint (one mapping per header per school). An import records
// the name of the mapping it was read with.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lvs_mapping')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('cito', 'iep', 'dia', 'boom')`))
    // The normalised, sorted column names of the file (never a value of it).
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('headers', sql`text[]`, (c) => c.notNull())
    // { "vakgebied": "Toets", ... }
    .addColumn('columns', 'jsonb', (c) => c.notNull())
    // { "vakgebied": { "WS-3.0": "overslaan", ... }, "moment": { "B": "overslaan" } }
    .addColumn('value_map', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('year_from_date', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await sql`create unique index lvs_mapping_school_signature_idx on lvs_mapping (school_id, signature)`.execute(
    db,
  );

  await db.schema.alterTable('lvs_import').addColumn('mapping_name', 'text').execute();
}
