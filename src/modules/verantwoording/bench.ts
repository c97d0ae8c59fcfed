// Benchmark of monitoring at national scale (`npm run bench -- monitoring [seconds]`): the whole
// national dataset made once with `generate-national` (all schools and boards, their answers to
// every published questionnaire over the four school years, confirmed annual reports), then, each
// beside a reference that does no work (the platform's /healthz and a bare node:http server
// sending the same bytes and headers):
// - the analist's dashboard with any filter at 8 connections (p95 < 200 ms): first each of 60
//   filter combinations once, one after the other (the first view of a filter computes it), then
//   all of them in turn at 8 connections;
// - the CSV export of all answers of one round (< 3 s per download);
// - a school leader's questionnaire section page at 32 connections (p99 < 50 ms).
// `npm run bench -- monitoring onderdeel` (or dashboard, csv; several may be named) runs only those
// parts. The engine is DATABASE_URL's (PostgreSQL, where the targets apply) or PGlite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import {
  engine,
  freshServerDatabase,
  printTable,
  runCli,
  startPlatform,
  startReference,
  tempDataDir,
} from '../../../bench/harness.ts';
import type { BenchScenario } from '../../platform/module.ts';
import { openEmbedded, openServer, type Database } from '../../platform/db/database.ts';
import { benchSetup, type BenchSetup } from './repository/bench-setup.ts';
import { boardSizeValues, provinces, scoreBandValues, sectorValues } from './services/monitoring-filters.ts';

const parts = ['dashboard', 'csv', 'onderdeel'] as const;
type Part = (typeof parts)[number];

/**
 * 60 dashboard addresses: no filter, then one, two or three filters at a time (sector, province,
 * denomination, board size, achterstandsscore band, school year's round), the dimensions and
 * their values taken in turn, so every run asks the same list.
 */
export function dashboardPaths(roundIds: number[], denominations: string[], count = 60): string[] {
  const all: Array<[string, readonly string[]]> = [
    ['sector', sectorValues],
    ['provincie', provinces],
    ['denominatie', denominations],
    ['bestuursgrootte', boardSizeValues],
    ['achterstand', scoreBandValues],
    ['vragenlijst', roundIds.map(String)],
  ];
  const dims = all.filter((d) => d[1].length > 0);
  // A fixed seed (mulberry32): the same list every run.
  let seed = 20210521;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
  const paths = new Set(['/monitoring']);
  for (let i = 0; paths.size < count && i < count * 20; i++) {
    const q = new URLSearchParams();
    const chosen = [...dims].sort(() => next(3) - 1).slice(0, 1 + (i % 3));
    for (const [name, values] of chosen) q.set(name, values[next(values.length)]!);
    paths.add(`/monitoring?${q}`);
  }
  return [...paths];
}

interface Measured {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

/**
 * autocannon with every response time kept, so p95 is exact (autocannon itself reports p97.5).
 * Two seconds of the same load go first, unmeasured (BENCH_WARMUP_SECONDS), for the platform and
 * the reference alike: a server that has run for a while has compiled its hot code, and the
 * first seconds after a start measure the compiler rather than the page.
 */
async function measure(o: {
  label: string;
  url: string;
  paths?: string[];
  connections: number;
  cookie?: string;
}): Promise<Measured> {
  const times: number[] = [];
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
  const options = {
    url: o.url,
    connections: o.connections,
    headers: o.cookie ? { cookie: o.cookie } : undefined,
    requests: o.paths?.map((p) => ({ path: p, method: 'GET' as const })),
  };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  const instance = autocannon({ ...options, duration: seconds });
  // Without a callback autocannon returns its instance, which is both a promise and an emitter.
  (instance as unknown as autocannon.Instance).on('response', (_client, _status, _bytes, ms) =>
    times.push(ms),
  );
  const r = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!) : NaN;
  return {
    label: o.label,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

function printMeasured(rows: Measured[]) {
  printTable(
    ['', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', 'bytes/req'],
    rows.map((r) =>
      [r.label, r.rps, r.p50, r.p95, r.p99, r.requests, r.non2xx, r.errors, r.bytes].map(String),
    ),
  );
}

/** The first response of a path: its bytes and headers, for a reference that sends the same. */
async function firstResponse(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (
      !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'set-cookie'].includes(k)
    )
      headers[k] = v;
  });
  // What a browser keeps and sends back on its next request (the form's CSRF secret).
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { status: res.status, body, headers, cookies };
}

