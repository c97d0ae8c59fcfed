// Loading the shipped open data (resources/open-data: every school, board, pupil count and CBS
// score) at first start, in a background job, with its progress in `open_data_load` so the
// public lookup can say "3 van 6 bestanden". The demo organisations stay beside the real ones.
import path from 'node:path';
import type { Kysely, Updateable } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { importCbsFile, importDuoFile, linkScores } from '../../duo-import/services/importer.ts';
import { readShipped, shippedCbsFiles, shippedDuoFiles } from '../../duo-import/services/shipped.ts';
import { recomputeAll } from './recompute.ts';
import * as loads from '../repository/open-data-load.ts';

export const openDataLoadQueue = 'open-data-laden';

export interface OpenDataLoadStatus {
  status: 'wachtend' | 'bezig' | 'klaar' | 'mislukt';
  filesDone: number;
  filesTotal: number;
  currentFile: string | null;
  message: string | null;
}

/** The shipped files in the order they make a national dataset (see duo-import/shipped.ts). */
export function shippedFiles(): { file: string; source: 'duo' | 'cbs' }[] {
  return [
    ...shippedDuoFiles.map((file) => ({ file, source: 'duo' as const })),
    ...shippedCbsFiles.map((file) => ({ file, source: 'cbs' as const })),
  ];
}

/** The newest load, or null when the shipped data was never queued in this database. */
export async function openDataLoadStatus(db: Kysely<DB>): Promise<OpenDataLoadStatus | null> {
  const r = await loads.newestLoad(db);
  return r
    ? {
        status: r.status,
        filesDone: r.files_done,
        filesTotal: r.files_total,
        currentFile: r.current_file,
        message: r.message,
      }
    : null;
}

/**
 * Queues the load once per database: only when the setting is on, there is a job queue, no
 * school came from a DUO file yet (an operator who imported files keeps them) and no load is
 * queued, running or done. A failed load is queued again at the next start.
 */
export async function requestOpenDataLoad(platform: Platform): Promise<boolean> {
  if (!platform.config.openDataAutoload || !platform.jobs) return false;
  const db = platform.database.db;
  const last = await openDataLoadStatus(db);
  if (last && last.status !== 'mislukt') return false;
  if (await loads.hasDuoSchool(db)) return false;
  const loadId = await loads.insertLoad(db, shippedFiles().length);
  await platform.jobs.send(openDataLoadQueue, { loadId }, { retryLimit: 0 });
  platform.log.info({ files: shippedFiles().length }, 'De open data worden op de achtergrond geladen');
  return true;
}

/** The job: every shipped file in its own transaction, then the amounts of every school year. */
export async function runOpenDataLoad(platform: Platform, loadId: number): Promise<void> {
  const db = platform.database.db;
  const files = shippedFiles();
  const started = performance.now();
  const set = (values: Updateable<DB['open_data_load']>) => loads.updateLoad(db, loadId, values);
  const today = platform.now().toISOString().slice(0, 10);
  try {
    await set({ status: 'bezig', started_at: platform.now() });
    for (const [i, { file, source }] of files.entries()) {
      const fileName = path.basename(file);
      await set({ current_file: fileName });
      const opts = { fileName, today };
      const buf = readShipped(file);
      if (source === 'duo') await importDuoFile(db, buf, opts);
      else await importCbsFile(db, buf, opts);
      await set({ files_done: i + 1 });
      platform.log.info(
        { file: fileName, done: i + 1, total: files.length },
        `Open data geladen: ${i + 1} van ${files.length} bestanden`,
      );
      platform.caches.invalidate('funding');
    }
    await linkScores(db);
    await set({ current_file: null, message: 'De bedragen worden berekend.' });
    await recomputeAll(db, platform.programme.id, 'Open data geladen bij de eerste start');
    await set({ status: 'klaar', message: null, finished_at: platform.now() });
    platform.log.info(
      { seconds: Math.round((performance.now() - started) / 100) / 10 },
      'Open data geladen en alle bedragen berekend',
    );
  } catch (err) {
    platform.log.error({ err }, 'Het laden van de open data is mislukt');
    await set({
      status: 'mislukt',
      message: (err instanceof Error ? err.message : String(err)).slice(0, 500),
      finished_at: platform.now(),
    }).catch(() => {}); // the database itself may be the problem; the log above has the cause
    throw err;
  } finally {
    platform.caches.invalidate('funding');
  }
}
