// The school programme (schoolprogramma): a school's plan for the whole programme period — goals
// that answer its scan's focus points, interventions from the menu with who, for whom, when and
// how evaluated, a budget per intervention, school year and cost type, the money actually spent,
// evaluations — and the numbered versions it submits to its MR, each with at most one decision.
//
// The draft (school_plan and the tables under it) is edited freely, guarded by a revision per
// row (optimistic locking). Submitting freezes the whole draft into school_plan_version.snapshot.
// Versions, MR decisions and expenses are history: triggers refuse every update, so a consent
// stays bound to exactly what it approved and a correction is always a new expense.
import { sql, type Kysely } from 'kysely';

const costTypes = `('eigen-personeel', 'extern-personeel', 'materialen-ict', 'professionalisering', 'overig')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_plan')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    // What the plan answers, in the school's words (the scan's conclusions in short).
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    // A short text for parents; shown on the public school page only once published.
    .addColumn('public_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('public_summary_published_at', 'timestamptz')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('school_plan_school_programme_key', ['school_id', 'programme_id'])
    .execute();

  // Goals: what, for whom, by when, how measured; linked to focus points of the school's scans.
  await db.schema
    .createTable('school_plan_goal')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('school_plan.id').onDelete('cascade'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('for_whom', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('focus_point_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await sql`create index school_plan_goal_plan_idx on school_plan_goal (plan_id, position)`.execute(db);

  // An intervention of the plan: one of the menu in force when it was chosen.
  await db.schema
    .createTable('school_plan_intervention')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('school_plan.id').onDelete('cascade'))
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('menukaart_intervention.id'))
    .addColumn('menu_version_id', 'integer', (c) => c.notNull().references('menukaart_version.id'))
    .addColumn('focus_point_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('goal_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('grades', sql`smallint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('pupils', 'integer', (c) => c.notNull().check(sql`pupils between 1 and 5000`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('approach', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('professional_development', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evaluation_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    // The budget lines of this intervention are saved together, guarded by their own revision.
    .addColumn('budget_revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addCheckConstraint('school_plan_intervention_period_check', sql`ends_on >= starts_on`)
    .execute();
  await sql`create index school_plan_intervention_plan_idx on school_plan_intervention (plan_id, position)`.execute(
    db,
  );
  await sql`create index school_plan_intervention_intervention_idx on school_plan_intervention (intervention_id)`.execute(
    db,
  );

  // The budget: planned and committed (contract signed) cents per intervention, year and cost type.
  await db.schema
    .createTable('school_plan_budget')
    .addColumn('plan_intervention_id', 'integer', (c) =>
      c.notNull().references('school_plan_intervention.id').onDelete('cascade'),
    )
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('cost_type', 'text', (c) => c.notNull().check(sql.raw(`cost_type in ${costTypes}`)))
    .addColumn('planned_cents', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`planned_cents >= 0`),
    )
    .addColumn('committed_cents', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`committed_cents >= 0`),
    )
    .addPrimaryKeyConstraint('school_plan_budget_pkey', [
      'plan_intervention_id',
      'school_year_id',
      'cost_type',
    ])
    .execute();

  // A bookkeeping import: one file's expenses, added together or not at all.
  await db.schema
    .createTable('school_plan_expense_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('school_plan.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();

  // Money spent. Never edited: a correction is a new row (often negative) that names the one it corrects.
  await db.schema
    .createTable('school_plan_expense')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('school_plan.id').onDelete('cascade'))
    .addColumn('plan_intervention_id', 'integer', (c) =>
      c.notNull().references('school_plan_intervention.id').onDelete('cascade'),
    )
    .addColumn('cost_type', 'text', (c) => c.notNull().check(sql.raw(`cost_type in ${costTypes}`)))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('spent_on', 'date', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents <> 0`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('corrects_id', 'integer', (c) => c.references('school_plan_expense.id'))
    .addColumn('import_id', 'integer', (c) => c.references('school_plan_expense_import.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await sql`create index school_plan_expense_plan_idx on school_plan_expense (plan_id, spent_on, id)`.execute(
    db,
  );
  await sql`create index school_plan_expense_intervention_idx on school_plan_expense (plan_intervention_id)`.execute(
    db,
  );

  // Evaluation (plan–do–check–act): results at a moment and, when taken, a decision.
  await db.schema
    .createTable('school_plan_evaluation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_intervention_id', 'integer', (c) =>
      c.notNull().references('school_plan_intervention.id').onDelete('cascade'),
    )
    .addColumn('evaluated_on', 'date', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    // Links into later scan data: [{ "href": "/scholen/…/schoolscan/…", "label": "…" }].
    .addColumn('evidence_links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('doorgaan', 'bijstellen', 'stoppen')`))
    .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await sql`create index school_plan_evaluation_intervention_idx on school_plan_evaluation (plan_intervention_id, evaluated_on)`.execute(
    db,
  );

  // A submitted version: the whole draft frozen as JSON, numbered 1, 2, … per plan.
  await db.schema
    .createTable('school_plan_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('school_plan.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    // What the school leader tells the MR about this version (what changed and why).
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('school_plan_version_number_key', ['plan_id', 'number'])
    .execute();

  // The MR's decision on one version: instemming or not, with reasons and the meeting date.
  await db.schema
    .createTable('school_plan_decision')
    .addColumn('version_id', 'integer', (c) =>
      c.primaryKey().references('school_plan_version.id').onDelete('cascade'),
    )
    .addColumn('decision', 'text', (c) =>
      c.notNull().check(sql`decision in ('instemming', 'geen-instemming')`),
    )
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('meeting_on', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addCheckConstraint(
      'school_plan_decision_reasons_check',
      sql`decision = 'instemming' or length(trim(reasons)) > 0`,
    )
    .execute();

  // The MR's discussion of a version.
  await db.schema
    .createTable('school_plan_comment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version_id', 'integer', (c) =>
      c.notNull().references('school_plan_version.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index school_plan_comment_version_idx on school_plan_comment (version_id, created_at)`.execute(
    db,
  );

  // History is never rewritten: refuse updates of versions, decisions and expenses.
  await sql`
    create function school_plan_history_is_fixed() returns trigger language plpgsql as $$
    begin
      raise exception 'Een % wordt nooit gewijzigd; maak een nieuwe versie of correctie.', tg_argv[0];
    end
    $$`.execute(db);
  for (const [table, what] of [
    ['school_plan_version', 'ingediende versie'],
    ['school_plan_decision', 'besluit van de MR'],
    ['school_plan_expense', 'uitgave'],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`${table}_fixed`)} before update on ${sql.table(table)}
      for each row execute function school_plan_history_is_fixed(${sql.lit(what)})`.execute(db);
  }
}
