// Signing in: the password step (with throttling and unlock links), the unlock link itself and
// the second factor. No HTTP here; each function gets the database and the clock.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { mfaRoles } from '../../../platform/auth/principal.ts';
import { hashToken } from '../../../platform/auth/session.ts';
import { verifyPassword } from './passwords.ts';
import { hashRecoveryCode, matchTotp } from './totp.ts';
import type { TotpSecretBox } from './totp-secret-box.ts';
import { signInSubjects, throttleRules, unlockValidityMs, type ThrottleScope } from './throttle.ts';
import { composeMail } from '../../../platform/mail/mailer.ts';
import { looksLikeToken, newToken } from './tokens.ts';

import {
  clearThrottle,
  clearThrottleForEmail,
  insertUnlock,
  reserveTry,
  secondsToWait,
  undoTry,
  unlockSentSince,
  useUnlock,
} from '../repository/login-throttle.ts';
import { findPerson, findPersonForSignIn } from '../repository/people.ts';
import { claimTotpStep, sealTotpSecret, useRecoveryCode } from '../repository/second-factor.ts';
import { recordLoginAttempt } from '../repository/sign-in-attempts-and-sessions.ts';

type Db = Kysely<DB>;

export type SignInOutcome =
  | { kind: 'throttled'; scope: ThrottleScope; waitSeconds: number }
  | { kind: 'failed'; personId: number | null; unlock?: UnlockLink }
  | { kind: 'ok'; personId: number; secondFactor: boolean; mustEnrol: boolean };

/** A new unlock link for the owner of an account whose sign-in is now delayed. */
export interface UnlockLink {
  token: string;
  personId: number;
  email: string;
  name: string;
}

/** Thrown inside the reservation transaction to roll back the scopes counted before a refusal. */
class Refused extends Error {
  constructor(readonly scope: ThrottleScope) {
    super('throttled');
  }
}

/**
 * Counts a sign-in try in every scope before its password is checked (see throttle.ts); when
 * one scope refuses, none counts it. Returns the new counts, or the scope that refused.
 */
async function reserveSignInTry(
  db: Db,
  email: string,
  ip: string | null,
  now: Date,
): Promise<
  { ok: true; counts: Record<string, number> } | { ok: false; scope: ThrottleScope; waitSeconds: number }
> {
  const subjects = signInSubjects(email, ip);
  try {
    const counts = await db.transaction().execute(async (trx) => {
      const out: Record<string, number> = {};
      for (const s of subjects) {
        const n = await reserveTry(trx, s, throttleRules[s.scope], now);
        if (n === null) throw new Refused(s.scope);
        out[s.scope] = n;
      }
      return out;
    });
    return { ok: true, counts };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const s = subjects.find((x) => x.scope === e.scope)!;
    return { ok: false, scope: e.scope, waitSeconds: await secondsToWait(db, s, now) };
  }
}

