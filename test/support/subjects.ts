// Who may use a route, worked out from the test fixtures' known relationships rather than
// from the policy code: the authorization matrix compares this expectation with what the app
// really does over HTTP.
import type { Access } from '../../src/platform/auth/access.ts';
import { platformRoles, schoolRoles } from '../../src/platform/auth/principal.ts';
import type { Role } from '../../src/platform/db/tables.ts';

export type Subject = Role | 'bezoeker';
export type Outcome = 'allow' | 'deny' | 'sign-in';

/** `own`: the route's school/board parameters name the subject's own tenant. */
export function expectedOutcome(a: Access, subject: Subject, own: boolean): Outcome {
  if (a.kind === 'public') return 'allow';
  if (subject === 'bezoeker') return 'sign-in';
  switch (a.kind) {
    case 'signedIn':
      return 'allow';
    case 'platform':
      return a.roles.includes(subject) && platformRoles.includes(subject) ? 'allow' : 'deny';
    case 'school':
      // Fixtures: school roles sit in the own school; 'bestuur' and 'gmr-lid' in its board.
      if (!own || !a.roles.includes(subject)) return 'deny';
      return schoolRoles.includes(subject) || subject === 'bestuur' ? 'allow' : 'deny';
    case 'board':
      return own && a.roles.includes(subject) && (subject === 'bestuur' || subject === 'gmr-lid')
        ? 'allow'
        : 'deny';
  }
}

/** A role that may open a page in the own tenant, to render it in the browser suite. */
export function someoneAllowed(a: Access): Subject {
  switch (a.kind) {
    case 'public':
      return 'bezoeker';
    case 'signedIn':
      return 'schoolleider';
    default:
      return a.roles[0]!;
  }
}
