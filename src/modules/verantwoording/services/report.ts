// The board's annual report on the programme: which calendar years it covers, the report of one
// year as the pages show it (figures generated live while concept, frozen once confirmed), and
// the three actions (save the texts, confirm, reopen), each with its audit row in the same
// transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { listSchoolYears } from '../../../platform/programme.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';
import { menuCategories } from '../../schoolprogramma/repository/board-overview.ts';
import * as data from '../repository/report-data.ts';
import * as repo from '../repository/report.ts';
import { buildReportFigures, type ReportFigures } from './report-figures.ts';
import { missingForConfirmation, textValues, type Texts } from './report-texts.ts';

type Db = Kysely<DB>;

export const savedAuditAction = 'jaarverslag.opgeslagen';
export const confirmedAuditAction = 'jaarverslag.bevestigd';
export const reopenedAuditAction = 'jaarverslag.heropend';
export const pdfAuditAction = 'export.jaarverslag-pdf';
export const xlsxAuditAction = 'export.jaarverslag-xlsx';
export const textAuditAction = 'export.jaarverslag-tekst';

/** The calendar years the programme's school years touch (2021–2025 for NP Onderwijs). */
export async function reportYears(db: Db, programmeId: number): Promise<number[]> {
  const years = await listSchoolYears(db, programmeId);
  if (!years.length) return [];
  const from = Number(years[0]!.starts_on.slice(0, 4));
  const to = Number(years.at(-1)!.ends_on.slice(0, 4));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The figures of the year, read live from the platform. */
export async function liveFigures(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
  now: Date,
): Promise<ReportFigures> {
  // Without a menu in force (a fresh database) the categories are named by their letter.
  const menu = await menuVersionInForce(db, now).catch(() => null);
  const [
    categories,
    schoolYears,
    schools,
    scans,
    consents,
    interventions,
    planned,
    spent,
    evaluations,
    plan,
  ] = await Promise.all([
    menuCategories(db, menu?.id ?? null),
    listSchoolYears(db, programmeId),
    data.reportSchools(db, boardId, year),
    data.completedScans(db, boardId, year),
    data.consents(db, boardId, programmeId, year),
    data.runningInterventions(db, boardId, programmeId, year),
    data.plannedMoney(db, boardId, programmeId, year),
    data.spentMoney(db, boardId, programmeId, year),
    data.yearEvaluations(db, boardId, programmeId, year),
    data.boardPlanState(db, boardId, programmeId, year),
  ]);
  return buildReportFigures({
    year,
    now,
    categories,
    schoolYears,
    schools,
    scans,
    consents,
    interventions,
    planned,
    spent,
    evaluations,
    boardPlan: plan,
  });
}

export interface ReportState {
  year: number;
  row: repo.ReportRow | undefined;
  confirmed: boolean;
  figures: ReportFigures;
  /** 0 when the board has not saved anything for this year yet. */
  revision: number;
  texts: Texts;
  /** Texts the platform filled in (not saved by the board yet). */
  prefilled: Set<string>;
  /** A year can be confirmed once it has ended. */
  yearEnded: boolean;
}

export async function loadReport(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
  now: Date,
): Promise<ReportState> {
  const row = await repo.findReport(db, boardId, programmeId, year);
  const confirmed = row?.status === 'bevestigd' && row.confirmed_figures !== null;
  const figures = confirmed
    ? (row.confirmed_figures as ReportFigures)
    : await liveFigures(db, boardId, programmeId, year, now);
  const { values, prefilled } = textValues(row ? row.texts : null, figures.boardPlan);
  return {
    year,
    row,
    confirmed,
    figures,
    revision: row?.revision ?? 0,
    texts: values,
    prefilled: confirmed ? new Set() : prefilled,
    yearEnded: now.getTime() >= new Date(`${year + 1}-01-01T00:00:00+01:00`).getTime(),
  };
}

/** Writes the action's audit row in the given transaction (the route binds it to the request). */
export type AuditRecorder = (
  trx: Db,
  action: string,
  details: Record<string, string | number | boolean | null>,
) => Promise<void>;

export interface Who {
  boardId: number;
  programmeId: number;
  year: number;
  now: Date;
  personId: number | null;
  record: AuditRecorder;
}

/** Saves the texts; false when someone else saved (or confirmed) in the meantime. */
export async function saveReportTexts(db: Db, w: Who, revision: number, texts: Texts): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const saved = await repo.saveTexts(
      trx,
      { boardId: w.boardId, programmeId: w.programmeId, year: w.year },
      revision,
      texts,
      w.personId,
      w.now,
    );
    if (saved === undefined) return false;
    await w.record(trx, savedAuditAction, { jaar: w.year, revisie: saved });
    return true;
  });
}

export type ConfirmResult =
  | { ok: true }
  | { ok: false; reason: 'gewijzigd-door-ander' | 'jaar-loopt-nog' | 'niet-bewaard' }
  | { ok: false; reason: 'teksten-ontbreken'; errors: Record<string, string> };

/** Freezes the figures as they are now, with the saved texts, under the board's confirmation. */
export async function confirmReport(db: Db, w: Who, revision: number): Promise<ConfirmResult> {
  const state = await loadReport(db, w.boardId, w.programmeId, w.year, w.now);
  if (!state.yearEnded) return { ok: false, reason: 'jaar-loopt-nog' };
  if (!state.row) return { ok: false, reason: 'niet-bewaard' };
  if (state.confirmed || state.revision !== revision) return { ok: false, reason: 'gewijzigd-door-ander' };
  const errors = missingForConfirmation(state.row.texts);
  if (Object.keys(errors).length) return { ok: false, reason: 'teksten-ontbreken', errors };
  const row = state.row;
  return db.transaction().execute(async (trx) => {
    const done = await repo.confirmReport(trx, row.id, revision, state.figures, w.personId, w.now);
    if (!done) return { ok: false, reason: 'gewijzigd-door-ander' } as const;
    await w.record(trx, confirmedAuditAction, {
      jaar: w.year,
      scholen: state.figures.totals.schools,
      uitgegeven_centen: state.figures.totals.spentCents,
    });
    return { ok: true } as const;
  });
}

/** Back to concept; false when it was not confirmed (nothing to reopen). */
export async function reopenReport(db: Db, w: Who): Promise<boolean> {
  const row = await repo.findReport(db, w.boardId, w.programmeId, w.year);
  if (!row) return false;
  return db.transaction().execute(async (trx) => {
    const done = await repo.reopenReport(trx, row.id, w.personId, w.now);
    if (!done) return false;
    await w.record(trx, reopenedAuditAction, {
      jaar: w.year,
      bevestigd_op: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    });
    return true;
  });
}
