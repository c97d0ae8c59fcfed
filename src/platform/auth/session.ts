// Sessions live in the database (so several app instances share them). The cookie holds a
// random token; the table holds only its sha-256, so a leaked table cannot be replayed.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { Principal } from './principal.ts';

export const sessionCookie = 'npo_sessie';
/** A session ends 12 hours after sign-in, or after 2 hours without a request. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
export const sessionIdleMs = 2 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const touchEveryMs = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Kysely<DB>,
  personId: number,
  opts: {
    ip?: string;
    userAgent?: string;
    mfaVerified?: boolean;
    secondFactorPending?: boolean;
    now?: Date;
  } = {},
): Promise<{ token: string; id: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const now = opts.now ?? new Date();
  await db
    .insertInto('session')
    .values({
      id,
      person_id: personId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + sessionLifetimeMs),
      mfa_verified_at: opts.mfaVerified ? now : null,
      ip: opts.ip ?? null,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
      second_factor_pending: opts.secondFactorPending ?? false,
    })
    .execute();
  return { token, id };
}

// Read on every signed-in request: compiled once.
const principalRows = compiledOnce(['id'], (db, a: { id: string }) =>
  db
    .selectFrom('session as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .leftJoin('membership as m', 'm.person_id', 'p.id')
    .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      's.id as session_id',
      's.last_seen_at',
      's.expires_at',
      's.mfa_verified_at',
      's.second_factor_pending',
      'p.id as person_id',
      'p.name',
      'p.email',
      'p.disabled_at',
      'm.role',
      'o.id as org_id',
      'o.kind as org_kind',
      'o.name as org_name',
      'o.parent_id as org_parent_id',
    ])
    .where('s.id', '=', a.id)
    .orderBy('o.name'),
);

/** Loads the person behind a cookie token in one query; null when absent, expired or idle. */
export async function loadPrincipal(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<Principal | null> {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return null;
  const id = hashToken(token);
  const rows = await principalRows(db, { id });
  const first = rows[0];
  // A session waiting for its second factor grants nothing yet (see pendingSession).
  if (!first || first.disabled_at || first.second_factor_pending) return null;
  if (
    new Date(first.expires_at) <= now ||
    now.getTime() - new Date(first.last_seen_at).getTime() > sessionIdleMs
  ) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(first.last_seen_at).getTime() > touchEveryMs) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    personId: first.person_id,
    name: first.name,
    email: first.email,
    sessionId: first.session_id,
    mfaVerified: first.mfa_verified_at !== null,
    memberships: rows
      .filter((r) => r.org_id !== null && r.role !== null)
      .map((r) => ({
        organisationId: r.org_id!,
        organisationKind: r.org_kind!,
        organisationName: r.org_name!,
        parentId: r.org_parent_id,
        role: r.role!,
      })),
  };
}

export async function endSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** "Log out everywhere": every session of this person ends. */
export async function endAllSessions(db: Kysely<DB>, personId: number): Promise<number> {
  const r = await db.deleteFrom('session').where('person_id', '=', personId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function purgeExpiredSessions(db: Kysely<DB>, now = new Date()): Promise<number> {
  const r = await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<', sql<Date>`${now}::timestamptz - interval '2 hours'`),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * A session that passed the password but waits for the second factor: the person it is for,
 * or null when the token names no such session or it is older than 10 minutes.
 */
export async function pendingSession(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<{ sessionId: string; personId: number } | null> {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return null;
  const row = await db
    .selectFrom('session')
    .select(['id', 'person_id', 'created_at'])
    .where('id', '=', hashToken(token))
    .where('second_factor_pending', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - new Date(row.created_at).getTime() > 10 * 60 * 1000) {
    await db.deleteFrom('session').where('id', '=', row.id).execute();
    return null;
  }
  return { sessionId: row.id, personId: row.person_id };
}
