// One row per invitation mail sent (first send and each resend), so invitations can be
// throttled per inviter and per organisation; and an index to find a person's invitations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitation_mail')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('invitation_id', 'integer', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('sent_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('invitation_mail_sender_idx')
    .on('invitation_mail')
    .columns(['sent_by', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('invitation_mail_organisation_idx')
    .on('invitation_mail')
    .columns(['organisation_id', 'sent_at'])
    .execute();
  await db.schema.createIndex('invitation_invited_by_idx').on('invitation').column('invited_by').execute();
}
