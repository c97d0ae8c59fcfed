// Focus points (aandachtspunten) of a scan: what the school concludes needs attention — a
// domain, the groups, how serious, the evidence (text and links into the analysis) and what it
// wants to reach — and the interventions the school chose for each with the keuzehulp.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schoolscan_focus_point')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('scan_id', 'integer', (c) => c.notNull().references('schoolscan.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('grades', sql`smallint[]`, (c) => c.notNull())
    // The size of the target group; the keuzehulp estimates costs for it.
    .addColumn('pupils', 'integer', (c) => c.notNull().check(sql`pupils between 1 and 5000`))
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('aandacht', 'zorg', 'ernstig')`))
    .addColumn('evidence', 'text', (c) => c.notNull())
    // Links into the analysis: [{ "href": "/scholen/…/analyse#…", "label": "…" }].
    .addColumn('evidence_links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  // A scan's focus points in their order.
  await sql`create index schoolscan_focus_point_scan_idx on schoolscan_focus_point (scan_id, position)`.execute(
    db,
  );

  // The interventions the school chose for a focus point (the choice carries into the plan).
  await db.schema
    .createTable('schoolscan_focus_choice')
    .addColumn('focus_point_id', 'integer', (c) =>
      c.notNull().references('schoolscan_focus_point.id').onDelete('cascade'),
    )
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('menukaart_intervention.id'))
    // The estimate shown when it was chosen, in cents for the target group per school year.
    .addColumn('estimated_cents', 'bigint')
    .addColumn('chosen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('chosen_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addPrimaryKeyConstraint('schoolscan_focus_choice_pkey', ['focus_point_id', 'intervention_id'])
    .execute();
}
