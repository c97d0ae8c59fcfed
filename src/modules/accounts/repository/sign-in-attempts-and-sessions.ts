// Sign-in attempts (for throttling) and counting or ending a person's sessions.
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

/** Failed attempts since a moment, for an address and for an IP address. */
export async function countFailures(db: Db, email: string, ip: string | null, since: Date) {
  const r = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where email = ${email.trim().toLowerCase()})`.as('by_email'),
      sql<number>`count(*) filter (where ip = ${ip})`.as('by_ip'),
    ])
    .where('success', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email.trim().toLowerCase()), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(r.by_email), byIp: Number(r.by_ip) };
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
