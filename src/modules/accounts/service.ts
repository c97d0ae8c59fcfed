// The rules of accounts: signing in (with throttling and the second factor), invitations
// (who may invite whom), leaving and removing memberships (a school keeps a school leader),
// password reset. No HTTP here; each function gets the database and the clock.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { OrganisationKind, Role } from '../../platform/db/tables.ts';
import {
  effectiveMemberships,
  mfaRoles,
  platformRoles,
  type Principal,
} from '../../platform/auth/principal.ts';
import { hashToken } from '../../platform/auth/session.ts';
import * as repo from './repository.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { hashRecoveryCode, matchTotp } from './totp.ts';
import type { TotpSecretBox } from './totp-secret-box.ts';
import { nameProblem } from './names.ts';
import { signInSubjects, throttleRules, unlockValidityMs, type ThrottleScope } from './throttle.ts';

type Db = Kysely<DB>;

export const invitationValidityMs = 7 * 24 * 60 * 60 * 1000;
export const resetValidityMs = 60 * 60 * 1000;

export const roleLabels: Record<Role, string> = {
  schoolleider: 'Schoolleider',
  teamlid: 'Teamlid',
  'mr-lid': 'MR-lid',
  bestuur: 'Bestuur',
  'gmr-lid': 'GMR-lid',
  helpdesk: 'Helpdesk',
  redactie: 'Redactie',
  analist: 'Analist',
  beheerder: 'Beheerder',
};

