// The foundation: programmes and their school years, organisations, people, memberships,
// sessions and the audit log. Later modules add their own numbered migrations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  await db.schema
    .createTable('programme')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('spend_until', 'date')
    .addColumn('source', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('school_year')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('teldatum', 'date')
    .addColumn('plan_deadline', 'date')
    .addColumn('questionnaire_deadline', 'date')
    .addColumn('note', 'text')
    .addUniqueConstraint('school_year_programme_label_key', ['programme_id', 'label'])
    .addCheckConstraint('school_year_dates_check', sql`ends_on > starts_on`)
    .execute();

  await db.schema
    .createTable('organisation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ministerie', 'bestuur', 'school')`))
    .addColumn('name', 'text', (c) => c.notNull())
    // Board number (bevoegd gezag) for boards; vestigingscode (BRIN4 + 2 digits) for schools.
    .addColumn('code', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('sector', 'text', (c) => c.check(sql`sector in ('BO', 'SBO', 'SO', 'VSO', 'VO')`))
    .addColumn('instellingscode', 'text')
    .addColumn('municipality_code', 'text')
    .addColumn('municipality_name', 'text')
    .addColumn('place', 'text')
    .addColumn('denomination', 'text')
    .addColumn('closed_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'organisation_shape_check',
      sql`(kind = 'school' and parent_id is not null and sector is not null and code is not null)
          or (kind = 'bestuur' and sector is null)
          or (kind = 'ministerie' and parent_id is null and sector is null)`,
    )
    .execute();
  await sql`create unique index organisation_kind_code_key on organisation (kind, code) where code is not null`.execute(
    db,
  );
  await db.schema.createIndex('organisation_parent_idx').on('organisation').column('parent_id').execute();
  await sql`create index organisation_name_trgm_idx on organisation using gin (name gin_trgm_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  await sql`create unique index person_email_key on person (lower(email))`.execute(db);

  await db.schema
    .createTable('membership')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('schoolleider', 'teamlid', 'mr-lid', 'bestuur', 'gmr-lid', 'helpdesk', 'redactie', 'analist', 'beheerder')`,
        ),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('membership_person_org_role_key', ['person_id', 'organisation_id', 'role'])
    .execute();
  await db.schema
    .createIndex('membership_organisation_idx')
    .on('membership')
    .columns(['organisation_id', 'role'])
    .execute();

  await db.schema
    .createTable('session')
    // sha-256 of the cookie token: a stolen database row cannot be replayed as a cookie.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('mfa_verified_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_person_idx').on('session').column('person_id').execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    // Kept when the person is deleted, so the trail stays readable.
    .addColumn('actor_label', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('ok', 'geweigerd', 'mislukt')`))
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
  await db.schema
    .createIndex('audit_event_actor_idx')
    .on('audit_event')
    .columns(['actor_person_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_event_org_idx')
    .on('audit_event')
    .columns(['organisation_id', 'at'])
    .execute();
  await db.schema.createIndex('audit_event_action_idx').on('audit_event').columns(['action', 'at']).execute();
}
