// Example objects for the route declarations, used by the authorization matrix and browser suites.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import type { ExampleTenant } from '../../../platform/http/fastify-types.ts';
import { insertInvitation } from '../repository/invitations.ts';
import { insertUnlock } from '../repository/login-throttle.ts';
import { insertPasswordReset } from '../repository/password-resets.ts';
import { insertMembership } from '../repository/memberships.ts';
import { insertPerson, setPassword, updatePerson } from '../repository/people.ts';
import { invitationValidityMs } from '../services/invitations.ts';
import { hashPassword } from '../services/passwords.ts';
import { resetValidityMs } from '../services/password-reset.ts';
import { unlockValidityMs } from '../services/throttle.ts';
import { newToken } from '../services/tokens.ts';
import { newTotpSecret, totpCode } from '../services/totp.ts';
import type { TotpSecretBox } from '../services/totp-secret-box.ts';

/** The password the examples give a person before a form asks for it (passes the rules). */
export const examplePassword = 'paarse fietsen rijden langzaam';
/** The new password the examples choose (passes the rules, differs from examplePassword). */
export const exampleNewPassword = 'groene treinen zingen zachtjes';

/** Creates a person with one membership, for the route examples of the matrix and browser suites. */
export async function exampleMembership(db: Kysely<DB>, organisationId: number, role: Role) {
  const person = await insertPerson(db, {
    email: `voorbeeld-${crypto.randomBytes(6).toString('hex')}@voorbeeld.nl`,
    name: 'Voorbeeld Persoon',
    passwordHash: null,
    now: new Date(),
  });
  const m = await insertMembership(db, person.id, organisationId, role);
  return { personId: person.id, membershipId: m!.id };
}

/** A person without memberships with examplePassword: for signing in and asking for a reset link. */
export async function examplePersonWithPassword(db: Kysely<DB>, now = new Date()) {
  const email = `voorbeeld-${crypto.randomBytes(6).toString('hex')}@voorbeeld.nl`;
  const person = await insertPerson(db, {
    email,
    name: 'Voorbeeld Persoon',
    passwordHash: await hashPassword(examplePassword),
    now,
  });
  return { personId: person.id, email };
}

/** Gives a person examplePassword (e.g. the signed-in person, before a form asks for it). */
export async function exampleKnownPassword(db: Kysely<DB>, personId: number, now = new Date()) {
  await setPassword(db, personId, await hashPassword(examplePassword), now);
  return examplePassword;
}

/** A valid reset token for a new person in the tenant's school. */
export async function exampleResetToken({ schoolId, db }: ExampleTenant, now = new Date()) {
  const { personId } = await exampleMembership(db, schoolId, 'teamlid');
  const { token, hash } = newToken();
  await insertPasswordReset(db, {
    tokenHash: hash,
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + resetValidityMs),
  });
  return token;
}

/** A valid reset link in the tenant, so the suites see the form itself. */
export async function exampleResetQuery(t: ExampleTenant) {
  return `?token=${await exampleResetToken(t)}`;
}

/** A valid unlock link (lifts sign-in delays) for a new person. */
export async function exampleUnlockToken(db: Kysely<DB>, now = new Date()) {
  const { personId } = await examplePersonWithPassword(db, now);
  const { token, hash } = newToken();
  await insertUnlock(db, {
    tokenHash: hash,
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + unlockValidityMs),
  });
  return token;
}

/**
 * A membership of the signed-in person that they may leave without losing the role the suites
 * send them as: a team or MR membership in the tenant's school that they do not have yet.
 */
export async function exampleSpareMembership(db: Kysely<DB>, personId: number, schoolId: number) {
  for (const role of ['teamlid', 'mr-lid'] as const) {
    const m = await insertMembership(db, personId, schoolId, role);
    if (m) return m.id;
  }
  throw new Error('voorbeeld: de persoon heeft al elke rol om te verlaten');
}

/** One of the person's own memberships (for a page that only shows it, e.g. a confirmation). */
export async function exampleOwnMembership(db: Kysely<DB>, personId: number) {
  const m = await db
    .selectFrom('membership')
    .select('id')
    .where('person_id', '=', personId)
    .orderBy('id')
    .executeTakeFirst();
  return m?.id ?? 0;
}

/** Switches the second factor on for a person with a new key; returns the key's current code. */
export async function exampleSecondFactorOn(db: Kysely<DB>, box: TotpSecretBox, personId: number, now: Date) {
  const secret = newTotpSecret();
  await updatePerson(db, personId, {
    totp_secret: box.seal(personId, secret),
    totp_pending_secret: null,
    totp_enabled_at: now,
    totp_last_step: null,
  });
  return totpCode(secret, now);
}

/** The second factor off with a key shown but not yet confirmed; returns the key's current code. */
export async function examplePendingSecondFactor(
  db: Kysely<DB>,
  box: TotpSecretBox,
  personId: number,
  now: Date,
) {
  const secret = newTotpSecret();
  await updatePerson(db, personId, {
    totp_secret: null,
    totp_pending_secret: box.seal(personId, secret),
    totp_enabled_at: null,
    totp_last_step: null,
  });
  return totpCode(secret, now);
}

/** A valid invitation token for a new address to the tenant's school. */
export async function exampleInvitationToken({ schoolId, db }: ExampleTenant, now = new Date()) {
  const { token, hash } = newToken();
  await insertInvitation(db, {
    tokenHash: hash,
    email: `uitgenodigd-${hash.slice(0, 12)}@voorbeeld.nl`,
    name: 'Uitgenodigd Persoon',
    organisationId: schoolId,
    role: 'teamlid',
    invitedBy: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + invitationValidityMs),
  });
  return token;
}

/** A valid invitation to the tenant's school. */
export async function exampleInvitationQuery(t: ExampleTenant) {
  return `?token=${await exampleInvitationToken(t)}`;
}

/** An open invitation to an organisation (for the withdraw and resend routes). */
export async function exampleInvitation(db: Kysely<DB>, organisationId: number, role: Role) {
  const { hash } = newToken();
  const now = new Date();
  return insertInvitation(db, {
    tokenHash: hash,
    email: `uitgenodigd-${hash.slice(0, 12)}@voorbeeld.nl`,
    name: 'Uitgenodigd Persoon',
    organisationId,
    role,
    invitedBy: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + invitationValidityMs),
  }).then((r) => r.id);
}
