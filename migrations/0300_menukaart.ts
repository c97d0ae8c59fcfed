// The menukaart: versions of the menu (published snapshots and one open draft), categories and
// interventions per version, the history of ratings, and the kennisplein (examples from schools
// and research summaries). Full-text search uses the `dutch` configuration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('menukaart_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('label', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('concept', 'gepubliceerd')`))
    .addColumn('valid_from', 'date')
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_url', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('based_on', 'integer', (c) => c.references('menukaart_version.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'integer', (c) => c.references('person.id'))
    .addCheckConstraint(
      'menukaart_version_published_check',
      sql`status = 'concept' or valid_from is not null`,
    )
    .execute();
  // At most one open draft at a time.
  await sql`create unique index menukaart_version_one_concept on menukaart_version ((status)) where status = 'concept'`.execute(
    db,
  );

  await db.schema
    .createTable('menukaart_category')
    .addColumn('version_id', 'integer', (c) =>
      c.notNull().references('menukaart_version.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('support_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('menukaart_category_pkey', ['version_id', 'code'])
    .execute();

  await db.schema
    .createTable('menukaart_intervention')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('menukaart_entry')
    .addColumn('version_id', 'integer', (c) =>
      c.notNull().references('menukaart_version.id').onDelete('cascade'),
    )
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('menukaart_intervention.id'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('sectors', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('added_note', 'text')
    .addColumn('subtypes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('effect_months', 'integer', (c) => c.check(sql`effect_months between -12 and 12`))
    .addColumn('evidence', 'integer', (c) => c.check(sql`evidence between 1 and 5`))
    .addColumn('cost', 'integer', (c) => c.check(sql`cost between 1 and 5`))
    .addColumn('inferred_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('rating_label', 'text')
    .addColumn('rated_on', 'date')
    .addColumn('rating_source', 'text')
    .addColumn('withdrawn', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('withdrawn_reason', 'text')
    .addColumn('praktijkkaart', 'jsonb')
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('dutch'::regconfig, coalesce(name_nl, '') || ' ' || coalesce(name_en, '')), 'A')
            || setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('dutch'::regconfig, coalesce(body_text, '')), 'C')`,
        )
        .stored(),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id'))
    .addPrimaryKeyConstraint('menukaart_entry_pkey', ['version_id', 'intervention_id'])
    .addForeignKeyConstraint(
      'menukaart_entry_category_fkey',
      ['version_id', 'category_code'],
      'menukaart_category',
      ['version_id', 'code'],
    )
    .execute();
  await sql`create index menukaart_entry_search_idx on menukaart_entry using gin (search)`.execute(db);

  await db.schema
    .createTable('menukaart_rating')
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('menukaart_intervention.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('effect_months', 'integer')
    .addColumn('evidence', 'integer')
    .addColumn('cost', 'integer')
    .addColumn('inferred_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('rated_on', 'date')
    .addColumn('source_url', 'text')
    .addColumn('basis', 'text')
    .addPrimaryKeyConstraint('menukaart_rating_pkey', ['intervention_id', 'label'])
    .execute();

  await db.schema
    .createTable('kennisplein_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('voorbeeld', 'onderzoek')`))
    .addColumn('school_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('author_person_id', 'integer', (c) => c.references('person.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('school_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('what_they_did', 'text', (c) => c.notNull())
    .addColumn('cost_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cost_cents', 'bigint', (c) => c.check(sql`cost_cents >= 0`))
    .addColumn('lessons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_ok', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source_url', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('concept', 'ingediend', 'wijzigingen_gevraagd', 'gepubliceerd', 'afgewezen')`),
    )
    .addColumn('moderator_note', 'text')
    .addColumn('moderated_by', 'integer', (c) => c.references('person.id'))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('dutch'::regconfig, coalesce(what_they_did, '') || ' ' || coalesce(lessons, '') || ' ' || coalesce(cost_text, '') || ' ' || coalesce(school_type, '')), 'B')`,
        )
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('kennisplein_item_school_check', sql`kind = 'onderzoek' or school_id is not null`)
    .execute();
  await sql`create index kennisplein_item_search_idx on kennisplein_item using gin (search)`.execute(db);
  await sql`create index kennisplein_item_status_idx on kennisplein_item (status)`.execute(db);
  await sql`create index kennisplein_item_school_idx on kennisplein_item (school_id)`.execute(db);

  await db.schema
    .createTable('kennisplein_item_intervention')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('kennisplein_item.id').onDelete('cascade'))
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('menukaart_intervention.id'))
    .addPrimaryKeyConstraint('kennisplein_item_intervention_pkey', ['item_id', 'intervention_id'])
    .execute();
  await sql`create index kennisplein_item_intervention_iv_idx on kennisplein_item_intervention (intervention_id)`.execute(
    db,
  );
}
