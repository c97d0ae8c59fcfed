// The frame of one import: its duo_import row, reading the file off the event loop, one
// transaction, the stored report, and failure. Whatever goes wrong, of whatever type, the
// import ends as failed ("mislukt, er is niets veranderd") and nothing is changed.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { DuoFileError, type DuoFileGroup, type Problem } from './parse/duo-file.ts';
import type { ImportSummary, Progress } from './import-summary.ts';
import { AllLinesRejected, CloseNeedsConfirmation } from './import-failure.ts';
import { referenceDate, type ReferenceDate } from './peildatum.ts';
import * as repo from '../repository/imports.ts';

/** At most this many problems are kept with an import (the count is always exact). */
const maxStoredProblems = 500;

export interface ImportOptions {
  fileName: string;
  expected?: DuoFileGroup;
  /** The year of the teldatum/peildatum when the file name does not say it. */
  year?: number;
  /** The reference date of a school or board file (YYYY-MM-DD), when the file does not say it. */
  peildatum?: string;
  /** The beheerder confirmed closing more than the set share of a sector's schools. */
  allowMassClose?: boolean;
  personId?: number | null;
  /** An existing duo_import row (made by the upload page) to fill in. */
  importId?: number;
  /** The date a vanished vestiging is recorded as closed (today). */
  today: string;
  progress?: Progress;
}

/** What one kind of file needs from the frame. */
export interface ImportSteps<P> {
  /** Reads the file (in a worker thread); a file that cannot be read throws a DuoFileError. */
  read: () => Promise<P>;
  /** The dates the contents give, and whether the file is an undated snapshot. */
  dates: (parsed: P) => { undated: boolean; contentDates: string[] };
  start: (importId: number, parsed: P) => ImportSummary;
  write: (trx: Transaction<DB>, parsed: P, summary: ImportSummary) => Promise<void>;
}

async function startRow(
  db: Kysely<DB>,
  source: 'duo' | 'cbs',
  buf: Buffer,
  sha256: string,
  opts: ImportOptions,
): Promise<number> {
  if (opts.importId) {
    await repo.markImportRunning(db, opts.importId);
    return opts.importId;
  }
  return repo.insertImportRow(db, {
    source,
    fileName: opts.fileName,
    sha256,
    sizeBytes: buf.length,
    status: 'bezig',
    personId: opts.personId ?? null,
    options: { expected: opts.expected ?? null, year: opts.year ?? null, peildatum: opts.peildatum ?? null },
  });
}

/** The Dutch reason stored with a failed import; faults that are not file errors are named too. */
export function failureMessage(err: unknown): string {
  if (err instanceof DuoFileError) return err.message;
  return `Er ging iets mis bij het verwerken: ${(err as Error)?.message ?? String(err)}. Probeer het later opnieuw; blijft dit gebeuren, meld het dan aan de beheerders van het platform.`;
}

async function fail(
  db: Kysely<DB>,
  importId: number,
  err: unknown,
  kind: string | null,
  ref: ReferenceDate | null,
  opts: ImportOptions,
) {
  const problems: Problem[] =
    err instanceof AllLinesRejected
      ? err.problems
      : err instanceof DuoFileError && err.line
        ? [{ line: err.line, reason: err.message }]
        : [];
  // An uploaded file that needs confirmation is kept, so the beheerder can confirm it.
  const waits = err instanceof CloseNeedsConfirmation && opts.importId !== undefined;
  await repo.recordImportFailure(db, importId, {
    waits,
    kind,
    message: failureMessage(err),
    problems: problems.slice(0, maxStoredProblems),
    problemCount: problems.length,
    peildatum: ref?.date ?? null,
    peildatumSource: ref?.source ?? null,
  });
}

function countsOf(s: ImportSummary): Record<string, number> {
  const {
    importId: _i,
    fileName: _f,
    kind: _k,
    kindLabel: _l,
    problems: _p,
    peildatum: _d,
    peildatumSource: _s,
    ...counts
  } = s;
  return counts;
}

async function finish(trx: Transaction<DB>, s: ImportSummary) {
  s.rejected = s.problems.length;
  await repo.recordImportDone(trx, s.importId, {
    kind: s.kind,
    counts: countsOf(s),
    problems: s.problems.slice(0, maxStoredProblems),
    problemCount: s.problems.length,
    peildatum: s.peildatum,
    peildatumSource: s.peildatumSource,
  });
}

/**
 * The frame of every import: a duo_import row, reading the file off the event loop, then
 * writing it and its report in one transaction. A file of which no line could be used is not
 * imported. On any error nothing is changed, the import row records why, and the error is
 * thrown on.
 */
export async function importInOneTransaction<P>(
  db: Kysely<DB>,
  source: 'duo' | 'cbs',
  buf: Buffer,
  opts: ImportOptions,
  steps: ImportSteps<P>,
): Promise<ImportSummary> {
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const importId = await startRow(db, source, buf, sha256, opts);
  let kind: string | null = null;
  let ref: ReferenceDate | null = null;
  try {
    opts.progress?.('Bestand lezen', 0, 3);
    const parsed = await steps.read();
    const summary = steps.start(importId, parsed);
    kind = summary.kind;
    ref = referenceDate({
      ...steps.dates(parsed),
      sha256,
      fileName: opts.fileName,
      given: opts.peildatum,
      today: opts.today,
    });
    summary.peildatum = ref.date;
    summary.peildatumSource = ref.source;
    if (summary.dataRows === 0)
      throw new DuoFileError(
        'Het bestand bevat geen gegevens. Kies het volledige bestand zoals het is gepubliceerd.',
      );
    opts.progress?.('Gegevens bijwerken', 1, 3);
    await db.transaction().execute(async (trx) => {
      await steps.write(trx, parsed, summary);
      const rejectedLines = new Set(summary.problems.map((p) => p.line)).size;
      if (rejectedLines >= summary.dataRows) throw new AllLinesRejected(summary.problems);
      opts.progress?.('Verslag opslaan', 2, 3);
      await finish(trx, summary);
    });
    opts.progress?.('Klaar', 3, 3);
    return summary;
  } catch (err) {
    await fail(db, importId, err, kind, ref, opts);
    throw err;
  }
}
