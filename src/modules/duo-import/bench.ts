// Benchmarks of duo-import (`npm run bench -- import-duo`): importing every shipped DUO file
// (schools old and new layout, VO schools, PO pupil history, VO pupils by onderwijstype) into a
// fresh database, in this process. Targets: all DUO files under 10 s on PGlite, under 5 s on
// PostgreSQL. Also: a second, unchanged import (idempotent). The helpers below (a fresh,
// migrated database on the benchmark's engine, and the national dataset in it) serve the
// funding benchmark too.
import path from 'node:path';
import fs from 'node:fs';
import { engine, freshServerDatabase, printTable, tempDataDir } from '../../../bench/harness.ts';
import type { BenchScenario } from '../../platform/module.ts';
import { openEmbedded, openServer, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { startJobs } from '../../platform/jobs/jobs.ts';
import { importCbsFile, importDuoFile, linkScores } from './services/importer.ts';
import { readShipped, shippedCbsFiles, shippedDuoFiles } from './services/shipped.ts';

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

const importDuo: BenchScenario = {
  name: 'import-duo',
  description:
    'Alle meegeleverde DUO-bestanden importeren in een lege database (doel: < 10 s PGlite, < 5 s PostgreSQL)',
  async run() {
    const bench = await freshDatabase();
    try {
      const first = await importAllDuo(bench.database);
      const cbs = await importAllCbs(bench.database);
      const second = await importAllDuo(bench.database);
      printTable(
        ['bestand', 'regels', 'eerste import (ms)', 'zelfde reeks opnieuw (ms)'],
        first.map((f, i) => [f.file, String(f.rows), f.ms.toFixed(0), second[i]!.ms.toFixed(0)]),
      );
      const total = first.reduce((s, f) => s + f.ms, 0);
      const again = second.reduce((s, f) => s + f.ms, 0);
      const target = engine === 'postgres' ? 5000 : 10000;
      console.log(`CBS achterstandsscores: ${cbs.toFixed(0)} ms`);
      console.log(
        `All DUO files (${engine}): ${(total / 1000).toFixed(2)} s (target < ${target / 1000} s) ${total < target ? 'OK' : 'TOO SLOW'}; same sequence again ${(again / 1000).toFixed(2)} s`,
      );
    } finally {
      await bench.close();
      await bench.drop();
    }
  },
};

export const scenarios: BenchScenario[] = [importDuo];
