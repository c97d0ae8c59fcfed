// Invitations: sending one (who may invite whom, limits per inviter and organisation),
// withdrawing and resending it, and accepting it. No HTTP here; each function gets the
// database and the clock.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { hashToken } from '../../../platform/auth/session.ts';
import { hashPassword, newPasswordErrors } from './passwords.ts';
import { nameProblem } from './names.ts';
import { looksLikeToken, newToken } from './tokens.ts';
import { mayManage } from './memberships.ts';

import {
  type InvitationRow,
  countInvitationMails,
  findInvitation,
  findInvitationByTokenHash,
  hasOpenInvitation,
  insertInvitation,
  markInvitationAccepted,
  recordInvitationMail,
  renewInvitation,
  revokeInvitation,
} from '../repository/invitations.ts';
import { hasMembership, insertMembership, lockOrganisation } from '../repository/memberships.ts';
import { findOrganisation } from '../repository/organisations.ts';
import { findPersonByEmail, insertPerson } from '../repository/people.ts';

type Db = Kysely<DB>;

export const invitationValidityMs = 7 * 24 * 60 * 60 * 1000;

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
  await lockOrganisation(trx, organisationId);
  const hour = await countInvitationMails(trx, personId, organisationId, new Date(now.getTime() - 3600_000));
  const day = await countInvitationMails(trx, personId, organisationId, new Date(now.getTime() - 86_400_000));
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
  const org = await findOrganisation(trx, input.organisationId);
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
  const existing = await findPersonByEmail(trx, input.email);
  if (existing && (await hasMembership(trx, existing.id, org.id, input.role))) {
    return { ok: false, field: 'email', message: 'Iemand met dit e-mailadres heeft deze rol hier al.' };
  }
  if (await hasOpenInvitation(trx, input.email, org.id, input.role, input.now)) {
    return {
      ok: false,
      field: 'email',
      message: 'Er staat al een uitnodiging open voor dit e-mailadres en deze rol.',
    };
  }
  const limit = await invitationLimitProblem(trx, principal.personId, org.id, input.now);
  if (limit) return { ok: false, field: 'limit', message: limit };
  const { token, hash } = newToken();
  const row = await insertInvitation(trx, {
    tokenHash: hash,
    email: input.email,
    name: input.name,
    organisationId: org.id,
    role: input.role,
    invitedBy: principal.personId,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + invitationValidityMs),
  });
  await recordInvitationMail(trx, {
    invitationId: row.id,
    sentBy: principal.personId,
    organisationId: org.id,
    at: input.now,
  });
  return { ok: true, token, invitationId: row.id };
}

export type InvitationActionResult =
  | { ok: true; invitation: InvitationRow; token?: string }
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
  const inv = await findInvitation(trx, invitationId);
  const org =
    inv && scope.orgIds.includes(inv.organisationId)
      ? await findOrganisation(trx, inv.organisationId)
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
  if (!(await revokeInvitation(trx, invitationId, now)))
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
  if (!(await renewInvitation(trx, invitationId, hash, expiresAt, now)))
    return { ok: false, reason: 'closed', message: 'Deze uitnodiging staat niet meer open.' };
  await recordInvitationMail(trx, {
    invitationId,
    sentBy: principal.personId,
    organisationId: found.invitation.organisationId,
    at: now,
  });
  return { ok: true, invitation: { ...found.invitation, expiresAt }, token };
}

export type InvitationState =
  | { state: 'open'; invitation: InvitationRow; existingPersonId: number | null }
  | { state: 'expired' | 'used' | 'unknown' };

export async function lookUpInvitation(db: Db, token: string, now: Date): Promise<InvitationState> {
  if (!looksLikeToken(token)) return { state: 'unknown' };
  const inv = await findInvitationByTokenHash(db, hashToken(token));
  if (!inv) return { state: 'unknown' };
  if (inv.acceptedAt || inv.revokedAt) return { state: 'used' };
  if (new Date(inv.expiresAt) <= now) return { state: 'expired' };
  const person = await findPersonByEmail(db, inv.email);
  return { state: 'open', invitation: inv, existingPersonId: person?.id ?? null };
}

export type AcceptResult =
  | { ok: true; personId: number; invitation: InvitationRow; created: boolean }
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
      await insertPerson(trx, {
        email: inv.email,
        name,
        passwordHash: await hashPassword(input.password!),
        now: input.now,
      })
    ).id;
    created = true;
  }
  if (!(await markInvitationAccepted(trx, inv.id, input.now))) return { ok: false, state: 'used' };
  await insertMembership(trx, personId, inv.organisationId, inv.role);
  return { ok: true, personId, invitation: inv, created };
}
