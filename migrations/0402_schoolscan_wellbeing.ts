// Schoolscan steps 3 and 4 (social-emotional development and well-being; executive functions):
// the two new step names in schoolscan_section, which team members teach which group in a
// school year, the team's assessment per group and step on a fixed set of items (1–5), and
// aggregated results per group from a social-emotional monitoring tool (never pupil rows).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The CHECK of 0400 named three steps; Postgres named it <table>_<column>_check.
  await sql`alter table schoolscan_section drop constraint if exists schoolscan_section_section_check`.execute(
    db,
  );
  await sql`alter table schoolscan_section add constraint schoolscan_section_section_check
    check (section in ('context', 'cognitief', 'sociaal-emotioneel', 'executieve-functies', 'conclusies'))`.execute(
    db,
  );

  // The school leader assigns team members (teamlid memberships) to groups 1–8 per school year.
  await db.schema
    .createTable('schoolscan_group_assignment')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('grade', 'smallint', (c) => c.notNull().check(sql`grade between 1 and 8`))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('assigned_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addPrimaryKeyConstraint('schoolscan_group_assignment_pkey', [
      'school_id',
      'school_year_id',
      'grade',
      'person_id',
    ])
    .execute();
  // "My groups": a person's assignments in a year.
  await sql`create index schoolscan_group_assignment_person_idx
    on schoolscan_group_assignment (person_id, school_year_id)`.execute(db);

  // The team's assessment of one group in one step: a score 1–5 per item (item keys are defined
  // in code), a note per item and one for the group; versioned like the steps.
  await db.schema
    .createTable('schoolscan_group_assessment')
    .addColumn('scan_id', 'integer', (c) => c.notNull().references('schoolscan.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) =>
      c.notNull().check(sql`step in ('sociaal-emotioneel', 'executieve-functies')`),
    )
    .addColumn('grade', 'smallint', (c) => c.notNull().check(sql`grade between 1 and 8`))
    // { "<item>": 1..5 } for the items that were scored.
    .addColumn('scores', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // { "<item>": "note" }.
    .addColumn('notes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('group_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addPrimaryKeyConstraint('schoolscan_group_assessment_pkey', ['scan_id', 'step', 'grade'])
    .execute();

  // Aggregated results of a monitoring tool for one group: one measure, the number of pupils it
  // is about and its value (a score or a percentage). No pupil keys, no names.
  await db.schema
    .createTable('schoolscan_monitor_result')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('scan_id', 'integer', (c) => c.notNull().references('schoolscan.id').onDelete('cascade'))
    .addColumn('grade', 'smallint', (c) => c.notNull().check(sql`grade between 1 and 8`))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('pupils', 'integer', (c) => c.notNull().check(sql`pupils between 2 and 200`))
    .addColumn('value', sql`numeric(8, 2)`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  // One value per group, tool and measure: entering it again replaces it.
  await sql`create unique index schoolscan_monitor_result_unique_idx
    on schoolscan_monitor_result (scan_id, grade, lower(instrument), lower(measure))`.execute(db);
}
