// CBS achterstandsscores per vestigingscode, linked to the school with that code.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ScoreRecord } from '../services/parse/cbs.ts';

/** Inserts or replaces the PO scores of one peildatum; `orgs` is the school of each score, or null. */
export async function upsertScores(
  trx: Transaction<DB>,
  peildatum: string,
  s: ScoreRecord[],
  orgs: (number | null)[],
  importId: number,
) {
  if (s.length === 0) return;
  await sql`insert into achterstandsscore (vestigingscode, peildatum, indicator, organisation_id, pupils, score_hundredths, score_unthresholded_hundredths, import_id)
    select u.code, ${peildatum}::date, 'po', u.org, u.pupils, u.score, u.raw, ${importId}::int
    from unnest(${s.map((r) => r.code)}::text[], ${orgs}::int[], ${s.map((r) => r.pupils)}::int[],
                ${s.map((r) => r.scoreHundredths)}::int[], ${s.map((r) => r.unthresholdedHundredths)}::int[]) as u(code, org, pupils, score, raw)
    on conflict (vestigingscode, peildatum, indicator) do update set organisation_id = excluded.organisation_id,
      pupils = excluded.pupils, score_hundredths = excluded.score_hundredths,
      score_unthresholded_hundredths = excluded.score_unthresholded_hundredths, import_id = excluded.import_id`.execute(
    trx,
  );
}

/** Links scores to schools imported after the scores (join on vestigingscode). */
export async function linkScoresToSchools(db: Kysely<DB>): Promise<void> {
  await sql`update achterstandsscore a set organisation_id = o.id from organisation o
    where a.organisation_id is null and o.kind = 'school' and o.code = a.vestigingscode`.execute(db);
}