/** The reference: a bare node:http server sending the same bytes and headers. */
async function sameBytes(page: { body: Buffer; headers: Record<string, string> }, connections: number) {
  const ref = await startReference(page.body, page.headers);
  try {
    return await measure({
      label: `node:http, dezelfde ${page.body.length} bytes`,
      url: ref.url,
      connections,
    });
  } finally {
    await ref.stop();
  }
}

/** One download, timed until its last byte. */
async function download(
  url: string,
  cookie?: string,
): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - t, bytes: body.length, status: res.status };
}

async function freshDataset(): Promise<{
  env: Record<string, string>;
  dataDir: string;
  url?: string;
  drop(): Promise<void>;
}> {
  // Generating takes minutes: MONITORING_BENCH_DATABASE_URL names a PostgreSQL database that
  // generate-national filled before, which is used as it is and kept.
  const kept = process.env.MONITORING_BENCH_DATABASE_URL;
  if (kept) {
    const dataDir = tempDataDir();
    console.log('Bestaande landelijke database (MONITORING_BENCH_DATABASE_URL)');
    return {
      env: {},
      dataDir,
      url: kept,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const server = engine === 'postgres' ? await freshServerDatabase() : undefined;
  const dataDir = tempDataDir();
  const env: Record<string, string> = { DATA_DIR: dataDir, NODE_ENV: 'development' };
  if (server) env.DATABASE_URL = server.url;
  const t = performance.now();
  const out = await runCli(['generate-national'], env);
  console.log(
    `generate-national (${engine}): ${((performance.now() - t) / 1000).toFixed(1)} s` +
      `\n${out.match(/^ +\d+ vragenlijsten.*$/m)?.[0]?.trim() ?? '(geen regel van de stap verantwoording)'}`,
  );
  return {
    env,
    dataDir,
    url: server?.url,
    drop: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await server?.drop();
    },
  };
}

async function open(dataset: { dataDir: string; url?: string }): Promise<Database> {
  return dataset.url
    ? openServer(dataset.url, { poolMax: 2, retries: 0 })
    : openEmbedded(dataset.dataDir, path.join(dataset.dataDir, 'pglite'));
}

const monitoring: BenchScenario = {
  name: 'monitoring',
  description:
    'Monitoring met landelijke data (generate-national): dashboard met 60 filtercombinaties bij 8 verbindingen (doel p95 < 200 ms), CSV van een ronde (doel < 3 s), onderdeel van de vragenlijst bij 32 verbindingen (doel p99 < 50 ms); alleen een deel: monitoring dashboard, csv of onderdeel',
  async run(args: string[]) {
    const unknown = args.filter((a) => !(parts as readonly string[]).includes(a));
    if (unknown.length)
      throw new Error(
        `Onbekend onderdeel van de meting: ${unknown.join(', ')} (kies uit ${parts.join(', ')})`,
      );
    const wanted = new Set<Part>(args.length ? (args as Part[]) : parts);
    const dataset = await freshDataset();
    let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
    try {
      let setup: BenchSetup;
      const database = await open(dataset);
      try {
        // Statistics as a server's autovacuum would have made them after the bulk generation:
        // without them (autovacuum off, or the embedded engine, which has none) the planner
        // takes the freshly filled tables for empty and a first view of a filter took up to 23 s.
        const t = performance.now();
        await sql`analyze`.execute(database.db);
        console.log(`analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
        setup = await benchSetup(database.db);
      } finally {
        await database.close();
      }
      console.log(
        `Ronde: ${setup.slug} (vragenlijst ${setup.questionnaireId}, ${setup.submissions} inzendingen); ` +
          `school ${setup.schoolId}, onderdeel ${setup.sectionKey}`,
      );
      platform = await startPlatform({
        dataDir: dataset.dataDir,
        databaseUrl: dataset.url,
        env: { DEMO: 'false', OPEN_DATA_AUTOLOAD: 'false' },
      });
      const base = platform.url;
      const dashboard = dashboardPaths(setup.roundIds, setup.denominations);
      const csvPath = `/monitoring/vragenlijsten/${setup.questionnaireId}/antwoorden.csv`;
      const sectionPath = `/scholen/${setup.schoolId}/verantwoording/${setup.questionnaireId}/onderdelen/${setup.sectionKey}`;
      const rows: Measured[] = [];
      const verdicts: string[] = [];
      const check = async (p: string, cookie: string) => {
        const r = await firstResponse(base + p, cookie);
        if (r.status !== 200) verdicts.push(`${p} gaf ${r.status}: niet gemeten (is de route er al?)`);
        return r.status === 200 ? r : undefined;
      };

      // Dashboard: each filter once (its first view computes it), then all in turn at 8 connections.
      if (wanted.has('dashboard')) {
        const first: number[] = [];
        let failed = 0;
        for (const p of dashboard) {
          const d = await download(base + p, setup.analistCookie);
          first.push(d.ms);
          if (d.status !== 200) failed++;
        }
        const sorted = [...first].sort((a, b) => a - b);
        const slowest = dashboard[first.indexOf(sorted.at(-1)!)];
        console.log(
          `dashboard, eerste keer per filter (${dashboard.length} filters na elkaar): ` +
            `p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, ` +
            `p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(0)} ms, ` +
            `traagste ${sorted.at(-1)!.toFixed(0)} ms (${slowest}); niet-200: ${failed}`,
        );
        const r = await measure({
          label: `dashboard, ${dashboard.length} filters om de beurt (${engine}, 8 conn.)`,
          url: base,
          paths: dashboard,
          connections: 8,
          cookie: setup.analistCookie,
        });
        rows.push(r);
        const dash = await check(dashboard[0]!, setup.analistCookie);
        if (dash) {
          rows.push(await sameBytes(dash, 8));
        }
        verdicts.push(
          `dashboard p95 (${engine}, elk filter): ${r.p95} ms (doel < 200 ms) ${r.p95 < 200 && r.non2xx === 0 && failed === 0 ? 'OK' : 'TE TRAAG of fouten'}`,
        );
        rows.push(
          await measure({
            label: `platform /healthz (${engine}, 8 conn.)`,
            url: `${base}/healthz`,
            connections: 8,
          }),
        );
      }

      // CSV of one round: a few downloads one after the other, and the same bytes from node:http.
      const csv = wanted.has('csv') ? await check(csvPath, setup.analistCookie) : undefined;
      if (csv) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) times.push((await download(base + csvPath, setup.analistCookie)).ms);
        const ref = await startReference(csv.body, csv.headers);
        let refMs = NaN;
        try {
          refMs = (await download(ref.url)).ms;
        } finally {
          await ref.stop();
        }
        const worst = Math.max(...times);
        const lines = csv.body.toString('utf8').split('\n').filter(Boolean).length - 1;
        printTable(
          ['CSV-export', 'bytes', 'regels', 'snelste ms', 'traagste ms', 'node:http ms'],
          [
            [
              csvPath,
              String(csv.body.length),
              String(lines),
              Math.min(...times).toFixed(0),
              worst.toFixed(0),
              refMs.toFixed(0),
            ],
          ],
        );
        verdicts.push(
          `CSV-export (${engine}): ${(worst / 1000).toFixed(2)} s (doel < 3 s) ${worst < 3000 ? 'OK' : 'TE TRAAG'}`,
        );
      }

      // The school leader's section page at 32 connections.
      const section = wanted.has('onderdeel') ? await check(sectionPath, setup.schoolCookie) : undefined;
      if (section) {
        const r = await measure({
          label: `onderdeel vragenlijst (${engine}, 32 conn.)`,
          url: base + sectionPath,
          connections: 32,
          // As a browser would: the school leader's session and the form's cookie from the first view.
          cookie: [setup.schoolCookie, ...section.cookies].join('; '),
        });
        rows.push(r);
        rows.push(await sameBytes(section, 32));
        rows.push(
          await measure({
            label: `platform /healthz (${engine}, 32 conn.)`,
            url: `${base}/healthz`,
            connections: 32,
          }),
        );
        verdicts.push(
          `onderdeel p99 (${engine}): ${r.p99} ms (doel < 50 ms) ${r.p99 < 50 && r.non2xx === 0 ? 'OK' : 'TE TRAAG of fouten'}`,
        );
      }
      printMeasured(rows);
      console.log(`cpu cores: ${os.cpus().length}; load average: ${os.loadavg()[0]!.toFixed(1)}`);
      for (const v of verdicts) console.log(v);
    } finally {
      await platform?.stop();
      await dataset.drop();
    }
  },
};

export const scenarios: BenchScenario[] = [monitoring];
