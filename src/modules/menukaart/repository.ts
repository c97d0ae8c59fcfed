// Database access for the menukaart and the kennisplein (Kysely only; no rules here), gathered
// in one place so callers can `import * as repo from './repository.ts'`.
export * from './version-repository.ts';
export * from './entry-repository.ts';
export * from './kennisplein-repository.ts';
