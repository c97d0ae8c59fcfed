// Sign-in throttling rows (one per scope and subject) and the mailed unlock links. Each try is
// counted before its password is checked, in one statement that also refuses it while a delay
// runs: parallel tries queue on the row lock, so a burst cannot outrun the count.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  delaySeconds,
  forgetFailuresAfterMs,
  type ScopeRule,
  type ThrottleScope,
} from '../services/throttle.ts';

type Db = Kysely<DB>;

export interface ThrottleSubject {
  scope: ThrottleScope;
  subject: string;
  email: string | null;
}

/**
 * Counts a try as a failure unless a delay is running. Returns the new failure count, or null
 * when the try is refused (the row is then left as it was).
 */
export async function reserveTry(
  db: Db,
  s: ThrottleSubject,
  rule: ScopeRule,
  now: Date,
): Promise<number | null> {
  const forgetBefore = new Date(now.getTime() - forgetFailuresAfterMs);
  const firstDelay = delaySeconds(rule, 1);
  const next = sql`(case when t.last_failure_at <= ${forgetBefore}::timestamptz then 1 else t.failures + 1 end)`;
  const r = await sql<{ failures: number }>`
    insert into login_throttle as t (scope, subject, email, failures, last_failure_at, blocked_until)
    values (${s.scope}, ${s.subject}, ${s.email}, 1, ${now}::timestamptz,
            ${firstDelay > 0 ? new Date(now.getTime() + firstDelay * 1000) : null}::timestamptz)
    on conflict (scope, subject) do update set
      failures = ${next},
      last_failure_at = ${now}::timestamptz,
      blocked_until = case when ${next} >= ${rule.free}::int
        then ${now}::timestamptz
          + make_interval(secs => least(power(2, ${next} - ${rule.free}::int), ${rule.capSeconds}::int))
        else null end
    where t.blocked_until is null or t.blocked_until <= ${now}::timestamptz
    returning failures
  `.execute(db);
  return r.rows[0] ? Number(r.rows[0].failures) : null;
}

/** Takes back the failure a successful try was counted as (the delay ends below `free`). */
export async function undoTry(db: Db, s: ThrottleSubject, rule: ScopeRule) {
  await db
    .updateTable('login_throttle')
    .set({
      failures: sql`greatest(failures - 1, 0)`,
      blocked_until: sql`case when failures - 1 >= ${rule.free}::int then blocked_until else null end`,
    })
    .where('scope', '=', s.scope)
    .where('subject', '=', s.subject)
    .execute();
}

export async function clearThrottle(db: Db, s: ThrottleSubject) {
  await db
    .deleteFrom('login_throttle')
    .where('scope', '=', s.scope)
    .where('subject', '=', s.subject)
    .execute();
}

/** Lifts every delay that counts tries for this e-mail address (pair, account, code step). */
export async function clearThrottleForEmail(db: Db, email: string): Promise<number> {
  const r = await db.deleteFrom('login_throttle').where('email', '=', email).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Seconds until a refused subject may try again (0 when no delay runs). */
export async function secondsToWait(db: Db, s: ThrottleSubject, now: Date): Promise<number> {
  const r = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('scope', '=', s.scope)
    .where('subject', '=', s.subject)
    .executeTakeFirst();
  if (!r?.blocked_until) return 0;
  return Math.max(0, Math.ceil((new Date(r.blocked_until).getTime() - now.getTime()) / 1000));
}

export async function insertUnlock(
  db: Db,
  v: { tokenHash: string; personId: number; createdAt: Date; expiresAt: Date },
) {
  await db
    .insertInto('login_unlock')
    .values({
      token_hash: v.tokenHash,
      person_id: v.personId,
      created_at: v.createdAt,
      expires_at: v.expiresAt,
    })
    .execute();
}

/** Whether an unlock link was made for this person since a moment (one mail per period). */
export async function unlockSentSince(db: Db, personId: number, since: Date): Promise<boolean> {
  const r = await db
    .selectFrom('login_unlock')
    .select('id')
    .where('person_id', '=', personId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return r !== undefined;
}

/** Uses an unlock link once: the person it is for, or undefined when unknown, used or expired. */
export async function useUnlock(db: Db, tokenHash: string, now: Date) {
  return db
    .updateTable('login_unlock')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'person_id as personId'])
    .executeTakeFirst();
}

export async function findUnlock(db: Db, tokenHash: string) {
  return db
    .selectFrom('login_unlock')
    .select(['id', 'person_id as personId', 'expires_at as expiresAt', 'used_at as usedAt'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}
