// Benchmark of the school programme (`npm run bench -- programme [connections]`): a generated
// board with 77 schools (the largest real board), each with a plan of realistic size
// (bench-seed.ts). Measured in one run, side by side with the platform's /healthz (the same
// stack, no work): the school's pages (`schoolPages`: the plan's home page, the budget overview
// and an evaluation page) for its school leader, and the board's overview and one drill-down for
// a board member, at 16 connections.
// Targets: a school's page p99 < 50 ms on PostgreSQL; the board overview p99 < 100 ms.
// The engine is DATABASE_URL's (PostgreSQL) or PGlite. Wall time depends on what else runs.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import {
  engine,
  freshServerDatabase,
  load,
  printLoad,
  startPlatform,
  tempDataDir,
  type LoadResult,
} from '../../../bench/harness.ts';
import type { BenchScenario } from '../../platform/module.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../../platform/db/tables.ts';
import { openEmbedded, openServer, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { startJobs } from '../../platform/jobs/jobs.ts';
import { createSession, sessionCookie } from '../../platform/auth/session.ts';
import { generateBoard, type GeneratedBoard } from './services/bench-seed.ts';

const schoolCount = 77;

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** A page to measure: who asks for it and its target p99 (ms). */
export interface BenchPage {
  label: string;
  path: string;
  as: 'school' | 'board';
  targetP99: number;
}

/** The school's pages measured (append the plan and budget pages here). */
export function schoolPages(g: GeneratedBoard): BenchPage[] {
  const school = g.schoolIds[0]!;
  return [
    {
      label: 'plan home page',
      path: `/scholen/${school}/schoolprogramma`,
      as: 'school',
      targetP99: 50,
    },
    {
      label: 'budget overview',
      path: `/scholen/${school}/schoolprogramma/begroting`,
      as: 'school',
      targetP99: 50,
    },
    {
      label: 'evaluation page of an intervention',
      path: `/scholen/${school}/schoolprogramma/interventies/${g.planInterventionIds[0]}/evaluatie`,
      as: 'school',
      targetP99: 50,
    },
  ];
}

export function boardPages(g: GeneratedBoard): BenchPage[] {
  return [
    {
      label: `board overview, ${g.schoolIds.length} schools`,
      path: `/besturen/${g.boardId}/schoolprogrammas`,
      as: 'board',
      targetP99: 100,
    },
    {
      label: 'board drill-down of one school',
      path: `/besturen/${g.boardId}/schoolprogrammas/${g.schoolIds[0]}`,
      as: 'board',
      targetP99: 100,
    },
  ];
}

async function freshDb(): Promise<{
  database: Database;
  dataDir?: string;
  url?: string;
  drop(): Promise<void>;
}> {
  if (engine === 'postgres') {
    const server = await freshServerDatabase();
    const database = await openServer(server.url, { poolMax: 4, retries: 0 });
    await migrateToLatest(database.db);
    await (await startJobs(database.pool, { schedule: false })).stop();
    return { database, url: server.url, drop: server.drop };
  }
  const dataDir = tempDataDir();
  const database = await openEmbedded(dataDir, path.join(dataDir, 'pglite'));
  await migrateToLatest(database.db);
  await (await startJobs(database.pool, { schedule: false })).stop();
  return { database, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function signedIn(db: Kysely<DB>, role: Role, organisationId: number): Promise<string> {
  const person = await db
    .insertInto('person')
    .values({ email: `${role}-${organisationId}@bench.example`, name: `Bench ${role}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: organisationId, role })
    .execute();
  const { token } = await createSession(db, person.id, { mfaVerified: true });
  return `${sessionCookie}=${token}`;
}

const programme: BenchScenario = {
  name: 'programme',
  description:
    "Schoolprogramma: een bestuur met 77 scholen met elk een plan; pagina's van de school (doel p99 < 50 ms op PostgreSQL) en het bestuursoverzicht (doel p99 < 100 ms) bij 16 verbindingen",
  async run(args) {
    const connections = Number(args[0] ?? 16);
    const bench = await freshDb();
    let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
    try {
      const db = bench.database.db;
      const t0 = performance.now();
      const g = await generateBoard(db, { schools: schoolCount, seed: 2021, tag: 'bench' });
      console.log(
        `Generated ${g.schoolIds.length} schools in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${g.counts.interventions} interventions, ${g.counts.budgetLines} budget lines, ${g.counts.expenses} expenses, ${g.counts.evaluations} evaluations`,
      );
      const cookies = {
        school: await signedIn(db, 'schoolleider', g.schoolIds[0]!),
        board: await signedIn(db, 'bestuur', g.boardId),
      };
      await bench.database.close();
      platform = await startPlatform({
        dataDir: bench.dataDir,
        databaseUrl: bench.url,
        env: { DEMO: 'false', OPEN_DATA_AUTOLOAD: 'false' },
      });
      const pages = [...schoolPages(g), ...boardPages(g)];
      for (const p of pages) {
        const res = await fetch(platform.url + p.path, { headers: { cookie: cookies[p.as] } });
        if (res.status !== 200)
          throw new Error(`${p.path} gaf ${res.status}: ${(await res.text()).slice(0, 300)}`);
      }
      const results: LoadResult[] = [];
      // The platform process's CPU per request does not depend on what else the machine runs
      // (on PostgreSQL the server's own share is not in it).
      const cpuPerRequest: number[] = [];
      for (const p of pages) {
        const cpu0 = processCpuMs(platform.pid);
        const r = await load({
          label: `${p.label} (${engine}, ${connections} conn.)`,
          url: platform.url + p.path,
          connections,
          headers: { cookie: cookies[p.as] },
        });
        cpuPerRequest.push((processCpuMs(platform.pid) - cpu0) / Math.max(1, r.requests));
        results.push(r);
      }
      results.push(
        await load({
          label: `platform /healthz (${engine}, ${connections} conn.)`,
          url: `${platform.url}/healthz`,
          connections,
        }),
      );
      printLoad(results);
      console.log(`cpu cores: ${os.cpus().length}; load average: ${os.loadavg()[0]!.toFixed(1)}`);
      pages.forEach((p, i) => {
        const r = results[i]!;
        console.log(
          `${p.label} p99 (${engine}): ${r.p99} ms (target < ${p.targetP99} ms) ${r.requests === 0 ? 'NO REQUEST FINISHED' : r.p99 < p.targetP99 ? 'OK' : 'TOO SLOW'}; platform CPU per request: ${cpuPerRequest[i]!.toFixed(1)} ms; non-2xx: ${r.non2xx}`,
        );
      });
    } finally {
      await platform?.stop();
      await bench.drop();
    }
  },
};

export const scenarios: BenchScenario[] = [programme];
