// Changing a rate: the rules of a rate change (an amount within the bounds of its basis, a
// status that fits, a reason), the change itself with its history, and the overview of the
// rates for the analist (which years are still being recomputed, which failed).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { RateBasis, RateStatus } from '../tables.ts';
import { boundsMessage } from './rate-bounds.ts';
import { parseEuroToCents } from './money.ts';
import { requestRecompute } from './recompute-request.ts';
import { yearsWithRuns } from './years.ts';
import * as rates from '../repository/rates.ts';
import { recentRuns } from '../repository/runs.ts';
import type { FundingYear } from '../repository/years.ts';

export type RateChange = {
  basis: RateBasis;
  amountCents: number | null;
  status: RateStatus;
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

export interface RateForm {
  bedrag: string;
  status?: RateStatus;
  reden: string;
}

/** Reads the rate form: the change, or a Dutch message per field. */
export function parseRateForm(
  basis: RateBasis,
  f: RateForm,
): { ok: true; change: RateChange } | { ok: false; errors: Record<string, string> } {
  const raw = f.bedrag.trim();
  const amountCents = raw === '' ? null : parseEuroToCents(raw);
  const errors: Record<string, string> = {};
  if (raw !== '' && amountCents === null) {
    errors.bedrag = raw.startsWith('-')
      ? 'Een bedrag kan niet lager zijn dan nul.'
      : 'Schrijf het bedrag als een getal met hoogstens twee decimalen, bijvoorbeeld 701,16.';
  }
  if (!f.status) errors.status = 'Kies een status.';
  else {
    const more = validateRateChange({ basis, amountCents, status: f.status, reason: f.reden });
    for (const [k, v] of Object.entries(more)) errors[k] ??= v;
  }
  if (Object.keys(errors).length || !f.status) return { ok: false, errors };
  return {
    ok: true,
    change: { basis, amountCents, status: f.status, reason: f.reden.trim().slice(0, 1000) },
  };
}

/**
 * Changes a rate and records why, in the caller's transaction, and asks for a recompute of its
 * year. Returns what to run after the commit (the recompute itself when there is no job queue).
 */
export async function changeRate(
  platform: Platform,
  trx: Transaction<DB>,
  rate: rates.RateRow,
  change: RateChange,
  personId: number | null,
): Promise<(() => Promise<void>) | null> {
  await rates.updateRate(trx, rate.id, {
    amountCents: change.amountCents,
    status: change.status,
    at: platform.now(),
    personId,
  });
  await rates.insertRateChange(trx, {
    rateId: rate.id,
    personId,
    oldAmountCents: rate.amountCents,
    newAmountCents: change.amountCents,
    oldStatus: rate.status,
    newStatus: change.status,
    reason: change.reason,
  });
  return requestRecompute(platform, trx, {
    schoolYearId: rate.schoolYearId,
    reason: `Bedrag ${rate.label} gewijzigd`,
    personId,
  });
}

/**
 * The analist's overview: the years with their runs, the rates, recent runs, whether a changed
 * rate still waits for its recompute, and the years whose last recompute failed.
 */
export async function ratesOverview(db: Kysely<DB>, programmeId: number) {
  const years = await yearsWithRuns(db, programmeId);
  const rateRows = await rates.listRates(
    db,
    years.map((y) => y.schoolYearId),
  );
  const runs = await recentRuns(db);
  // A year whose last recompute failed is not "being computed": it says "mislukt" instead.
  const failed = years.filter((y) => y.recomputeFailedAt);
  const pending = years.some(
    (y) =>
      y.runTotal &&
      !y.recomputeFailedAt &&
      rateRows.some((r) => r.schoolYearId === y.schoolYearId && r.updatedAt > y.runTotal!.createdAt),
  );
  return { years, rates: rateRows, runs, pending, failed };
}

/** The year a run of a differences page compares: the one asked for, else the first with two runs. */
export function yearWithTwoRuns(years: FundingYear[], label: string | undefined): FundingYear | undefined {
  return years.find((y) => y.label === label && y.previousRunId) ?? years.find((y) => y.previousRunId);
}