/** What is wrong with a new password and its repetition, by form field; null when both are fine. */
function newPasswordErrors(
  password: string,
  passwordAgain: string | undefined,
  person: { email?: string; name?: string },
): Record<string, string> | null {
  const problem = passwordProblem(password, person);
  if (problem) return { wachtwoord: problem };
  if (password !== passwordAgain)
    return { herhaling: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.' };
  return null;
}

export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

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
        const n = await repo.reserveTry(trx, s, throttleRules[s.scope], now);
        if (n === null) throw new Refused(s.scope);
        out[s.scope] = n;
      }
      return out;
    });
    return { ok: true, counts };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const s = subjects.find((x) => x.scope === e.scope)!;
    return { ok: false, scope: e.scope, waitSeconds: await repo.secondsToWait(db, s, now) };
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
    email ? repo.findPersonForSignIn(db, email, mfaRoles) : undefined,
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
      await repo.clearThrottle(trx, pair!);
      for (const s of wider) await repo.undoTry(trx, s, throttleRules[s.scope]);
    }
    // The owner hears of it when this failure makes the account wait (from one address or from
    // all): the mail holds a link that lifts the delays. At most one mail per link lifetime.
    if (outcome.kind === 'failed' && reserved.ok && person && !person.disabled_at) {
      const startsDelay =
        reserved.counts.paar! >= throttleRules.paar.free ||
        reserved.counts.account! >= throttleRules.account.free;
      const since = new Date(input.now.getTime() - unlockValidityMs);
      if (startsDelay && !(await repo.unlockSentSince(trx, person.id, since))) {
        const { token, hash } = newToken();
        await repo.insertUnlock(trx, {
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
      await repo.recordLoginAttempt(trx, {
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
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return { ok: false };
  const used = await repo.useUnlock(trx, hashToken(token), now);
  if (!used) return { ok: false };
  const person = await repo.findPerson(trx, used.personId);
  if (!person) return { ok: false };
  const cleared = await repo.clearThrottleForEmail(trx, person.email.trim().toLowerCase());
  return { ok: true, personId: person.id, cleared };
}

export type SecondFactorOutcome = 'ok' | 'wrong' | 'throttled';

/** Checks a TOTP code or a recovery code for a person; counted like passwords (scope 'code'). */
export async function checkSecondFactor(
  db: Db,
  box: TotpSecretBox,
  input: { personId: number; code: string; ip: string | null; now: Date },
): Promise<SecondFactorOutcome> {
  const person = await repo.findPerson(db, input.personId);
  if (!person || !person.totp_secret) return 'wrong';
  const email = person.email.trim().toLowerCase();
  const subject = { scope: 'code' as const, subject: String(person.id), email };
  if ((await repo.reserveTry(db, subject, throttleRules.code, input.now)) === null) return 'throttled';
  let ok = false;
  const code = input.code.trim();
  if (/^\d[\d\s]{5,7}$/.test(code)) {
    const secret = box.open(person.id, person.totp_secret);
    const step = matchTotp(secret, code, input.now, person.totp_last_step);
    ok = step !== null && (await repo.claimTotpStep(db, person.id, step));
    // A key stored before encryption (or by an older release) is sealed at its first use.
    if (ok && !box.isSealed(person.totp_secret))
      await repo.sealTotpSecret(db, person.id, person.totp_secret, box.seal(person.id, secret));
  } else if (code.length >= 12) {
    ok = await repo.useRecoveryCode(db, person.id, hashRecoveryCode(code), input.now);
  }
  if (ok) await repo.clearThrottle(db, subject);
  await repo.recordLoginAttempt(db, { email, ip: input.ip, success: ok, at: input.now });
  return ok ? 'ok' : 'wrong';
}

// ---------------------------------------------------------------------------------------
// Invitations

export interface OrgRef {
  id: number;
  kind: OrganisationKind;
  parent_id: number | null;
}

/**
 * Who may invite whom (and remove whom): a beheerder invites ministry staff and board users;
 * a board user invites school leaders of its schools and GMR members of its board; a school
 * leader invites team members and MR members of its school.
 */
export function mayManage(principal: Principal, role: Role, org: OrgRef): boolean {
  const ms = effectiveMemberships(principal);
  const isBeheerder = ms.some((m) => m.role === 'beheerder' && m.organisationKind === 'ministerie');
  if (isBeheerder && platformRoles.includes(role) && org.kind === 'ministerie') return true;
  if (isBeheerder && role === 'bestuur' && org.kind === 'bestuur') return true;
  if (role === 'schoolleider' && org.kind === 'school') {
    return ms.some((m) => m.role === 'bestuur' && m.organisationId === org.parent_id);
  }
  if (role === 'gmr-lid' && org.kind === 'bestuur') {
    return ms.some((m) => m.role === 'bestuur' && m.organisationId === org.id);
  }
  if ((role === 'teamlid' || role === 'mr-lid') && org.kind === 'school') {
    return ms.some((m) => m.role === 'schoolleider' && m.organisationId === org.id);
  }
  return false;
}

export type InviteResult =
  | { ok: true; token: string; invitationId: number }
  | { ok: false; field: 'email' | 'role' | 'organisation' | 'limit'; message: string };

/**
 * Invitation mails per inviter and per organisation: enough for a school leader bringing a whole
 * team on board in an afternoon, too few to use the platform's name as a mail relay.
 */
export const invitationLimits = { perInviterHour: 20, perInviterDay: 50, perOrganisationDay: 100 };

/**
 * Why one more invitation mail is refused, or null. The organisation row is locked first, so
 * parallel invitations to it are counted one after the other.
 */
async function invitationLimitProblem(trx: Db, personId: number, organisationId: number, now: Date) {
  await repo.lockOrganisation(trx, organisationId);
  const hour = await repo.countInvitationMails(
    trx,
    personId,
    organisationId,
    new Date(now.getTime() - 3600_000),
  );
  const day = await repo.countInvitationMails(
    trx,
    personId,
    organisationId,
    new Date(now.getTime() - 86_400_000),
  );
  if (hour.byPerson >= invitationLimits.perInviterHour)
    return `U heeft het afgelopen uur al ${invitationLimits.perInviterHour} uitnodigingen verstuurd. Wacht een uur en probeer het dan opnieuw.`;
  if (day.byPerson >= invitationLimits.perInviterDay)
    return `U heeft vandaag al ${invitationLimits.perInviterDay} uitnodigingen verstuurd. Probeer het morgen opnieuw, of vraag de helpdesk om hulp.`;
  if (day.toOrganisation >= invitationLimits.perOrganisationDay)
    return `Voor deze organisatie zijn vandaag al ${invitationLimits.perOrganisationDay} uitnodigingen verstuurd. Probeer het morgen opnieuw, of vraag de helpdesk om hulp.`;
  return null;
}

export async function invite(
  trx: Db,
  principal: Principal,
  input: { email: string; name: string; role: Role; organisationId: number; now: Date },
): Promise<InviteResult> {
  const org = await repo.findOrganisation(trx, input.organisationId);
  if (!org)
    return {
      ok: false,
      field: 'organisation',
      message: 'Deze organisatie bestaat niet. Kies een organisatie uit de lijst.',
    };
  if (!mayManage(principal, input.role, org)) {
    return {
      ok: false,
      field: 'role',
      message: 'U kunt voor deze organisatie niemand met deze rol uitnodigen. Kies een andere rol.',
    };
  }
  const existing = await repo.findPersonByEmail(trx, input.email);
  if (existing && (await repo.hasMembership(trx, existing.id, org.id, input.role))) {
    return { ok: false, field: 'email', message: 'Iemand met dit e-mailadres heeft deze rol hier al.' };
  }
  if (await repo.hasOpenInvitation(trx, input.email, org.id, input.role, input.now)) {
    return {
      ok: false,
      field: 'email',
      message: 'Er staat al een uitnodiging open voor dit e-mailadres en deze rol.',
    };
  }
  const limit = await invitationLimitProblem(trx, principal.personId, org.id, input.now);
  if (limit) return { ok: false, field: 'limit', message: limit };
  const { token, hash } = newToken();
  const row = await repo.insertInvitation(trx, {
    tokenHash: hash,
    email: input.email,
    name: input.name,
    organisationId: org.id,
    role: input.role,
    invitedBy: principal.personId,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + invitationValidityMs),
  });
  await repo.recordInvitationMail(trx, {
    invitationId: row.id,
    sentBy: principal.personId,
    organisationId: org.id,
    at: input.now,
  });
  return { ok: true, token, invitationId: row.id };
}

export type InvitationActionResult =
  | { ok: true; invitation: repo.InvitationRow; token?: string }
  | { ok: false; reason: 'not-found' | 'closed' | 'limit'; message: string };

/**
 * Finds an open invitation the principal may manage on this page (scope: the organisations of
 * the route); another tenant's invitation is 'not-found'.
 */
async function manageableInvitation(
  trx: Db,
  principal: Principal,
  invitationId: number,
  scope: { orgIds: number[] },
  now: Date,
): Promise<InvitationActionResult> {
  const inv = await repo.findInvitation(trx, invitationId);
  const org =
    inv && scope.orgIds.includes(inv.organisationId)
      ? await repo.findOrganisation(trx, inv.organisationId)
      : undefined;
  if (!inv || !org || !mayManage(principal, inv.role, org))
    return { ok: false, reason: 'not-found', message: 'Deze uitnodiging bestaat niet (meer).' };
  if (inv.acceptedAt || inv.revokedAt || new Date(inv.expiresAt) <= now)
    return {
      ok: false,
      reason: 'closed',
      message:
        'Deze uitnodiging staat niet meer open: ze is al aangenomen, ingetrokken of verlopen. Nodig zo nodig opnieuw uit.',
    };
  return { ok: true, invitation: inv };
}

/** Withdraws an open invitation: its link stops working. */
export async function withdrawInvitation(
  trx: Db,
  principal: Principal,
  invitationId: number,
  scope: { orgIds: number[] },
  now: Date,
): Promise<InvitationActionResult> {
  const found = await manageableInvitation(trx, principal, invitationId, scope, now);
  if (!found.ok) return found;
  if (!(await repo.revokeInvitation(trx, invitationId, now)))
    return { ok: false, reason: 'closed', message: 'Deze uitnodiging staat niet meer open.' };
  return found;
}

/** Sends an open invitation again with a new link (the old one stops working), valid 7 days. */
export async function resendInvitation(
  trx: Db,
  principal: Principal,
  invitationId: number,
  scope: { orgIds: number[] },
  now: Date,
): Promise<InvitationActionResult> {
  const found = await manageableInvitation(trx, principal, invitationId, scope, now);
  if (!found.ok) return found;
  const limit = await invitationLimitProblem(trx, principal.personId, found.invitation.organisationId, now);
  if (limit) return { ok: false, reason: 'limit', message: limit };
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + invitationValidityMs);
  if (!(await repo.renewInvitation(trx, invitationId, hash, expiresAt, now)))
    return { ok: false, reason: 'closed', message: 'Deze uitnodiging staat niet meer open.' };
  await repo.recordInvitationMail(trx, {
    invitationId,
    sentBy: principal.personId,
    organisationId: found.invitation.organisationId,
    at: now,
  });
  return { ok: true, invitation: { ...found.invitation, expiresAt }, token };
}

export type InvitationState =
  | { state: 'open'; invitation: repo.InvitationRow; existingPersonId: number | null }
  | { state: 'expired' | 'used' | 'unknown' };

export async function lookUpInvitation(db: Db, token: string, now: Date): Promise<InvitationState> {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return { state: 'unknown' };
  const inv = await repo.findInvitationByTokenHash(db, hashToken(token));
  if (!inv) return { state: 'unknown' };
  if (inv.acceptedAt || inv.revokedAt) return { state: 'used' };
  if (new Date(inv.expiresAt) <= now) return { state: 'expired' };
  const person = await repo.findPersonByEmail(db, inv.email);
  return { state: 'open', invitation: inv, existingPersonId: person?.id ?? null };
}

export type AcceptResult =
  | { ok: true; personId: number; invitation: repo.InvitationRow; created: boolean }
  | { ok: false; state?: 'expired' | 'used' | 'unknown'; errors?: Record<string, string> };

/**
 * Accepts an invitation. A new person chooses a name and a password; a person who already
 * has an account must be signed in as that account (signedInPersonId).
 */
export async function acceptInvitation(
  trx: Db,
  input: {
    token: string;
    name?: string;
    password?: string;
    passwordAgain?: string;
    signedInPersonId: number | null;
    now: Date;
  },
): Promise<AcceptResult> {
  const found = await lookUpInvitation(trx, input.token, input.now);
  if (found.state !== 'open') return { ok: false, state: found.state };
  const inv = found.invitation;
  let personId: number;
  let created = false;
  if (found.existingPersonId !== null) {
    if (input.signedInPersonId !== found.existingPersonId) {
      return {
        ok: false,
        errors: { email: 'Log eerst in met het e-mailadres waarvoor deze uitnodiging is.' },
      };
    }
    personId = found.existingPersonId;
  } else {
    const errors: Record<string, string> = {};
    const name = (input.name ?? '').trim();
    const badName = nameProblem(name);
    if (badName) errors.naam = badName;
    Object.assign(
      errors,
      newPasswordErrors(input.password ?? '', input.passwordAgain, { email: inv.email, name }),
    );
    if (Object.keys(errors).length) return { ok: false, errors };
    personId = (
      await repo.insertPerson(trx, {
        email: inv.email,
        name,
        passwordHash: await hashPassword(input.password!),
        now: input.now,
      })
    ).id;
    created = true;
  }
  if (!(await repo.markInvitationAccepted(trx, inv.id, input.now))) return { ok: false, state: 'used' };
  await repo.insertMembership(trx, personId, inv.organisationId, inv.role);
  return { ok: true, personId, invitation: inv, created };
}

// ---------------------------------------------------------------------------------------
// Leaving and removing

export const lastLeaderMessage =
  'Dit is de laatste schoolleider van deze school. Een school heeft altijd minstens één schoolleider: laat het bestuur eerst een andere schoolleider uitnodigen en verwijder deze daarna.';

export const lastBeheerderMessage =
  'Dit is de laatste beheerder van het platform. Nodig eerst een andere beheerder uit; anders kan niemand meer gebruikers en organisaties beheren.';

export type RemoveResult =
  | { ok: true; membership: repo.MembershipRow; withdrawnInvitations: number[] }
  | { ok: false; reason: 'not-found' | 'not-allowed' | 'last-leader'; message: string };

/**
 * Removes a membership. `scope` limits which organisations the page may touch (the school or
 * the board of the route; null for the beheerder), so another tenant's membership is
 * 'not-found'. A person may always leave their own membership, except the last school leader.
 */
export async function removeMembership(
  trx: Db,
  principal: Principal,
  membershipId: number,
  scope: { orgIds: number[] } | null,
  now: Date,
): Promise<RemoveResult> {
  const m = await repo.findMembership(trx, membershipId);
  if (!m || (scope && !scope.orgIds.includes(m.organisationId))) {
    return { ok: false, reason: 'not-found', message: 'Dit lidmaatschap bestaat niet (meer).' };
  }
  const own = m.personId === principal.personId;
  const org = { id: m.organisationId, kind: m.organisationKind, parent_id: m.parentId };
  const isBeheerder = scope === null && effectiveMemberships(principal).some((x) => x.role === 'beheerder');
  if (!own && !isBeheerder && !mayManage(principal, m.role, org)) {
    return { ok: false, reason: 'not-allowed', message: 'U mag dit lidmaatschap niet beëindigen.' };
  }
  if (m.role === 'schoolleider') {
    await repo.lockOrganisation(trx, m.organisationId);
    if ((await repo.countRole(trx, m.organisationId, 'schoolleider')) <= 1) {
      return { ok: false, reason: 'last-leader', message: lastLeaderMessage };
    }
  }
  if (m.role === 'beheerder') {
    await repo.lockOrganisation(trx, m.organisationId);
    if ((await repo.countRole(trx, m.organisationId, 'beheerder')) <= 1) {
      return { ok: false, reason: 'last-leader', message: lastBeheerderMessage };
    }
  }
  await repo.deleteMembership(trx, m.id);
  // The invitations this membership allowed its holder to send are withdrawn with it.
  const orgIds: number[] | 'all' =
    m.role === 'beheerder'
      ? 'all'
      : m.role === 'bestuur'
        ? [m.organisationId, ...(await repo.schoolsOfBoard(trx, m.organisationId)).map((x) => x.id)]
        : m.role === 'schoolleider'
          ? [m.organisationId]
          : [];
  const withdrawn = await repo.revokeInvitationsBy(trx, m.personId, orgIds, now);
  return { ok: true, membership: m, withdrawnInvitations: withdrawn };
}

// ---------------------------------------------------------------------------------------
// Password reset

/** Creates a reset link for an active account; null for unknown or blocked addresses. */
export async function requestPasswordReset(
  trx: Db,
  email: string,
  now: Date,
): Promise<{ token: string; personId: number; email: string; name: string } | null> {
  // The token is made for unknown addresses too: the same work either way (see even-timing.ts).
  const { token, hash } = newToken();
  const person = await repo.findPersonByEmail(trx, email);
  if (!person || person.disabled_at) return null;
  await repo.insertPasswordReset(trx, {
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
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return { state: 'unknown' };
  const r = await repo.findPasswordReset(db, hashToken(token));
  if (!r) return { state: 'unknown' };
  if (r.used_at) return { state: 'used' };
  if (new Date(r.expires_at) <= now) return { state: 'expired' };
  return { state: 'open', id: r.id, personId: r.person_id };
}

export type ResetResult =
  | { ok: true; personId: number }
  | { ok: false; state?: 'expired' | 'used' | 'unknown'; errors?: Record<string, string> };

export async function resetPassword(
  trx: Db,
  input: { token: string; password: string; passwordAgain: string; now: Date },
): Promise<ResetResult> {
  const found = await lookUpReset(trx, input.token, input.now);
  if (found.state !== 'open') return { ok: false, state: found.state };
  const person = await repo.findPerson(trx, found.personId);
  if (!person) return { ok: false, state: 'unknown' };
  const errors = newPasswordErrors(input.password, input.passwordAgain, person);
  if (errors) return { ok: false, errors };
  if (!(await repo.markPasswordResetUsed(trx, found.id, input.now))) return { ok: false, state: 'used' };
  await repo.setPassword(trx, person.id, await hashPassword(input.password), input.now);
  await repo.expirePasswordResets(trx, person.id, input.now);
  return { ok: true, personId: person.id };
}

export type ChangePasswordResult = { ok: true } | { ok: false; errors: Record<string, string> };

export async function changePassword(
  trx: Db,
  input: { personId: number; current: string; password: string; passwordAgain: string; now: Date },
): Promise<ChangePasswordResult> {
  const person = await repo.findPerson(trx, input.personId);
  if (!person) return { ok: false, errors: { huidig: 'Uw account is niet gevonden.' } };
  if (!(await verifyPassword(person.password_hash, input.current))) {
    return { ok: false, errors: { huidig: 'Uw huidige wachtwoord klopt niet. Typ het opnieuw.' } };
  }
  const errors = newPasswordErrors(input.password, input.passwordAgain, person);
  if (errors) return { ok: false, errors };
  await repo.setPassword(trx, person.id, await hashPassword(input.password), input.now);
  await repo.expirePasswordResets(trx, person.id, input.now);
  return { ok: true };
}
