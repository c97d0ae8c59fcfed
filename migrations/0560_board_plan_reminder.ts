// The GMR's consent flow: remember which pending versions of a board-level plan got their
// reminder, so the daily job mails the GMR and the board once per version, like the MR's.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('board_plan_version_reminder')
    .addColumn('version_id', 'integer', (c) =>
      c.primaryKey().references('board_plan_version.id').onDelete('cascade'),
    )
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .execute();
  // The reminder job looks for old versions without a decision.
  await sql`create index board_plan_version_submitted_idx on board_plan_version (submitted_at)`.execute(db);
}
