// Sign-in attempts (a record of each try; throttling counts in login-throttle.ts) and counting
// or ending a person's sessions.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

export async function recordLoginAttempt(
  db: Db,
  a: { email: string; ip: string | null; success: boolean; at: Date },
) {
  await db
    .insertInto('login_attempt')
    .values({ email: a.email.trim().toLowerCase().slice(0, 320), ip: a.ip, success: a.success, at: a.at })
    .execute();
}

export async function countSessions(db: Db, personId: number): Promise<number> {
  const r = await db
    .selectFrom('session')
    .select(sql<number>`count(*)`.as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ends every session of a person but one; returns how many ended. */
export async function endOtherSessions(db: Db, personId: number, keepSessionId: string): Promise<number> {
  const r = await db
    .deleteFrom('session')
    .where('person_id', '=', personId)
    .where('id', '!=', keepSessionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
