// Database access for accounts (Kysely only; the rules live in service.ts), one file per
// aggregate under repository/. Import this file as `repo` to reach all of them.
export * from './repository/people.ts';
export * from './repository/memberships.ts';
export * from './repository/organisations.ts';
export * from './repository/sign-in-attempts-and-sessions.ts';
export * from './repository/invitations.ts';
export * from './repository/password-resets.ts';
export * from './repository/second-factor.ts';
export * from './repository/leftovers.ts';
export * from './repository/audit-search.ts';
export * from './repository/login-throttle.ts';
