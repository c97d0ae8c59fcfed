// The readiness check's one query: does the database answer?
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** Runs `select 1`; throws when the database does not answer. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
