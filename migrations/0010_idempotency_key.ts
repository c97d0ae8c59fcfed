// Idempotency keys for forms that create something (issue 9, finding 15): each such form carries
// a random key; the first post with a key creates and records where its result is, a repeat
// (a double click, a resent form, two tabs) finds the key and is shown that result instead.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_key')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Where the first post sent the browser; null while that post is still running.
    .addColumn('location', 'text')
    .addPrimaryKeyConstraint('idempotency_key_pkey', ['person_id', 'route', 'key'])
    .execute();
  await sql`create index idempotency_key_created_idx on idempotency_key (created_at)`.execute(db);
}
