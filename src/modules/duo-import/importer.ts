// Writes parsed DUO and CBS files to the database: one transaction per file, batched
// multi-row statements (unnest of arrays), history of every change, and a report.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { kindLabel, parseDuoFile } from './parse.ts';
import { parseCbsScores } from './cbs.ts';
import { emptySummary, type ImportSummary } from './import-summary.ts';
import { importInOneTransaction, type ImportOptions } from './import-run.ts';
import { loadSchools } from './organisation-writes.ts';
import { importSchools } from './import-schools.ts';
import { importPupils } from './import-pupils.ts';
import { importBoards } from './import-boards.ts';

export { provisionalBoardName } from './organisation-writes.ts';
export type { ImportSummary, Progress } from './import-summary.ts';
export type { ImportOptions } from './import-run.ts';

/**
 * Imports one DUO file in one transaction. A file that cannot be read at all (wrong kind,
 * missing column) changes nothing and throws a DuoFileError; the import row records why.
 */
export async function importDuoFile(
  db: Kysely<DB>,
  buf: Buffer,
  opts: ImportOptions,
): Promise<ImportSummary> {
  return importInOneTransaction(
    db,
    'duo',
    buf,
    opts,
    () => parseDuoFile(buf, { expected: opts.expected, fileName: opts.fileName, year: opts.year }),
    (importId, parsed) =>
      emptySummary(importId, opts.fileName, parsed.kind, kindLabel[parsed.kind], parsed.dataRows),
    async (trx, parsed, summary) => {
      if (parsed.schools.length) await importSchools(trx, parsed, summary.importId, summary, opts.today);
      if (parsed.pupils.length || parsed.pupilSchools.length)
        await importPupils(trx, parsed, summary.importId, summary);
      if (parsed.kind === 'besturen') await importBoards(trx, parsed.boards, summary.importId, summary);
      summary.problems = parsed.problems.sort((a, b) => a.line - b.line);
    },
  );
}

/** Imports a CBS achterstandsscores workbook (PO indicator) in one transaction. */
export async function importCbsFile(
  db: Kysely<DB>,
  buf: Buffer,
  opts: ImportOptions,
): Promise<ImportSummary> {
  return importInOneTransaction(
    db,
    'cbs',
    buf,
    opts,
    () => parseCbsScores(buf, { fileName: opts.fileName, year: opts.year }),
    (importId, parsed) =>
      emptySummary(
        importId,
        opts.fileName,
        'cbs-achterstandsscores-po',
        'CBS achterstandsscores (po)',
        parsed.dataRows,
      ),
    async (trx, parsed, summary) => {
      const schools = await loadSchools(trx);
      const s = parsed.scores;
      const orgs = s.map((r) => schools.get(r.code)?.id ?? null);
      summary.scoresWithoutSchool = orgs.filter((o) => o === null).length;
      if (s.length) {
        await sql`insert into achterstandsscore (vestigingscode, peildatum, indicator, organisation_id, pupils, score_hundredths, score_unthresholded_hundredths, import_id)
          select u.code, ${parsed.peildatum}::date, 'po', u.org, u.pupils, u.score, u.raw, ${summary.importId}::int
          from unnest(${s.map((r) => r.code)}::text[], ${orgs}::int[], ${s.map((r) => r.pupils)}::int[],
                      ${s.map((r) => r.scoreHundredths)}::int[], ${s.map((r) => r.unthresholdedHundredths)}::int[]) as u(code, org, pupils, score, raw)
          on conflict (vestigingscode, peildatum, indicator) do update set organisation_id = excluded.organisation_id,
            pupils = excluded.pupils, score_hundredths = excluded.score_hundredths,
            score_unthresholded_hundredths = excluded.score_unthresholded_hundredths, import_id = excluded.import_id`.execute(
          trx,
        );
      }
      summary.scoresStored = s.length;
      summary.problems = parsed.problems;
    },
  );
}

/** Links scores to schools imported after the scores (join on vestigingscode). */
export async function linkScores(db: Kysely<DB>): Promise<void> {
  await sql`update achterstandsscore a set organisation_id = o.id from organisation o
    where a.organisation_id is null and o.kind = 'school' and o.code = a.vestigingscode`.execute(db);
}
