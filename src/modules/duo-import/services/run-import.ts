// Running an uploaded import: the upload waits in duo_import, a job (or, without a job queue,
// the request itself) imports it in one transaction, and after a committed import the module
// publishes 'open-data.gewijzigd' so that what is derived from the open data (the amounts) is
// made again. The beheerder's decisions on an upload that would close many schools are here too.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { isoDate } from './peildatum.ts';
import { DuoFileError, type DuoFileGroup } from './parse/parse.ts';
import { importCbsFile, importDuoFile, linkScores } from './importer.ts';
import * as repo from '../repository/imports.ts';
import '../events.ts';

export const importQueue = 'duo-import';

/** Progress of running imports in this process (the transaction hides it from other connections). */
export const importProgress = new Map<number, { phase: string; done: number; total: number }>();

export const uploadKinds = {
  scholen: 'DUO: scholen (vestigingen)',
  leerlingen: 'DUO: leerlingen per vestiging',
  besturen: 'DUO: besturen (bevoegde gezagen)',
  cbs: 'CBS: achterstandsscores (.xlsx)',
} as const;
export type UploadKind = keyof typeof uploadKinds;

/** Runs one waiting import, then tells the subscribers. Used by the job and, without jobs, inline. */
export async function runImport(platform: Platform, importId: number): Promise<void> {
  const db = platform.database.db;
  const row = await repo.findImportToRun(db, importId);
  if (!row || row.status !== 'wachtend' || !row.content) return;
  const options = (row.options ?? {}) as repo.ImportRowOptions;
  const opts = {
    fileName: row.file_name,
    importId,
    personId: row.person_id,
    expected: (options.expected ?? undefined) as DuoFileGroup | undefined,
    year: options.year ?? undefined,
    peildatum: options.peildatum ?? undefined,
    allowMassClose: options.allowMassClose === true,
    today: platform.now().toISOString().slice(0, 10),
    progress: (phase: string, done: number, total: number) =>
      importProgress.set(importId, { phase, done, total }),
  };
  try {
    if (row.source === 'cbs') await importCbsFile(db, Buffer.from(row.content), opts);
    else await importDuoFile(db, Buffer.from(row.content), opts);
  } catch (err) {
    // The import row already says why it failed. A fault that is not the file's goes on to the
    // caller (the job, which records it; inline, the route logs it); the row is no longer
    // 'wachtend', so a retry of the job does nothing.
    if (err instanceof DuoFileError) return;
    throw err;
  } finally {
    importProgress.delete(importId);
  }
  await linkScores(db);
  await platform.events.publish('open-data.gewijzigd', {
    reason: `Import ${row.file_name}`,
    personId: row.person_id,
  });
}

/**
 * An import left 'bezig' when the platform stopped (a crash, a restart) was rolled back with its
 * transaction: it is marked failed at start, so its page does not keep saying "Bezig".
 */
export async function failInterruptedImports(db: Kysely<DB>): Promise<number> {
  return repo.failInterrupted(
    db,
    'De import is onderbroken doordat het platform stopte; er is niets veranderd. Upload het bestand opnieuw.',
    new Date(),
  );
}

export interface UploadFields {
  soort?: string;
  jaar?: string;
  peildatum?: string;
}

export interface Upload {
  kind: UploadKind;
  year: number | undefined;
  peildatum: string | undefined;
  file: { name: string; data: Buffer };
}

/** Checks the upload form: a Dutch message per field, or what to import. */
export function validateUpload(
  fields: UploadFields,
  file: { name: string; data: Buffer } | null,
): { ok: true; upload: Upload } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = (Object.keys(uploadKinds) as UploadKind[]).find((k) => k === fields.soort);
  if (!kind) errors.soort = 'Kies wat voor bestand u uploadt.';
  const yearText = (fields.jaar ?? '').trim();
  const year = yearText === '' ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2100))
    errors.jaar = 'Vul een jaartal in, bijvoorbeeld 2020, of laat dit veld leeg.';
  const peildatumText = (fields.peildatum ?? '').trim();
  if (peildatumText !== '' && !isoDate(peildatumText))
    errors.peildatum = 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2020-12-01, of laat dit veld leeg.';
  if (!file || file.data.length === 0) errors.bestand = 'Kies een bestand om te uploaden.';
  if (!kind || !file || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, upload: { kind, year, peildatum: peildatumText || undefined, file } };
}

/**
 * Stores an upload as a waiting import and, with a job queue, queues its job in the same
 * transaction. Without one the caller runs it after the commit (runImportNow).
 */
export async function queueUpload(
  platform: Platform,
  trx: Kysely<DB>,
  upload: Upload,
  personId: number | null,
): Promise<number> {
  const id = await repo.insertImportRow(trx, {
    source: upload.kind === 'cbs' ? 'cbs' : 'duo',
    fileName: upload.file.name,
    sha256: crypto.createHash('sha256').update(upload.file.data).digest('hex'),
    sizeBytes: upload.file.data.length,
    status: 'wachtend',
    personId,
    options: {
      expected: upload.kind === 'cbs' ? null : upload.kind,
      year: upload.year ?? null,
      peildatum: upload.peildatum ?? null,
    },
    content: upload.file.data,
  });
  if (platform.jobs) await platform.jobs.send(importQueue, { importId: id }, { trx, retryLimit: 1 });
  return id;
}

/**
 * The beheerder's decision on an upload that would close more than the set share of a sector's
 * schools: 'sluiten' queues it again with closing allowed, 'annuleren' ends it. Returns the
 * file name, or null when no import waits for a decision.
 */
export async function decideConfirmation(
  platform: Platform,
  trx: Transaction<DB>,
  importId: number,
  decision: 'sluiten' | 'annuleren',
): Promise<string | null> {
  const row = await repo.lockImportAwaitingConfirmation(trx, importId);
  if (!row) return null;
  if (decision === 'sluiten') {
    await repo.setImportWaiting(trx, importId, { ...(row.options ?? {}), allowMassClose: true });
    if (platform.jobs) await platform.jobs.send(importQueue, { importId }, { trx, retryLimit: 1 });
  } else {
    await repo.cancelImport(
      trx,
      importId,
      'U hebt de import geannuleerd; er is niets veranderd.',
      new Date(),
    );
  }
  return row.file_name;
}

/** Runs an import right away when there is no job queue; a failure is logged, the row records it. */
export async function runImportNow(platform: Platform, importId: number): Promise<void> {
  try {
    await runImport(platform, importId);
  } catch (err) {
    platform.log.error({ err, importId }, 'Import mislukt door een fout buiten het bestand');
  }
}
