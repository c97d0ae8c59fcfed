// Password reset by mail (a link that works one hour, once) and changing a password when signed
// in. No HTTP here; each function gets the database and the clock.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { endAllSessions, hashToken } from '../../../platform/auth/session.ts';
import { hashPassword, newPasswordErrors, verifyPassword } from './passwords.ts';
import { looksLikeToken, newToken } from './tokens.ts';

import {
  expirePasswordResets,
  findPasswordReset,
  insertPasswordReset,
  markPasswordResetUsed,
} from '../repository/password-resets.ts';
import { findPerson, findPersonByEmail, setPassword } from '../repository/people.ts';

type Db = Kysely<DB>;

export const resetValidityMs = 60 * 60 * 1000;

/** Creates a reset link for an active account; null for unknown or blocked addresses. */
export async function requestPasswordReset(
  trx: Db,
  email: string,
  now: Date,
): Promise<{ token: string; personId: number; email: string; name: string } | null> {
  // The token is made for unknown addresses too: the same work either way (see even-timing.ts).
  const { token, hash } = newToken();
  const person = await findPersonByEmail(trx, email);
  if (!person || person.disabled_at) return null;
  await insertPasswordReset(trx, {
    tokenHash: hash,
    personId: person.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + resetValidityMs),
  });
  return { token, personId: person.id, email: person.email, name: person.name };
}

export type ResetState =
  { state: 'open'; id: number; personId: number } | { state: 'expired' | 'used' | 'unknown' };

export async function lookUpReset(db: Db, token: string, now: Date): Promise<ResetState> {
  if (!looksLikeToken(token)) return { state: 'unknown' };
  const r = await findPasswordReset(db, hashToken(token));
  if (!r) return { state: 'unknown' };
  if (r.used_at) return { state: 'used' };
  if (new Date(r.expires_at) <= now) return { state: 'expired' };
  return { state: 'open', id: r.id, personId: r.person_id };
}

export type ResetResult =
  | { ok: true; personId: number; endedSessions: number }
  | { ok: false; state?: 'expired' | 'used' | 'unknown'; errors?: Record<string, string> };

export async function resetPassword(
  trx: Db,
  input: { token: string; password: string; passwordAgain: string; now: Date },
): Promise<ResetResult> {
  const found = await lookUpReset(trx, input.token, input.now);
  if (found.state !== 'open') return { ok: false, state: found.state };
  const person = await findPerson(trx, found.personId);
  if (!person) return { ok: false, state: 'unknown' };
  const errors = newPasswordErrors(input.password, input.passwordAgain, person);
  if (errors) return { ok: false, errors };
  if (!(await markPasswordResetUsed(trx, found.id, input.now))) return { ok: false, state: 'used' };
  await setPassword(trx, person.id, await hashPassword(input.password), input.now);
  await expirePasswordResets(trx, person.id, input.now);
  // Whoever was signed in with the old password is signed out everywhere.
  const endedSessions = await endAllSessions(trx, person.id);
  return { ok: true, personId: person.id, endedSessions };
}

export type ChangePasswordResult = { ok: true } | { ok: false; errors: Record<string, string> };

export async function changePassword(
  trx: Db,
  input: { personId: number; current: string; password: string; passwordAgain: string; now: Date },
): Promise<ChangePasswordResult> {
  const person = await findPerson(trx, input.personId);
  if (!person) return { ok: false, errors: { huidig: 'Uw account is niet gevonden.' } };
  if (!(await verifyPassword(person.password_hash, input.current))) {
    return { ok: false, errors: { huidig: 'Uw huidige wachtwoord klopt niet. Typ het opnieuw.' } };
  }
  const errors = newPasswordErrors(input.password, input.passwordAgain, person);
  if (errors) return { ok: false, errors };
  await setPassword(trx, person.id, await hashPassword(input.password), input.now);
  await expirePasswordResets(trx, person.id, input.now);
  return { ok: true };
}
