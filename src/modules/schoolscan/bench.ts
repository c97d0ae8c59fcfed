// Benchmarks of the schoolscan (`npm run bench -- schoolscan`):
//  (a) importing a 1,500-pupil school's generated LVS file (about 32,500 results, 2018-2019 to
//      2021-2022) and its first analysis, in this process: parse and check, pseudonymise and
//      store, read and analyse (with the growth of the same pupils). Target: under 2 s on
//      PGlite. Always measured on PGlite; also on PostgreSQL when DATABASE_URL is set.
//  (b) the analysis page of that school for its school leader at 8 connections, on the
//      engine of DATABASE_URL (target: p99 under 100 ms on PostgreSQL), side by side in the
//      same run with two references: the platform's /healthz (the same stack, no work) and a
//      bare node:http server sending the page's bytes.
// Arguments: `npm run bench -- schoolscan [connections] [import|pagina]`.
// Wall time depends on what else the machine runs; the CPU time of this process is printed
// beside it for (a) (PGlite runs in this process; on PostgreSQL the server's share is not in it).
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import {
  engine,
  freshServerDatabase,
  load,
  printLoad,
  printTable,
  startPlatform,
  startReference,
  tempDataDir,
} from '../../../bench/harness.ts';
import type { BenchScenario } from '../../platform/module.ts';
import type { DB } from '../../platform/db/schema.ts';
import { openEmbedded, openServer, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { startJobs } from '../../platform/jobs/jobs.ts';
import { createSession, sessionCookie } from '../../platform/auth/session.ts';
import { generateLvs, toFlatCsv } from './services/generator.ts';
import { checkLvsFile, storeLvsImport } from './services/import.ts';
import { createAnalysisSource } from './services/school-analysis.ts';

const pupils = 1500;
const fromYear = 2018;
const toYear = 2021;
const runs = Number(process.env.BENCH_RUNS ?? 5);

interface BenchDb {
  database: Database;
  dataDir?: string;
  url?: string;
  close(): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh, migrated database on PGlite (in a temporary folder) or on the server of DATABASE_URL. */
async function freshDb(kind: 'pglite' | 'postgres'): Promise<BenchDb> {
  if (kind === 'postgres') {
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

let schools = 0;
/** A board with one school (and, with `leader`, a school leader with a signed-in session). */
async function newSchool(db: Kysely<DB>, leader = false): Promise<{ schoolId: number; cookie?: string }> {
  const tag = `${process.pid}-${++schools}`;
  const board = await db
    .insertInto('organisation')
    .values({ kind: 'bestuur', code: `BENCHB${tag}`, name: `Benchbestuur ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const school = await db
    .insertInto('organisation')
    .values({
      kind: 'school',
      code: `BENCHS${tag}`,
      name: `Benchschool ${tag}`,
      parent_id: board.id,
      sector: 'BO',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!leader) return { schoolId: school.id };
  const person = await db
    .insertInto('person')
    .values({ email: `schoolleider-${tag}@bench.example`, name: 'Bench schoolleider' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: school.id, role: 'schoolleider' })
    .execute();
  const { token } = await createSession(db, person.id, { mfaVerified: true });
  return { schoolId: school.id, cookie: `${sessionCookie}=${token}` };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface ImportTimes {
  parse: number;
  store: number;
  analyse: number;
  total: number;
  cpu: number;
}

/** One import and first analysis of the file for a new school. */
async function importAndAnalyse(db: Kysely<DB>, file: Buffer): Promise<ImportTimes & { rows: number }> {
  const { schoolId } = await newSchool(db);
  const c0 = cpuMs();
  const t0 = performance.now();
  const checked = checkLvsFile({ name: 'bench-lvs.csv', data: file });
  if (!checked.ok) throw new Error('Het gegenereerde bestand werd geweigerd.');
  const t1 = performance.now();
  const stored = await db
    .transaction()
    .execute((trx) => storeLvsImport(trx, checked, { schoolId, personId: null }));
  const t2 = performance.now();
  const analysis = await createAnalysisSource(db)(schoolId, toYear);
  const t3 = performance.now();
  if (!analysis?.comparisons.length) throw new Error('Geen analyse.');
  return {
    rows: stored.rows,
    parse: t1 - t0,
    store: t2 - t1,
    analyse: t3 - t2,
    total: t3 - t0,
    cpu: cpuMs() - c0,
  };
}

async function importBench(kind: 'pglite' | 'postgres', file: Buffer) {
  const bench = await freshDb(kind);
  try {
    const times: ImportTimes[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const t = await importAndAnalyse(bench.database.db, file);
      rows = t.rows;
      times.push(t);
    }
    const col = (k: keyof ImportTimes) => median(times.map((t) => t[k])).toFixed(0);
    printTable(
      [
        `import + analyse (${kind}, ${runs} runs, median)`,
        'results',
        'parse (ms)',
        'store (ms)',
        'analyse (ms)',
        'total (ms)',
        'cpu (ms)',
        'totals (ms)',
      ],
      [
        [
          `${pupils} pupils, ${fromYear}-${toYear + 1}`,
          String(rows),
          col('parse'),
          col('store'),
          col('analyse'),
          col('total'),
          col('cpu'),
          times.map((t) => t.total.toFixed(0)).join(' '),
        ],
      ],
    );
    const total = median(times.map((t) => t.total));
    if (kind === 'pglite')
      console.log(
        `Import + first analysis on PGlite: ${total.toFixed(0)} ms (target < 2000 ms) ${total < 2000 ? 'OK' : 'TOO SLOW'}; cpu ${col('cpu')} ms`,
      );
  } finally {
    await bench.close();
    await bench.drop();
  }
}

async function pageBench(file: Buffer, connections: number) {
  const bench = await freshDb(engine);
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
  try {
    const db = bench.database.db;
    const { schoolId, cookie } = await newSchool(db, true);
    const checked = checkLvsFile({ name: 'bench-lvs.csv', data: file });
    if (!checked.ok) throw new Error('Het gegenereerde bestand werd geweigerd.');
    await db.transaction().execute((trx) => storeLvsImport(trx, checked, { schoolId, personId: null }));
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', `${toYear}-${toYear + 1}`)
      .executeTakeFirstOrThrow();
    await bench.close();
    platform = await startPlatform({
      dataDir: bench.dataDir,
      databaseUrl: bench.url,
      env: { DEMO: 'false', OPEN_DATA_AUTOLOAD: 'false' },
    });
    const pagePath = `/scholen/${schoolId}/schoolscan/${year.id}/analyse`;
    const headers = { cookie: cookie! };
    const t = performance.now();
    const first = await fetch(platform.url + pagePath, { headers });
    const body = Buffer.from(await first.arrayBuffer());
    const coldMs = performance.now() - t;
    if (first.status !== 200)
      throw new Error(`${pagePath} gaf ${first.status}: ${body.toString().slice(0, 300)}`);
    if (!body.includes('Groei van dezelfde leerlingen')) throw new Error('De pagina mist de groei-sectie.');
    const pageHeaders: Record<string, string> = {};
    first.headers.forEach((v, k) => {
      if (
        !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'set-cookie'].includes(k)
      )
        pageHeaders[k] = v;
    });
    const ref = await startReference(body, pageHeaders);
    try {
      const cpu0 = processCpuMs(platform.pid);
      const page = await load({
        label: `analysis page, ${pupils} pupils (${engine}, ${connections} conn.)`,
        url: platform.url + pagePath,
        connections,
        headers,
      });
      const serverCpuPerPage = (processCpuMs(platform.pid) - cpu0) / Math.max(1, page.requests);
      const health = await load({
        label: `platform /healthz (${engine}, ${connections} conn.)`,
        url: `${platform.url}/healthz`,
        connections,
      });
      const bare = await load({
        label: `node:http, same ${body.length} bytes`,
        url: ref.url,
        connections,
      });
      printLoad([page, health, bare]);
      console.log(
        `First (uncached) request of the page: ${coldMs.toFixed(0)} ms; platform process CPU per page: ${serverCpuPerPage.toFixed(1)} ms; cpu cores: ${os.cpus().length}; load average: ${os.loadavg()[0]!.toFixed(1)}`,
      );
      console.log(
        `Analysis page p99 (${engine}): ${page.p99} ms (target < 100 ms on PostgreSQL) ${page.p99 < 100 ? 'OK' : 'TOO SLOW'}; non-2xx: ${page.non2xx}`,
      );
    } finally {
      await ref.stop();
    }
  } finally {
    await platform?.stop();
    await bench.drop();
  }
}

const schoolscan: BenchScenario = {
  name: 'schoolscan',
  description:
    'LVS-import en eerste analyse van een school met 1.500 leerlingen (doel < 2 s op PGlite) en de analysepagina bij 8 verbindingen (doel p99 < 100 ms op PostgreSQL)',
  async run(args) {
    // Arguments: [connections] [import|pagina] (default: 8, both parts).
    const connections = Number(args[0] ?? 8);
    const part = args[1];
    const file = Buffer.from(toFlatCsv(generateLvs({ pupils, fromYear, toYear, seed: 2021 })), 'utf8');
    console.log(`Generated file: ${(file.length / 1024 / 1024).toFixed(1)} MB`);
    if (part !== 'pagina') {
      await importBench('pglite', file);
      if (engine === 'postgres') await importBench('postgres', file);
    }
    if (part !== 'import') await pageBench(file, connections);
  },
};

export const scenarios: BenchScenario[] = [schoolscan];
