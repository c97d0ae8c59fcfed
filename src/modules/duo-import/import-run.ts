// The frame of one import: its duo_import row, one transaction, the stored report, and failure.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { DuoFileError, type DuoFileGroup } from './parse.ts';
import type { ImportSummary, Progress } from './import-summary.ts';

/** At most this many problems are kept with an import (the count is always exact). */
const maxStoredProblems = 500;

export interface ImportOptions {
  fileName: string;
  expected?: DuoFileGroup;
  /** The year of the teldatum/peildatum when the file name does not say it. */
  year?: number;
  personId?: number | null;
  /** An existing duo_import row (made by the upload page) to fill in. */
  importId?: number;
  /** The date a vanished vestiging is recorded as closed (today). */
  today: string;
  progress?: Progress;
}

async function startRow(
  db: Kysely<DB>,
  source: 'duo' | 'cbs',
  buf: Buffer,
  opts: ImportOptions,
): Promise<number> {
  if (opts.importId) {
    await db.updateTable('duo_import').set({ status: 'bezig' }).where('id', '=', opts.importId).execute();
    return opts.importId;
  }
  const row = await db
    .insertInto('duo_import')
    .values({
      source,
      file_name: opts.fileName,
      sha256: crypto.createHash('sha256').update(buf).digest('hex'),
      size_bytes: buf.length,
      status: 'bezig',
      person_id: opts.personId ?? null,
      options: JSON.stringify({ expected: opts.expected ?? null, year: opts.year ?? null }),
      counts: JSON.stringify({}),
      problems: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function fail(db: Kysely<DB>, importId: number, err: DuoFileError, kind: string | null) {
  await db
    .updateTable('duo_import')
    .set({
      status: 'mislukt',
      file_kind: kind,
      message: err.message,
      problems: JSON.stringify(err.line ? [{ line: err.line, reason: err.message }] : []),
      problem_count: err.line ? 1 : 0,
      finished_at: new Date(),
      content: null,
    })
    .where('id', '=', importId)
    .execute();
}

function countsOf(s: ImportSummary): Record<string, number> {
  const { importId: _i, fileName: _f, kind: _k, kindLabel: _l, problems: _p, ...counts } = s;
  return counts;
}

async function finish(trx: Transaction<DB>, s: ImportSummary) {
  s.rejected = s.problems.length;
  await trx
    .updateTable('duo_import')
    .set({
      status: 'klaar',
      file_kind: s.kind,
      counts: JSON.stringify(countsOf(s)),
      problems: JSON.stringify(s.problems.slice(0, maxStoredProblems)),
      problem_count: s.problems.length,
      message: null,
      finished_at: new Date(),
      content: null,
    })
    .where('id', '=', s.importId)
    .execute();
}

/**
 * Imports one DUO file in one transaction. A file that cannot be read at all (wrong kind,

/**
 * The frame of every import: a duo_import row, reading the file (a file that cannot be read at
 * all changes nothing and throws a DuoFileError), then writing it and its report in one
 * transaction. When the transaction fails, nothing is changed and the import row records why.
 */
export async function importInOneTransaction<P>(
  db: Kysely<DB>,
  source: 'duo' | 'cbs',
  buf: Buffer,
  opts: ImportOptions,
  read: () => P,
  start: (importId: number, parsed: P) => ImportSummary,
  write: (trx: Transaction<DB>, parsed: P, summary: ImportSummary) => Promise<void>,
): Promise<ImportSummary> {
  const importId = await startRow(db, source, buf, opts);
  opts.progress?.('Bestand lezen', 0, 3);
  let parsed: P;
  try {
    parsed = read();
  } catch (err) {
    if (err instanceof DuoFileError) await fail(db, importId, err, null);
    throw err;
  }
  const summary = start(importId, parsed);
  opts.progress?.('Gegevens bijwerken', 1, 3);
  try {
    await db.transaction().execute(async (trx) => {
      await write(trx, parsed, summary);
      opts.progress?.('Verslag opslaan', 2, 3);
      await finish(trx, summary);
    });
  } catch (err) {
    await fail(
      db,
      importId,
      new DuoFileError(`De import is afgebroken; er is niets gewijzigd. Oorzaak: ${(err as Error).message}`),
      summary.kind,
    );
    throw err;
  }
  opts.progress?.('Klaar', 3, 3);
  return summary;
}
