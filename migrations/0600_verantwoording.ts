// Verantwoording (accountability): questionnaires as data, the answers of schools and boards, every
// submission kept, and the boards' annual reports.
//
// A questionnaire's sections and questions are one JSON definition (validated by
// services/definition.ts), so an analist builds or copies one in the browser without code. A
// school or board has one working copy of its answers per questionnaire (questionnaire_response,
// guarded by a revision: two people answering at once are detected); each submit freezes a
// numbered questionnaire_submission that is never changed; the newest submission's answers are
// also spread over questionnaire_answer, one row per answered item, which is what the national
// monitoring aggregates. A board's annual report per calendar year keeps the board's own texts and,
// once confirmed, a frozen copy of the figures it confirmed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaire')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    // Who answers: the school leader for a school, or the board.
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('school', 'bestuur')`))
    // Stable and readable in URLs and exports: 'schoolleiders-2021-2022-start'.
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    // concept: only analists see it; gepubliceerd: the audience answers it between the dates.
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('concept')
        .check(sql`status in ('concept', 'gepubliceerd')`),
    )
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('copied_from', 'integer', (c) => c.references('questionnaire.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .addUniqueConstraint('questionnaire_programme_slug_key', ['programme_id', 'slug'])
    .addCheckConstraint('questionnaire_dates_check', sql`closes_on >= opens_on`)
    .execute();
  await sql`create index questionnaire_year_idx on questionnaire (programme_id, school_year_id, audience)`.execute(
    db,
  );

  // The working copy of one school's or board's answers: saved per section, resumed later.
  await db.schema
    .createTable('questionnaire_response')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaire.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    // Answers by question key, as services/answers.ts reads and writes them.
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Section keys saved at least once (the overview shows which are done).
    .addColumn('sections_saved', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    // The number of the newest submission (0: never submitted). After a submit the working copy
    // stays, so reopening starts from what was sent.
    .addColumn('submitted_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('questionnaire_response_org_key', ['questionnaire_id', 'organisation_id'])
    .execute();
  await sql`create index questionnaire_response_org_idx on questionnaire_response (organisation_id)`.execute(
    db,
  );

  // Every submission, numbered per response and never changed (trigger below).
  await db.schema
    .createTable('questionnaire_submission')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('response_id', 'integer', (c) => c.notNull().references('questionnaire_response.id'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaire.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    // The definition's revision the answers were given against.
    .addColumn('definition_revision', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('questionnaire_submission_number_key', ['response_id', 'number'])
    .execute();
  await sql`create index questionnaire_submission_q_idx on questionnaire_submission (questionnaire_id, organisation_id)`.execute(
    db,
  );

  // The newest submission of each school or board, one row per answered item: what monitoring
  // counts. A multiple choice gives one row per chosen value (item = the value); a money table
  // one row per category (item = 'A' … 'F'); every other answer one row with item ''.
  await db.schema
    .createTable('questionnaire_answer')
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaire.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('questionnaire_submission.id'))
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull().defaultTo(''))
    // Exactly one of these carries the value, by question type.
    .addColumn('choice', 'text')
    .addColumn('number', sql`numeric(14, 2)`)
    .addColumn('cents', 'bigint')
    .addColumn('text', 'text')
    .addPrimaryKeyConstraint('questionnaire_answer_pkey', [
      'questionnaire_id',
      'question_key',
      'item',
      'organisation_id',
    ])
    .execute();
  await sql`create index questionnaire_answer_org_idx on questionnaire_answer (organisation_id, questionnaire_id)`.execute(
    db,
  );

  // A board's annual report (bestuursverslag) on the programme, per calendar year: the figures
  // are generated from its schools' plans; the board adds its own texts and confirms.
  await db.schema
    .createTable('board_report')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('board_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('calendar_year', 'smallint', (c) => c.notNull())
    // The board's own texts, by item key (services of the report part name them).
    .addColumn('texts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('concept')
        .check(sql`status in ('concept', 'bevestigd')`),
    )
    // At confirmation: the figures exactly as confirmed (the report reads these from then on).
    .addColumn('confirmed_figures', 'jsonb')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmed_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('board_report_board_year_key', ['board_id', 'programme_id', 'calendar_year'])
    .execute();

  // A submission is history: refuse every update.
  await sql`
    create function questionnaire_submission_is_fixed() returns trigger language plpgsql as $$
    begin
      raise exception 'Een ingediende vragenlijst wordt nooit gewijzigd; dien opnieuw in.';
    end
    $$`.execute(db);
  await sql`
    create trigger questionnaire_submission_fixed before update on questionnaire_submission
    for each row execute function questionnaire_submission_is_fixed()`.execute(db);
}
