// The rules of the funding module: recomputing a school year, changing a rate, reserving
// money for a board-level pool. No HTTP here; SQL lives in the repository.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { computeAllocation, type Count, type SchoolInput, type Score } from './compute.ts';
import * as repo from '../repository.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import { isIsoDate } from '../../../platform/input/strict.ts';
import type { RateBasis } from '../tables.ts';
import { boundsMessage } from './rate-bounds.ts';

type Db = Kysely<DB>;

export interface RecomputeResult {
  schoolYearId: number;
  runId: number | null;
  schools: number;
  totalCents: number;
}

/**
 * Computes every school's allocation for one school year as a new run. The previous run is
 * kept (for the differences); older runs lose their rows but keep their summary.
 */
export async function recomputeYear(
  db: Db,
  schoolYearId: number,
  reason: string,
  personId: number | null = null,
): Promise<RecomputeResult> {
  return db.transaction().execute(async (trx) => {
    // One recompute of a year at a time: a second waits for the first and builds on it.
    await trx
      .selectFrom('funding_year')
      .select('school_year_id')
      .where('school_year_id', '=', schoolYearId)
      .forUpdate()
      .execute();
    const year = await repo.findFundingYear(trx, schoolYearId);
    if (!year || year.status === 'geen-toekenning' || !year.teldatum)
      return { schoolYearId, runId: null, schools: 0, totalCents: 0 };
    const teldatum = year.teldatum;
    const rates = await repo.listRates(trx, [schoolYearId]);
    const byOrg = new Map<number, SchoolInput['counts']>();
    for (const c of await repo.newestCounts(trx, teldatum)) {
      const m = byOrg.get(c.organisation_id) ?? {};
      m[c.category] = { pupils: c.pupils, belowFive: c.below_five, teldatum: c.teldatum } satisfies Count;
      byOrg.set(c.organisation_id, m);
    }
    const po = new Map<number, Score>();
    const vo = new Map<number, Score>();
    for (const s of await repo.newestScores(trx, teldatum))
      (s.indicator === 'po' ? po : vo).set(s.organisation_id, {
        hundredths: s.score_hundredths,
        peildatum: s.peildatum,
      });
    const schools = await repo.schoolsForFunding(trx, teldatum);
    const rows: repo.AllocationInsert[] = [];
    let total = 0;
    for (const s of schools) {
      const c = byOrg.get(s.id);
      // Only schools counted on (or, for lack of a count, shortly before) the teldatum get an allocation.
      if (!c) continue;
      const sector = s.sector as Sector;
      if (!c.totaal && !c.VO_ALG && !c.VO_PRO_VBO34) continue;
      const a = computeAllocation(
        {
          sector,
          counts: c,
          poScore: po.get(s.id) ?? null,
          voScore: vo.get(s.id) ?? null,
        },
        rates,
        teldatum,
      );
      total += a.totalCents ?? 0;
      rows.push({ schoolId: s.id, boardId: s.parent_id, ...a });
    }
    const run = await trx
      .insertInto('allocation_run')
      .values({
        school_year_id: schoolYearId,
        reason,
        person_id: personId,
        school_count: rows.length,
        total_cents: total,
        rates: JSON.stringify(
          rates.map((r) => ({ code: r.code, amountCents: r.amountCents, status: r.status })),
        ),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.insertAllocations(trx, run.id, rows);
    await trx
      .updateTable('funding_year')
      .set({
        previous_run_id: year.currentRunId,
        current_run_id: run.id,
        recompute_failed_at: null,
        recompute_error: null,
      })
      .where('school_year_id', '=', schoolYearId)
      .execute();
    const keep = [run.id, year.currentRunId].filter((x): x is number => x !== null);
    await trx
      .deleteFrom('allocation')
      .where('run_id', 'in', (eb) =>
        eb
          .selectFrom('allocation_run')
          .select('id')
          .where('school_year_id', '=', schoolYearId)
          .where('id', 'not in', keep),
      )
      .execute();
    return { schoolYearId, runId: run.id, schools: rows.length, totalCents: total };
  });
}

export async function recomputeAll(
  db: Db,
  programmeId: number,
  reason: string,
  personId: number | null = null,
) {
  const years = await repo.listFundingYears(db, programmeId);
  const out: RecomputeResult[] = [];
  for (const y of years)
    if (y.status !== 'geen-toekenning') out.push(await recomputeYear(db, y.schoolYearId, reason, personId));
  return out;
}

export type RateChange = {
  basis: RateBasis;
  amountCents: number | null;
  status: 'definitief' | 'voorlopig' | 'onbekend';
  reason: string;
};

/** Checks a rate change; returns messages per field (empty when valid). */
export function validateRateChange(c: RateChange): Record<string, string> {
  const errors: Record<string, string> = {};
  if (c.status === 'onbekend' && c.amountCents !== null)
    errors.status =
      'Een bekend bedrag kan niet de status "onbekend" hebben. Kies voorlopig of definitief, of maak het bedrag leeg.';
  if (c.status !== 'onbekend' && c.amountCents === null)
    errors.bedrag = 'Vul het bedrag in, of kies de status "onbekend" als het bedrag niet bekend is.';
  if (c.amountCents !== null && c.amountCents < 0) errors.bedrag = 'Een bedrag kan niet lager zijn dan nul.';
  else if (c.amountCents !== null) {
    const outside = boundsMessage(c.basis, c.amountCents);
    if (outside) errors.bedrag = outside;
  }
  if (c.reason.trim().length < 5)
    errors.reden = 'Schrijf kort waarom het bedrag verandert en noem de bron (minstens 5 tekens).';
  return errors;
}

// --- reservations -------------------------------------------------------------------

export interface ReservationInput {
  schoolId: number;
  amountCents: number | null;
  purpose: string;
  mrConsentOn: string;
}

/**
 * The rules for reserving a school's money for a board-level pool: only the board's own
 * schools, only an allocation that is known, never more than what is left, and only with
 * the consent of the school's MR given beforehand (a date not in the future).
 */
export async function checkReservation(
  db: Db,
  boardId: number,
  year: repo.FundingYear,
  input: ReservationInput,
  today: string,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (input.amountCents === null) errors.bedrag = 'Vul een bedrag in euro in, bijvoorbeeld 1.250,00.';
  else if (input.amountCents <= 0) errors.bedrag = 'Het bedrag moet groter zijn dan nul.';
  if (input.purpose.trim().length < 5)
    errors.doel = 'Beschrijf kort waarvoor het geld bovenschools wordt ingezet (minstens 5 tekens).';
  if (input.purpose.length > 500) errors.doel = 'Houd de beschrijving korter dan 500 tekens.';
  if (!isIsoDate(input.mrConsentOn)) {
    errors.mrInstemming =
      'Vul een bestaande datum in waarop de MR van de school instemde, als JJJJ-MM-DD (bijvoorbeeld 2024-03-01).';
  } else if (input.mrConsentOn > today) {
    errors.mrInstemming = 'De MR moet vooraf instemmen: de datum kan niet in de toekomst liggen.';
  }
  const school = await db
    .selectFrom('organisation')
    .select(['id', 'parent_id'])
    .where('id', '=', input.schoolId)
    .where('kind', '=', 'school')
    .executeTakeFirst();
  if (!school || school.parent_id !== boardId) {
    errors.school = 'Kies een school van uw eigen bestuur.';
    return errors;
  }
  if (!year.currentRunId) {
    errors.school = 'Voor dit schooljaar zijn nog geen bedragen berekend.';
    return errors;
  }
  const [alloc] = await repo.allocationsFor(db, [year.currentRunId], [school.id]);
  if (!alloc || alloc.totalCents === null) {
    errors.school = 'Het bedrag van deze school is niet bekend; u kunt er nog niets van reserveren.';
    return errors;
  }
  const reserved = (await repo.reservedPerSchool(db, boardId, year.schoolYearId)).get(school.id) ?? 0;
  const left = alloc.totalCents - reserved;
  if (input.amountCents !== null && input.amountCents > left && !errors.bedrag) {
    errors.bedrag = `Dit is meer dan er voor deze school over is (${(left / 100).toFixed(2).replace('.', ',')} euro). Kies een lager bedrag.`;
  }
  return errors;
}