/**
 * Checks a sign-in. The try is counted first (atomically, so parallel guesses queue behind the
 * count); a right password takes the count back. The attempt record and whatever `andThen`
 * writes for the outcome (the session, the audit row, an unlock mail) share one transaction.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null; now: Date },
  andThen?: (trx: Db, outcome: SignInOutcome) => Promise<void>,
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const [reserved, person] = await Promise.all([
    reserveSignInTry(db, email, input.ip, input.now),
    email ? findPersonForSignIn(db, email, mfaRoles) : undefined,
  ]);
  let outcome: SignInOutcome;
  if (!reserved.ok) outcome = { kind: 'throttled', scope: reserved.scope, waitSeconds: reserved.waitSeconds };
  else {
    const ok = await verifyPassword(person?.password_hash ?? null, input.password);
    outcome =
      ok && person && !person.disabled_at
        ? {
            kind: 'ok',
            personId: person.id,
            secondFactor: person.totp_enabled_at !== null,
            mustEnrol: person.totp_enabled_at === null && Boolean(person.has_mfa_role),
          }
        : { kind: 'failed', personId: person?.id ?? null };
  }
  await db.transaction().execute(async (trx) => {
    if (outcome.kind === 'ok') {
      const [pair, ...wider] = signInSubjects(email, input.ip);
      await clearThrottle(trx, pair!);
      for (const s of wider) await undoTry(trx, s, throttleRules[s.scope]);
    }
    // The owner hears of it when this failure makes the account wait (from one address or from
    // all): the mail holds a link that lifts the delays. At most one mail per link lifetime.
    if (outcome.kind === 'failed' && reserved.ok && person && !person.disabled_at) {
      const startsDelay =
        reserved.counts.paar! >= throttleRules.paar.free ||
        reserved.counts.account! >= throttleRules.account.free;
      const since = new Date(input.now.getTime() - unlockValidityMs);
      if (startsDelay && !(await unlockSentSince(trx, person.id, since))) {
        const { token, hash } = newToken();
        await insertUnlock(trx, {
          tokenHash: hash,
          personId: person.id,
          createdAt: input.now,
          expiresAt: new Date(input.now.getTime() + unlockValidityMs),
        });
        outcome.unlock = { token, personId: person.id, email: person.email, name: person.name };
      }
    }
    // Refused (throttled) tries are not attempts: they checked no password.
    if (outcome.kind !== 'throttled')
      await recordLoginAttempt(trx, {
        email,
        ip: input.ip,
        success: outcome.kind === 'ok',
        at: input.now,
      });
    await andThen?.(trx, outcome);
  });
  return outcome;
}

export type UnlockResult = { ok: true; personId: number; cleared: number } | { ok: false };

/** Uses a mailed unlock link once: every sign-in delay of its account ends. */
export async function unlockSignIn(trx: Db, token: string, now: Date): Promise<UnlockResult> {
  if (!looksLikeToken(token)) return { ok: false };
  const used = await useUnlock(trx, hashToken(token), now);
  if (!used) return { ok: false };
  const person = await findPerson(trx, used.personId);
  if (!person) return { ok: false };
  const cleared = await clearThrottleForEmail(trx, person.email.trim().toLowerCase());
  return { ok: true, personId: person.id, cleared };
}

export type SecondFactorOutcome = 'ok' | 'wrong' | 'throttled';

/** Checks a TOTP code or a recovery code for a person; counted like passwords (scope 'code'). */
export async function checkSecondFactor(
  db: Db,
  box: TotpSecretBox,
  input: { personId: number; code: string; ip: string | null; now: Date },
): Promise<SecondFactorOutcome> {
  const person = await findPerson(db, input.personId);
  if (!person || !person.totp_secret) return 'wrong';
  const email = person.email.trim().toLowerCase();
  const subject = { scope: 'code' as const, subject: String(person.id), email };
  if ((await reserveTry(db, subject, throttleRules.code, input.now)) === null) return 'throttled';
  let ok = false;
  const code = input.code.trim();
  if (/^\d[\d\s]{5,7}$/.test(code)) {
    const secret = box.open(person.id, person.totp_secret);
    const step = matchTotp(secret, code, input.now, person.totp_last_step);
    ok = step !== null && (await claimTotpStep(db, person.id, step));
    // A key stored before encryption (or by an older release) is sealed at its first use.
    if (ok && !box.isSealed(person.totp_secret))
      await sealTotpSecret(db, person.id, person.totp_secret, box.seal(person.id, secret));
  } else if (code.length >= 12) {
    ok = await useRecoveryCode(db, person.id, hashRecoveryCode(code), input.now);
  }
  if (ok) await clearThrottle(db, subject);
  await recordLoginAttempt(db, { email, ip: input.ip, success: ok, at: input.now });
  return ok ? 'ok' : 'wrong';
}

/** The mail to an account's owner whose sign-in is now delayed, with the link that lifts it. */
export function unlockMail(baseUrl: string, unlock: UnlockLink) {
  const link = `${baseUrl}/inloggen/vrijgeven?token=${unlock.token}`;
  return composeMail(unlock.email, 'Inloggen bij NP Onderwijs is tijdelijk vertraagd', [
    `Beste ${unlock.name},`,
    'Er is een paar keer een verkeerd wachtwoord gebruikt om in te loggen op uw account. Daarom moet er nu even gewacht worden voor een nieuwe poging.',
    'Was u dat zelf? Dan kunt u via deze link direct weer inloggen:',
    link,
    'De link werkt één uur en één keer. Was u het niet? Dan hoeft u niets te doen: zonder uw wachtwoord komt niemand binnen. Kies voor de zekerheid wel een nieuw, sterk wachtwoord.',
  ]);
}
