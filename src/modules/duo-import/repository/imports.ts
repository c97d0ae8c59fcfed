// The duo_import rows: one per import (uploaded, from the CLI or the first-start load), with
// the file while it waits, its progress status and its report.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DuoImportTable } from '../tables.ts';

type Db = Kysely<DB>;
type Status = DuoImportTable['status'];

/** What an import row says about the file and how it should be read. */
export interface ImportRowOptions {
  expected?: string | null;
  year?: number | null;
  peildatum?: string | null;
  allowMassClose?: boolean;
}

export async function insertImportRow(
  db: Db,
  values: {
    source: 'duo' | 'cbs';
    fileName: string;
    sha256: string;
    sizeBytes: number;
    status: Status;
    personId: number | null;
    options: ImportRowOptions;
    content?: Buffer;
  },
): Promise<number> {
  const row = await db
    .insertInto('duo_import')
    .values({
      source: values.source,
      file_name: values.fileName,
      sha256: values.sha256,
      size_bytes: values.sizeBytes,
      status: values.status,
      person_id: values.personId,
      options: JSON.stringify(values.options),
      counts: JSON.stringify({}),
      problems: JSON.stringify([]),
      content: values.content ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markImportRunning(db: Db, importId: number): Promise<void> {
  await db.updateTable('duo_import').set({ status: 'bezig' }).where('id', '=', importId).execute();
}

/** The end of a failed import, or one that waits for the beheerder's confirmation (its file is kept). */
export async function recordImportFailure(
  db: Db,
  importId: number,
  values: {
    waits: boolean;
    kind: string | null;
    message: string;
    problems: { line: number; reason: string }[];
    problemCount: number;
    peildatum: string | null;
    peildatumSource: string | null;
  },
): Promise<void> {
  await db
    .updateTable('duo_import')
    .set({
      status: values.waits ? 'bevestigen' : 'mislukt',
      file_kind: values.kind,
      message: values.message,
      problems: JSON.stringify(values.problems),
      problem_count: values.problemCount,
      finished_at: values.waits ? null : new Date(),
      peildatum: values.peildatum,
      peildatum_source: values.peildatumSource,
      ...(values.waits ? {} : { content: null }),
    })
    .where('id', '=', importId)
    .execute();
}

export async function recordImportDone(
  trx: Transaction<DB>,
  importId: number,
  values: {
    kind: string;
    counts: Record<string, number>;
    problems: { line: number; reason: string }[];
    problemCount: number;
    peildatum: string | null;
    peildatumSource: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('duo_import')
    .set({
      status: 'klaar',
      file_kind: values.kind,
      counts: JSON.stringify(values.counts),
      problems: JSON.stringify(values.problems),
      problem_count: values.problemCount,
      message: null,
      finished_at: new Date(),
      content: null,
      peildatum: values.peildatum,
      peildatum_source: values.peildatumSource,
    })
    .where('id', '=', importId)
    .execute();
}

/** The newest reference date of the completed imports of this kind, other than this one. */
export async function newestPeildatum(db: Db, kind: string, importId: number): Promise<string | null> {
  const row = await db
    .selectFrom('duo_import')
    .select((eb) => eb.fn.max('peildatum').as('d'))
    .where('status', '=', 'klaar')
    .where('file_kind', '=', kind)
    .where('id', '<>', importId)
    .executeTakeFirst();
  return (row?.d as string | null | undefined) ?? null;
}

export async function findImportToRun(db: Db, importId: number) {
  return db
    .selectFrom('duo_import')
    .select(['id', 'source', 'file_name', 'content', 'options', 'person_id', 'status'])
    .where('id', '=', importId)
    .executeTakeFirst();
}

/** Imports left 'bezig' by a stop: failed, their file dropped. Returns how many. */
export async function failInterrupted(db: Db, message: string, at: Date): Promise<number> {
  const rows = await db
    .updateTable('duo_import')
    .set({ status: 'mislukt', message, finished_at: at, content: null })
    .where('status', '=', 'bezig')
    .returning('id')
    .execute();
  return rows.length;
}

export async function recentImports(db: Db) {
  return db
    .selectFrom('duo_import as i')
    .leftJoin('person as p', 'p.id', 'i.person_id')
    .select([
      'i.id',
      'i.created_at',
      'i.file_name',
      'i.file_kind',
      'i.source',
      'i.status',
      'i.problem_count',
      'i.counts',
      'p.name as person',
    ])
    .orderBy('i.id', 'desc')
    .limit(20)
    .execute();
}

export async function findImportReport(db: Db, importId: number) {
  return db
    .selectFrom('duo_import as i')
    .leftJoin('person as p', 'p.id', 'i.person_id')
    .select([
      'i.id',
      'i.created_at',
      'i.finished_at',
      'i.file_name',
      'i.file_kind',
      'i.source',
      'i.status',
      'i.problem_count',
      'i.problems',
      'i.counts',
      'i.message',
      'i.size_bytes',
      'i.peildatum',
      'i.peildatum_source',
      'p.name as person',
    ])
    .where('i.id', '=', importId)
    .executeTakeFirst();
}

/** The changes (not the additions) an import made, at most `limit`. */
export async function importChanges(db: Db, importId: number, limit: number) {
  return db
    .selectFrom('organisation_change as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.change', 'c.field', 'c.old_value', 'c.new_value', 'o.code', 'o.name', 'o.kind'])
    .where('c.import_id', '=', importId)
    .where('c.change', '<>', 'nieuw')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** An import that waits for confirmation, locked until the transaction ends. */
export async function lockImportAwaitingConfirmation(trx: Transaction<DB>, importId: number) {
  return trx
    .selectFrom('duo_import')
    .select(['id', 'options', 'file_name'])
    .where('id', '=', importId)
    .where('status', '=', 'bevestigen')
    .forUpdate()
    .executeTakeFirst();
}

export async function setImportWaiting(
  trx: Transaction<DB>,
  importId: number,
  options: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable('duo_import')
    .set({ status: 'wachtend', message: null, options: JSON.stringify(options) })
    .where('id', '=', importId)
    .execute();
}

export async function cancelImport(trx: Transaction<DB>, importId: number, message: string, at: Date) {
  await trx
    .updateTable('duo_import')
    .set({ status: 'mislukt', message, finished_at: at, content: null })
    .where('id', '=', importId)
    .execute();
}

/** An import row for the route examples (authorization matrix, accessibility suite). */
export async function insertExampleImport(
  db: Db,
  values: { status: 'bevestigen' | 'mislukt'; message?: string; problems?: string },
): Promise<number> {
  const r = await db
    .insertInto('duo_import')
    .values({
      source: 'duo',
      file_name: 'voorbeeld.csv',
      sha256: '0',
      size_bytes: 0,
      options: '{}',
      counts: '{}',
      problems: '[]',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
