// The whole database as one Kysely type: the foundation tables plus each module's tables.
// A module adds its `<Area>Tables` interface here when it adds a migration.
import type { FoundationTables } from './tables.ts';

export interface DB extends FoundationTables {}
