// The database type the funding repository functions take.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export type Db = Kysely<DB>;
