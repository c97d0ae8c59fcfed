// The platform as a process: bad configuration, a locked data folder, an unreachable
// PostgreSQL, a real start on a new data folder, and a graceful stop on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { freePort } from '../bench/harness.ts';

const root = path.resolve(import.meta.dirname, '..');

function run(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
  nodeArgs = ['--import', 'tsx'],
) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out })),
  );
  return { child, done, output: () => out };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'npo-proc-'));

test('bad configuration stops with exit code 2 and names the variable', async () => {
  const { done } = run('src/main.ts', { PORT: 'zeventig', DATA_DIR: tmp() });
  const { code, out } = await done;
  assert.equal(code, 2);
  assert.match(out, /PORT/);
});

test('a locked data folder is refused with a clear message and left unchanged', async () => {
  const dir = tmp();
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  fs.writeFileSync(path.join(dir, 'platform.lock'), String(holder.pid));
  try {
    const { code, out } = await run('src/main.ts', { DATA_DIR: dir, PORT: String(await freePort()) }).done;
    assert.equal(code, 1);
    assert.match(out, /in gebruik door proces/);
    assert.deepEqual(fs.readdirSync(dir), ['platform.lock']);
  } finally {
    holder.kill();
  }
});

test('an unreachable PostgreSQL is retried, then reported clearly', async () => {
  const port = await freePort(); // nothing listens there
  const { code, out } = await run('src/main.ts', {
    DATABASE_URL: `postgres://npo:geheim@127.0.0.1:${port}/npo`,
    DATABASE_CONNECT_RETRIES: '1',
    PORT: String(await freePort()),
  }).done;
  assert.equal(code, 1);
  assert.match(out, /niet bereikbaar/);
  assert.match(out, /nieuwe poging/);
  assert.doesNotMatch(out, /geheim/); // the password is not printed
});

test('npm start builds the bundle, starts on a new data folder, serves the Dutch home page, and stops gracefully on SIGTERM', async () => {
  const dir = tmp();
  const port = await freePort();
  // Exactly what `npm start` runs: the bundle in dist/, built when the sources are newer.
  const p = run('scripts/start.mjs', { DATA_DIR: dir, PORT: String(port), JOBS: 'false' }, [], []);
  const url = `http://127.0.0.1:${port}`;
  let home: Response | undefined;
  for (let i = 0; i < 600 && !home; i++) {
    try {
      home = await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.ok(home, p.output());
  assert.equal(home.status, 200);
  assert.match(await home.text(), /Nationaal Programma Onderwijs/);
  assert.match(p.output(), /draait op/);
  assert.ok(fs.existsSync(path.join(dir, 'platform.lock')));
  p.child.kill('SIGTERM');
  const { code } = await p.done;
  assert.equal(code, 0);
  assert.equal(fs.existsSync(path.join(dir, 'platform.lock')), false);
});

test('the CLI lists its commands', async () => {
  const { code, out } = await run('src/cli.ts', {}, ['--help']).done;
  assert.equal(code, 0);
  assert.match(out, /migrate/);
  assert.match(out, /seed-demo/);
});
