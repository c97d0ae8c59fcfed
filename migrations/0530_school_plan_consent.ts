// The MR's consent flow (issue 13, part "consent"): remember which pending versions got their
// reminder, so the daily job mails the MR and the school leader once per version, not every day.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_plan_version_reminder')
    .addColumn('version_id', 'integer', (c) =>
      c.primaryKey().references('school_plan_version.id').onDelete('cascade'),
    )
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .execute();
  // The reminder job looks for old versions without a decision; the dashboard for the latest one.
  await sql`create index school_plan_version_submitted_idx on school_plan_version (submitted_at)`.execute(db);
}
