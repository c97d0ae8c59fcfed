// Sign-in throttling that counts atomically and locks no one out for long: one row per
// (scope, subject) with its failure count and the moment the next try is allowed; and the
// single-use links that let an account's owner lift a delay from their mailbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // 'paar' (account and address), 'account', 'adres' or 'code' (the second step of a person).
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // Lower-cased e-mail address the row is about (null for an address), so an unlock clears it.
    .addColumn('email', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
    // No try before this moment (null: no delay).
    .addColumn('blocked_until', 'timestamptz')
    .addPrimaryKeyConstraint('login_throttle_pkey', ['scope', 'subject'])
    .execute();
  await db.schema.createIndex('login_throttle_email_idx').on('login_throttle').column('email').execute();

  await db.schema
    .createTable('login_unlock')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // sha-256 of the token in the mailed link.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('login_unlock_person_idx')
    .on('login_unlock')
    .columns(['person_id', 'created_at'])
    .execute();
}
