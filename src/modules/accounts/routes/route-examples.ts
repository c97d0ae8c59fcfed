// Example objects for the route declarations, used by the authorization matrix and browser suites.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import type { ExampleTenant } from '../../../platform/http/fastify-types.ts';
import { insertInvitation } from '../repository/invitations.ts';
import { insertPasswordReset } from '../repository/password-resets.ts';
import { insertMembership } from '../repository/memberships.ts';
import { insertPerson } from '../repository/people.ts';
import { invitationValidityMs } from '../services/invitations.ts';
import { resetValidityMs } from '../services/password-reset.ts';
import { newToken } from '../services/tokens.ts';

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

/** A valid reset link in the tenant, so the suites see the form itself. */
export async function exampleResetQuery({ schoolId, db }: ExampleTenant) {
  const { personId } = await exampleMembership(db, schoolId, 'teamlid');
  const { token, hash } = newToken();
  const now = new Date();
  await insertPasswordReset(db, {
    tokenHash: hash,
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + resetValidityMs),
  });
  return `?token=${token}`;
}

/** A valid invitation to the tenant's school. */
export async function exampleInvitationQuery({ schoolId, db }: ExampleTenant) {
  const { token, hash } = newToken();
  const now = new Date();
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
  return `?token=${token}`;
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
