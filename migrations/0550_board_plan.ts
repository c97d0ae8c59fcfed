// The board-level (bovenschools) plan: per board and programme, the interventions the board runs
// for several schools, funded by reservations from those schools' money. Like the school's plan
// it is a draft edited freely (optimistic locking by revision) and numbered versions that are
// frozen as JSON; the GMR comments on a version and records one decision on it.
//
// board_reservation (funding, 0200) gets nullable columns: the menu category and intervention
// it funds (checked against the menu in force when it is made) and the board-level intervention
// it belongs to. Older reservations keep them empty.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('board_plan')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('board_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    // Raised by every change of the draft, so a submit of a draft that changed meanwhile is refused.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('board_plan_board_programme_key', ['board_id', 'programme_id'])
    .execute();

  await db.schema
    .createTable('board_plan_intervention')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('board_plan.id').onDelete('cascade'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('intervention_id', 'integer', (c) => c.references('menukaart_intervention.id'))
    .addColumn('menu_version_id', 'integer', (c) => c.notNull().references('menukaart_version.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await sql`create index board_plan_intervention_plan_idx on board_plan_intervention (plan_id, position)`.execute(
    db,
  );

  await db.schema
    .createTable('board_plan_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('board_plan.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('board_plan_version_number_key', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('board_plan_decision')
    .addColumn('version_id', 'integer', (c) =>
      c.primaryKey().references('board_plan_version.id').onDelete('cascade'),
    )
    .addColumn('decision', 'text', (c) =>
      c.notNull().check(sql`decision in ('instemming', 'geen-instemming')`),
    )
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('meeting_on', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addCheckConstraint(
      'board_plan_decision_reasons_check',
      sql`decision = 'instemming' or length(trim(reasons)) > 0`,
    )
    .execute();

  await db.schema
    .createTable('board_plan_comment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version_id', 'integer', (c) =>
      c.notNull().references('board_plan_version.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index board_plan_comment_version_idx on board_plan_comment (version_id, created_at)`.execute(
    db,
  );

  // Versions and GMR decisions are history: the function of migration 0500 refuses every update.
  for (const [table, what] of [
    ['board_plan_version', 'ingediende versie van het bovenschools plan'],
    ['board_plan_decision', 'besluit van de GMR'],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`${table}_fixed`)} before update on ${sql.table(table)}
      for each row execute function school_plan_history_is_fixed(${sql.lit(what)})`.execute(db);
  }

  await db.schema
    .alterTable('board_reservation')
    .addColumn('category_code', 'text')
    .addColumn('intervention_id', 'integer', (c) => c.references('menukaart_intervention.id'))
    .addColumn('menu_version_id', 'integer', (c) => c.references('menukaart_version.id'))
    .addColumn('board_plan_intervention_id', 'integer', (c) =>
      c.references('board_plan_intervention.id').onDelete('set null'),
    )
    .execute();
  await sql`create index board_reservation_plan_intervention_idx on board_reservation (board_plan_intervention_id)`.execute(
    db,
  );
}
