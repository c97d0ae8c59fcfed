// The benchmark harness: starts the platform in a child process (PGlite in a fresh data folder,
// or a fresh database on the PostgreSQL server of DATABASE_URL), drives it with autocannon on
// 127.0.0.1 for a bounded time, and measures a bare node:http server serving the same bytes
// in the same run as the reference.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '..');

/** The node arguments of `npm start`, so the benchmark runs the platform exactly as users do. */
function startArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  // `exec node …`: npm start replaces its shell with node, so signals reach the platform.
  const [cmd, ...args] = String(pkg.scripts.start)
    .replace(/^exec\s+/, '')
    .split(/\s+/);
  if (cmd !== 'node') throw new Error('npm start moet met (exec) node beginnen');
  return args;
}

export interface Platform {
  url: string;
  pid: number;
  dataDir: string;
  databaseUrl?: string;
  /** Milliseconds from spawn to the first 200 on /healthz. */
  startMs: number;
  rssMb(): number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

export interface LoadResult {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytesPerReq: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = s.match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

export const engine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A new, empty database on the server of DATABASE_URL; dropped by the returned function. */
export async function freshServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `npo_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'npo-bench-'));
}

/** Runs the CLI against a data folder / database (the platform must not be running on it). */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')}: exit ${code}\n${out}`)),
    );
  });
}

export async function startPlatform(
  opts: { dataDir?: string; databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<Platform> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? tempDataDir();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    // As `npm start` runs it: demo data with known passwords, which production refuses.
    NODE_ENV: 'development',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO: 'true',
    ...opts.env,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, startArgs(), {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Het platform stopte bij het starten:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000)
      throw new Error(`Het platform startte niet binnen 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    dataDir,
    databaseUrl: opts.databaseUrl,
    startMs,
    rssMb: () => procStatus(child.pid!, 'VmRSS'),
    peakRssMb: () => procStatus(child.pid!, 'VmHWM'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A bare node:http server in its own process that answers every request with these bytes and
 * these headers (the platform's own, so both send the same response).
 */
export async function startReference(
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const file = path.join(tempDataDir(), 'body');
  fs.writeFileSync(file, body);
  const script = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(file)});
    http.createServer((req, res) => {
      res.writeHead(200, { ...${JSON.stringify(headers)}, 'content-length': body.length });
      res.end(body);
    }).listen(${port}, '127.0.0.1', () => process.send('ready'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((r) => child.once('message', r));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export interface LoadOptions {
  label: string;
  url: string;
  connections?: number;
  durationSec?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Different paths per request (round robin), e.g. many search terms. */
  paths?: string[];
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const requests = o.paths?.map((p) => ({ path: p, method: o.method ?? 'GET' }));
  const r = await autocannon({
    url: o.url,
    connections: o.connections ?? 16,
    duration: o.durationSec ?? Number(process.env.BENCH_SECONDS ?? 8),
    method: o.method ?? 'GET',
    headers: o.headers,
    body: o.body,
    requests,
  });
  return {
    label: o.label,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerReq: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

export function printLoad(rows: LoadResult[]) {
  const head = ['', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx', 'bytes/req'];
  const lines = rows.map((r) =>
    [r.label, r.rps, r.p50, r.p99, r.requests, r.errors, r.non2xx, r.bytesPerReq].map(String),
  );
  printTable(head, lines);
}

export function printTable(head: string[], lines: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
}

/** Starts the platform on the configured engine, runs fn, and always cleans up. */
export async function withPlatform<T>(
  fn: (p: Platform) => Promise<T>,
  opts: { env?: Record<string, string> } = {},
): Promise<T> {
  const server = engine === 'postgres' ? await freshServerDatabase() : undefined;
  const platform = await startPlatform({ databaseUrl: server?.url, env: opts.env });
  try {
    return await fn(platform);
  } finally {
    await platform.stop();
    await server?.drop();
    if (!server) fs.rmSync(platform.dataDir, { recursive: true, force: true });
  }
}

/** Compares the platform with the reference for the same bytes at one URL path. */
export async function compareWithReference(
  p: Platform,
  urlPath: string,
  label: string,
  connections = 16,
): Promise<LoadResult[]> {
  const res = await fetch(p.url + urlPath);
  if (res.status !== 200) throw new Error(`${urlPath} gaf ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k))
      headers[k] = v;
  });
  const ref = await startReference(body, headers);
  try {
    const platformResult = await load({ label: `platform ${label}`, url: p.url + urlPath, connections });
    const refResult = await load({
      label: `node:http, same ${body.length} bytes + headers`,
      url: ref.url,
      connections,
    });
    return [platformResult, refResult];
  } finally {
    await ref.stop();
  }
}

export interface Scenario {
  name: string;
  description: string;
  run(args: string[]): Promise<void>;
}
