// Every route declares who may use it; one policy decides. Handlers never compare roles.
//
//   access.public()                       anyone, signed in or not
//   access.signedIn()                     any signed-in person (own account, dashboard)
//   access.platform('beheerder', ...)     a platform role (membership of the ministry)
//   access.school(['schoolleider', 'bestuur'])
//                                         a role in the school named by the `:schoolId`
//                                         parameter; 'bestuur' means a bestuur member of
//                                         that school's board
//   access.board(['bestuur', 'gmr-lid'])  a role in the board named by `:boardId`
import type { OrganisationKind, Role } from '../db/tables.ts';
import { effectiveMemberships, type Principal } from './principal.ts';

export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'platform'; roles: Role[] }
  | { kind: 'school'; roles: Role[]; param: string }
  | { kind: 'board'; roles: Role[]; param: string };

export const access = {
  public: (): Access => ({ kind: 'public' }),
  signedIn: (): Access => ({ kind: 'signedIn' }),
  platform: (...roles: Role[]): Access => ({ kind: 'platform', roles }),
  school: (roles: Role[], opts: { param?: string } = {}): Access => ({
    kind: 'school',
    roles,
    param: opts.param ?? 'schoolId',
  }),
  board: (roles: Role[], opts: { param?: string } = {}): Access => ({
    kind: 'board',
    roles,
    param: opts.param ?? 'boardId',
  }),
};

/** The organisation a scoped route is about, as found in the database. */
export interface Target {
  id: number;
  kind: OrganisationKind;
  parentId: number | null;
}

export type Decision = 'allow' | 'deny' | 'sign-in';

/**
 * The policy. `target` is the organisation named by the route's parameter (undefined when the
 * route is not scoped; null when the parameter names no organisation of the right kind).
 */
export function decide(principal: Principal | null, a: Access, target?: Target | null): Decision {
  if (a.kind === 'public') return 'allow';
  if (!principal) return 'sign-in';
  if (a.kind === 'signedIn') return 'allow';
  const ms = effectiveMemberships(principal);
  switch (a.kind) {
    case 'platform':
      return ms.some((m) => m.organisationKind === 'ministerie' && a.roles.includes(m.role))
        ? 'allow'
        : 'deny';
    case 'school': {
      if (!target || target.kind !== 'school') return 'deny';
      const direct = ms.some((m) => m.organisationId === target.id && a.roles.includes(m.role));
      const board =
        a.roles.includes('bestuur') &&
        ms.some((m) => m.role === 'bestuur' && m.organisationId === target.parentId);
      return direct || board ? 'allow' : 'deny';
    }
    case 'board':
      if (!target || target.kind !== 'bestuur') return 'deny';
      return ms.some((m) => m.organisationId === target.id && a.roles.includes(m.role)) ? 'allow' : 'deny';
  }
}

/** The route parameter that names the organisation, if the access is scoped. */
export function scopeParam(a: Access): string | undefined {
  return a.kind === 'school' || a.kind === 'board' ? a.param : undefined;
}
