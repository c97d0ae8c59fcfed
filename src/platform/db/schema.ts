// The whole database as one Kysely type. The platform declares its own tables here; each
// module adds its tables (and the columns it adds to platform tables) from its own tables.ts
// by declaration merging, so the platform never imports a module:
//
//   declare module '../../platform/db/schema.ts' {
//     interface DB extends FundingTables {}
//   }
import type { FoundationTables } from './tables.ts';
import type { IdempotencyTables } from './idempotency-tables.ts';

export interface DB extends FoundationTables, IdempotencyTables {}
