// Who may manage whom, and leaving or removing a membership (a school keeps a school leader,
// the platform a beheerder). No HTTP here; each function gets the database and the clock.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrganisationKind, Role } from '../../../platform/db/tables.ts';
import { effectiveMemberships, platformRoles, type Principal } from '../../../platform/auth/principal.ts';

import { revokeInvitationsBy } from '../repository/invitations.ts';
import {
  type MembershipRow,
  countRole,
  deleteMembership,
  findMembership,
  lockOrganisation,
} from '../repository/memberships.ts';
import { schoolsOfBoard } from '../repository/organisations.ts';

type Db = Kysely<DB>;

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

export const lastLeaderMessage =
  'Dit is de laatste schoolleider van deze school. Een school heeft altijd minstens één schoolleider: laat het bestuur eerst een andere schoolleider uitnodigen en verwijder deze daarna.';

export const lastBeheerderMessage =
  'Dit is de laatste beheerder van het platform. Nodig eerst een andere beheerder uit; anders kan niemand meer gebruikers en organisaties beheren.';

export type RemoveResult =
  | { ok: true; membership: MembershipRow; withdrawnInvitations: number[] }
  | {
      ok: false;
      reason: 'not-found' | 'not-allowed' | 'last-leader';
      message: string;
      /** The membership's organisation, when it was found. */
      organisationId?: number;
    };

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
  const m = await findMembership(trx, membershipId);
  if (!m || (scope && !scope.orgIds.includes(m.organisationId))) {
    return { ok: false, reason: 'not-found', message: 'Dit lidmaatschap bestaat niet (meer).' };
  }
  const own = m.personId === principal.personId;
  const org = { id: m.organisationId, kind: m.organisationKind, parent_id: m.parentId };
  const isBeheerder = scope === null && effectiveMemberships(principal).some((x) => x.role === 'beheerder');
  if (!own && !isBeheerder && !mayManage(principal, m.role, org)) {
    return {
      ok: false,
      reason: 'not-allowed',
      message: 'U mag dit lidmaatschap niet beëindigen.',
      organisationId: m.organisationId,
    };
  }
  if (m.role === 'schoolleider') {
    await lockOrganisation(trx, m.organisationId);
    if ((await countRole(trx, m.organisationId, 'schoolleider')) <= 1) {
      return {
        ok: false,
        reason: 'last-leader',
        message: lastLeaderMessage,
        organisationId: m.organisationId,
      };
    }
  }
  if (m.role === 'beheerder') {
    await lockOrganisation(trx, m.organisationId);
    if ((await countRole(trx, m.organisationId, 'beheerder')) <= 1) {
      return {
        ok: false,
        reason: 'last-leader',
        message: lastBeheerderMessage,
        organisationId: m.organisationId,
      };
    }
  }
  await deleteMembership(trx, m.id);
  // The invitations this membership allowed its holder to send are withdrawn with it.
  const orgIds: number[] | 'all' =
    m.role === 'beheerder'
      ? 'all'
      : m.role === 'bestuur'
        ? [m.organisationId, ...(await schoolsOfBoard(trx, m.organisationId)).map((x) => x.id)]
        : m.role === 'schoolleider'
          ? [m.organisationId]
          : [];
  const withdrawn = await revokeInvitationsBy(trx, m.personId, orgIds, now);
  return { ok: true, membership: m, withdrawnInvitations: withdrawn };
}

/**
 * A person leaves one of their own memberships. The membership is a form value, so an unknown
 * one and someone else's are the same: 'not-found', said on the account page.
 */
export async function leaveMembership(
  trx: Db,
  principal: Principal,
  membershipId: number,
  now: Date,
): Promise<RemoveResult> {
  const m = Number.isSafeInteger(membershipId) ? await findMembership(trx, membershipId) : undefined;
  if (!m || m.personId !== principal.personId)
    return {
      ok: false,
      reason: 'not-found',
      message: 'Deze rol bestaat niet (meer). Kies een rol uit de lijst.',
    };
  return removeMembership(trx, principal, membershipId, null, now);
}
