// Shared helpers of the funding benchmarks: a fresh, migrated database on the benchmark's
// engine, in this process, and the national dataset in it.
import path from 'node:path';
import fs from 'node:fs';
import { engine, freshServerDatabase, tempDataDir } from '../harness.ts';
import { openEmbedded, openServer, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { startJobs } from '../../src/platform/jobs/jobs.ts';
import { importCbsFile, importDuoFile, linkScores } from '../../src/modules/duo-import/services/importer.ts';
import { readShipped, shippedCbsFiles, shippedDuoFiles } from '../../src/modules/duo-import/services/shipped.ts';

export interface BenchDatabase {
  database: Database;
  dataDir?: string;
  url?: string;
  /** Closes the connection but keeps the data (to start the platform on it). */
  close(): Promise<void>;
  /** Removes the data. */
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<BenchDatabase> {
  if (engine === 'postgres') {
    const server = await freshServerDatabase();
    const database = await openServer(server.url, { poolMax: 4, retries: 0 });
    await migrateToLatest(database.db);
    const jobs = await startJobs(database.pool, { schedule: false });
    await jobs.stop();
    return { database, url: server.url, close: () => database.close(), drop: server.drop };
  }
  const dataDir = tempDataDir();
  const database = await openEmbedded(dataDir, path.join(dataDir, 'pglite'));
  await migrateToLatest(database.db);
  const jobs = await startJobs(database.pool, { schedule: false });
  await jobs.stop();
  return {
    database,
    dataDir,
    close: () => database.close(),
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Imports every shipped DUO file and returns the milliseconds per file. */
export async function importAllDuo(
  database: Database,
  today = '2026-01-01',
): Promise<{ file: string; ms: number; rows: number }[]> {
  const out = [];
  for (const f of shippedDuoFiles) {
    const t = performance.now();
    const s = await importDuoFile(database.db, readShipped(f), { fileName: path.basename(f), today });
    out.push({ file: path.basename(f), ms: performance.now() - t, rows: s.dataRows });
  }
  return out;
}

export async function importAllCbs(database: Database): Promise<number> {
  const t = performance.now();
  for (const f of shippedCbsFiles)
    await importCbsFile(database.db, readShipped(f), { fileName: path.basename(f), today: '2026-01-01' });
  await linkScores(database.db);
  return performance.now() - t;
}
