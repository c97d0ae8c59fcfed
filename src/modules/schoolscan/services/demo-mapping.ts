// Demo data for the column mapping: the demo BO school has the mapping of the generator's example
// layout B saved, so a file made with `generate-lvs --indeling b` is recognised at upload; layout
// A is left for the school leader to map on the page.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { insertMapping } from '../repository/mapping.ts';
import { layoutMappings } from './generator.ts';
import { headerSignature } from './parse/lvs-mapping.ts';

export async function addDemoMapping(db: Kysely<DB>, schoolId: number): Promise<void> {
  const m = layoutMappings.b;
  await insertMapping(db, schoolId, headerSignature(m.headers), m, null);
}
