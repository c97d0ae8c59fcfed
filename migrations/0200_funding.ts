// Funding: DUO/CBS imports with history, pupil counts, achterstandsscores, rates per school
// year as data, allocation runs (every recompute is kept as a run) and board reservations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Extra organisation facts from DUO. A provisional name was made up from the board number
  // and may be replaced by a board file; a name someone corrected is never replaced by one.
  await sql`alter table organisation
    add column name_provisional boolean not null default false,
    add column duo_soort text,
    add column postcode text,
    add column onderwijsstructuur text,
    add column duo_seen_at timestamptz`.execute(db);
  await sql`create index organisation_school_municipality_idx on organisation (municipality_code) where kind = 'school'`.execute(
    db,
  );
  await sql`create index organisation_instellingscode_idx on organisation (instellingscode)`.execute(db);
  await sql`create index organisation_place_trgm_idx on organisation using gin (place gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index organisation_code_trgm_idx on organisation using gin (code gin_trgm_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('duo_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('duo', 'cbs')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('wachtend', 'bezig', 'klaar', 'mislukt')`),
    )
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    // The uploaded file while it waits for the import job; cleared when the job is done.
    .addColumn('content', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('duo_import_created_idx').on('duo_import').column('created_at').execute();

  await db.schema
    .createTable('organisation_change')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('import_id', 'integer', (c) => c.references('duo_import.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('change', 'text', (c) =>
      c.notNull().check(sql`change in ('nieuw', 'gewijzigd', 'gesloten', 'heropend')`),
    )
    .addColumn('field', 'text')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .execute();
  await db.schema
    .createIndex('organisation_change_org_idx')
    .on('organisation_change')
    .columns(['organisation_id', 'at'])
    .execute();
  await db.schema
    .createIndex('organisation_change_import_idx')
    .on('organisation_change')
    .column('import_id')
    .execute();

  await db.schema
    .createTable('pupil_count')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('teldatum', 'date', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('totaal', 'VO_ALG', 'VO_PRO_VBO34')`),
    )
    // null when DUO only says "<5" (below_five).
    .addColumn('pupils', 'integer', (c) => c.check(sql`pupils >= 0`))
    .addColumn('below_five', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('import_id', 'integer', (c) => c.references('duo_import.id'))
    .addPrimaryKeyConstraint('pupil_count_pkey', ['organisation_id', 'teldatum', 'category'])
    .execute();
  await db.schema
    .createIndex('pupil_count_teldatum_idx')
    .on('pupil_count')
    .columns(['teldatum', 'category'])
    .execute();

  await db.schema
    .createTable('achterstandsscore')
    .addColumn('vestigingscode', 'text', (c) => c.notNull())
    .addColumn('peildatum', 'date', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull().check(sql`indicator in ('po', 'vo')`))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('pupils', 'integer')
    // Scores have two decimals; kept as hundredths so the money stays exact.
    .addColumn('score_hundredths', 'integer', (c) => c.notNull().check(sql`score_hundredths >= 0`))
    .addColumn('score_unthresholded_hundredths', 'integer')
    .addColumn('import_id', 'integer', (c) => c.references('duo_import.id'))
    .addPrimaryKeyConstraint('achterstandsscore_pkey', ['vestigingscode', 'peildatum', 'indicator'])
    .execute();
  await db.schema
    .createIndex('achterstandsscore_org_idx')
    .on('achterstandsscore')
    .columns(['organisation_id', 'peildatum'])
    .execute();

  await db.schema
    .createTable('funding_year')
    .addColumn('school_year_id', 'integer', (c) => c.primaryKey().references('school_year.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('voorlopig', 'definitief', 'geen-toekenning')`),
    )
    .addColumn('teldatum_status', 'text')
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .addColumn('current_run_id', 'integer')
    .addColumn('previous_run_id', 'integer')
    .execute();

  await db.schema
    .createTable('funding_rate')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('per-leerling', 'toeslag')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('school_types', 'jsonb', (c) => c.notNull())
    .addColumn('basis', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`basis in ('leerlingen', 'achterstandsscore-po', 'achterstandsscore-vo', 'cumi', 'niet-per-school')`,
        ),
    )
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    // null: the amount is not known (never guessed).
    .addColumn('amount_cents', 'bigint', (c) => c.check(sql`amount_cents >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('definitief', 'voorlopig', 'onbekend')`),
    )
    .addColumn('payment', 'text')
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('funding_rate_year_code_key', ['school_year_id', 'code'])
    .execute();

  await db.schema
    .createTable('funding_rate_change')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('rate_id', 'integer', (c) => c.notNull().references('funding_rate.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('old_amount_cents', 'bigint')
    .addColumn('new_amount_cents', 'bigint')
    .addColumn('old_status', 'text', (c) => c.notNull())
    .addColumn('new_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('funding_rate_change_rate_idx')
    .on('funding_rate_change')
    .columns(['rate_id', 'at'])
    .execute();

  await db.schema
    .createTable('allocation_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('school_count', 'integer', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('rates', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('allocation_run_year_idx')
    .on('allocation_run')
    .columns(['school_year_id', 'id'])
    .execute();

  await db.schema
    .createTable('allocation')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('allocation_run.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('board_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('school_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('volledig', 'onvolledig', 'onbekend')`),
    )
    .addColumn('pupils', 'integer')
    .addColumn('base_cents', 'bigint')
    .addColumn('supplement_cents', 'bigint', (c) => c.notNull())
    .addColumn('total_cents', 'bigint')
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('allocation_pkey', ['run_id', 'school_id'])
    .execute();
  await db.schema
    .createIndex('allocation_run_board_idx')
    .on('allocation')
    .columns(['run_id', 'board_id'])
    .execute();
  await db.schema
    .createIndex('allocation_school_idx')
    .on('allocation')
    .columns(['school_id', 'run_id'])
    .execute();

  await db.schema
    .createTable('board_reservation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('board_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('mr_consent_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('board_reservation_board_idx')
    .on('board_reservation')
    .columns(['board_id', 'school_year_id'])
    .execute();
  await db.schema
    .createIndex('board_reservation_school_idx')
    .on('board_reservation')
    .columns(['school_id', 'school_year_id'])
    .execute();
}
