// Who is making a request: a person with memberships, loaded from the session cookie.
import type { OrganisationKind, Role } from '../db/tables.ts';

export interface Membership {
  organisationId: number;
  organisationKind: OrganisationKind;
  organisationName: string;
  /** For a school: its board. */
  parentId: number | null;
  role: Role;
}

export interface Principal {
  personId: number;
  name: string;
  email: string;
  sessionId: string;
  /** Whether this session passed a second factor. */
  mfaVerified: boolean;
  memberships: Membership[];
}

export const allRoles: readonly Role[] = [
  'schoolleider',
  'teamlid',
  'mr-lid',
  'bestuur',
  'gmr-lid',
  'helpdesk',
  'redactie',
  'analist',
  'beheerder',
];

/** Roles that act for the whole platform (memberships of the ministry organisation). */
export const platformRoles: readonly Role[] = ['helpdesk', 'redactie', 'analist', 'beheerder'];
/** Roles that act for one school. */
export const schoolRoles: readonly Role[] = ['schoolleider', 'teamlid', 'mr-lid'];
/** Roles that act for one board. */
export const boardRoles: readonly Role[] = ['bestuur', 'gmr-lid'];

/**
 * Roles that need a second factor (BIO: MFA for internet-facing admin accounts). A membership
 * with such a role only counts in a session that passed 2FA.
 */
export const mfaRoles: readonly Role[] = ['bestuur', 'helpdesk', 'redactie', 'analist', 'beheerder'];

/** The memberships that count in this session. */
export function effectiveMemberships(p: Principal): Membership[] {
  return p.mfaVerified ? p.memberships : p.memberships.filter((m) => !mfaRoles.includes(m.role));
}
