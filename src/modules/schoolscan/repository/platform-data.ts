// What the platform already knows about a school from DUO and CBS (loaded by the funding and
// DUO-import modules into pupil_count and achterstandsscore): read-only, for the context step.
// The only place where the schoolscan reads another module's tables.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export interface SchoolFacts {
  pupils: { teldatum: string; pupils: number | null } | null;
  score: { peildatum: string; indicator: string; scoreHundredths: number } | null;
}

/** The newest total pupil count and CBS achterstandsscore on or before `onOrBefore`. */
export async function schoolFacts(
  db: Kysely<DB>,
  schoolId: number,
  onOrBefore: string,
): Promise<SchoolFacts> {
  const pupils = await sql<{ teldatum: string; pupils: number | null }>`
    select teldatum::text as teldatum, pupils from pupil_count
    where organisation_id = ${schoolId} and category = 'totaal' and teldatum <= ${onOrBefore}::date
    order by teldatum desc limit 1`.execute(db);
  const score = await sql<{ peildatum: string; indicator: string; scoreHundredths: number }>`
    select peildatum::text as peildatum, indicator, score_hundredths as "scoreHundredths" from achterstandsscore
    where organisation_id = ${schoolId} and peildatum <= ${onOrBefore}::date
    order by peildatum desc limit 1`.execute(db);
  return { pupils: pupils.rows[0] ?? null, score: score.rows[0] ?? null };
}
