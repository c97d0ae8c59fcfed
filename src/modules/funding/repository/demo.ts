// The demo schools' made-up pupil counts.
import { sql } from 'kysely';
import type { Db } from './db.ts';

/** Inserts counts [school, teldatum, category, pupils] that are not there yet; returns how many were new. */
export async function insertDemoCounts(db: Db, counts: [number, string, string, number][]): Promise<number> {
  const inserted = await sql`insert into pupil_count (organisation_id, teldatum, category, pupils)
    select * from unnest(${counts.map((c) => c[0])}::int[], ${counts.map((c) => c[1])}::date[], ${counts.map((c) => c[2])}::text[], ${counts.map((c) => c[3])}::int[])
    on conflict do nothing`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}
