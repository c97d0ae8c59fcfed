// What a module adds to the demo data (`npm start` without NODE_ENV=production, `cli seed-demo`).
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';

/** The organisations the demo creates first; every step builds on them. */
export interface DemoOrganisations {
  ministryId: number;
  boardId: number;
  schools: { bo: number; so: number; vo: number };
}

export interface DemoStep {
  name: string;
  /** Runs after the organisations exist; returns lines to print at start (e.g. accounts). */
  run(db: Kysely<DB>, orgs: DemoOrganisations): Promise<string[]>;
}
