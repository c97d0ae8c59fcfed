// Verantwoording, answering part: remember which organisation got the reminder for which
// questionnaire, so the daily job mails the respondents once per questionnaire and organisation.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaire_reminder')
    .addColumn('questionnaire_id', 'integer', (c) =>
      c.notNull().references('questionnaire.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaire_reminder_pkey', ['questionnaire_id', 'organisation_id'])
    .execute();
}
