// Writes DUO and CBS files (read in a worker thread) to the database: one transaction per file, batched
// multi-row statements (unnest of arrays), history of every change, and a report.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { kindGroup, kindLabel } from './parse/parse.ts';
import { parseInWorker } from './parse/parse-off-thread.ts';
import { emptySummary, type ImportSummary } from './import-summary.ts';
import { importInOneTransaction, type ImportOptions } from './import-run.ts';
import { loadSchools } from '../repository/organisations.ts';
import { linkScoresToSchools, upsertScores } from '../repository/scores.ts';
import { importSchools } from './import-schools.ts';
import { importPupils } from './import-pupils.ts';
import { importBoards } from './import-boards.ts';

/**
 * Imports one DUO file in one transaction, read in a worker thread. Whatever goes wrong
 * changes nothing, is recorded on the import row and is thrown on (a DuoFileError when the
 * file is at fault).
 */
export async function importDuoFile(
  db: Kysely<DB>,
  buf: Buffer,
  opts: ImportOptions,
): Promise<ImportSummary> {
  return importInOneTransaction(db, 'duo', buf, opts, {
    read: () =>
      parseInWorker('duo', buf, { expected: opts.expected, fileName: opts.fileName, year: opts.year }),
    dates: (parsed) => ({
      undated: kindGroup[parsed.kind] !== 'leerlingen',
      contentDates: [...new Set(parsed.pupils.map((p) => p.teldatum))],
    }),
    start: (importId, parsed) =>
      emptySummary(importId, opts.fileName, parsed.kind, kindLabel[parsed.kind], parsed.dataRows),
    write: async (trx, parsed, summary) => {
      if (parsed.schools.length)
        await importSchools(trx, parsed, summary.importId, summary, {
          today: opts.today,
          allowMassClose: opts.allowMassClose,
        });
      if (parsed.pupils.length || parsed.pupilSchools.length)
        await importPupils(trx, parsed, summary.importId, summary);
      if (parsed.kind === 'besturen') await importBoards(trx, parsed.boards, summary.importId, summary);
      summary.problems = parsed.problems.sort((a, b) => a.line - b.line);
    },
  });
}

/** Imports a CBS achterstandsscores workbook (PO indicator) in one transaction. */
export async function importCbsFile(
  db: Kysely<DB>,
  buf: Buffer,
  opts: ImportOptions,
): Promise<ImportSummary> {
  return importInOneTransaction(db, 'cbs', buf, opts, {
    read: () => parseInWorker('cbs', buf, { fileName: opts.fileName, year: opts.year }),
    dates: (parsed) => ({ undated: false, contentDates: [parsed.peildatum] }),
    start: (importId, parsed) =>
      emptySummary(
        importId,
        opts.fileName,
        'cbs-achterstandsscores-po',
        'CBS achterstandsscores (po)',
        parsed.dataRows,
      ),
    write: async (trx, parsed, summary) => {
      const schools = await loadSchools(trx);
      const s = parsed.scores;
      const orgs = s.map((r) => schools.get(r.code)?.id ?? null);
      summary.scoresWithoutSchool = orgs.filter((o) => o === null).length;
      await upsertScores(trx, parsed.peildatum, s, orgs, summary.importId);
      summary.scoresStored = s.length;
      summary.problems = parsed.problems;
    },
  });
}

/** Links scores to schools imported after the scores (join on vestigingscode). */
export async function linkScores(db: Kysely<DB>): Promise<void> {
  await linkScoresToSchools(db);
}
