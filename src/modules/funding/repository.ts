// Queries of the funding module (Kysely only), one file per aggregate in repository/. Lists are
// single queries with joins or ANY(array) look-ups: no query per row.
export * from './repository/years.ts';
export * from './repository/rates.ts';
export * from './repository/recompute-inputs.ts';
export * from './repository/schools.ts';
export * from './repository/allocations.ts';
export * from './repository/runs.ts';
export * from './repository/reservations.ts';
export * from './repository/reconcile.ts';
