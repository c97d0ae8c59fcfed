// The platform as a process: bad configuration, a locked data folder, an unreachable
// PostgreSQL, a real start on a new data folder, and a graceful stop on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import net from 'node:net';
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

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

async function waitFor(ok: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ok();
}

test('SIGTERM to the npm start process stops the platform within 10 s and frees the port and the data lock', async () => {
  const dir = tmp();
  const port = await freePort();
  // The npm process itself, as a process manager or `kill -TERM <pid of npm>` would see it.
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      PORT: String(port),
      JOBS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  npm.stdout.on('data', (d) => (out += d));
  npm.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
  const lock = path.join(dir, 'platform.lock');
  let platformPid = 0;
  try {
    assert.ok(await waitFor(async () => !(await portFree(port)), 120_000), out);
    platformPid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0]);
    assert.ok(alive(platformPid));
    assert.notEqual(platformPid, npm.pid); // npm really runs the platform as another process

    const stoppedAt = Date.now();
    npm.kill('SIGTERM');
    const gone = await waitFor(() => !alive(platformPid) && npm.exitCode !== null, 10_000);
    assert.ok(gone, `na 10 s draait het platform (pid ${platformPid}) nog\n${out}`);
    assert.ok(Date.now() - stoppedAt < 10_000);
    assert.equal(await exited, 0, out);
    assert.equal(fs.existsSync(lock), false);
    assert.ok(await portFree(port));
  } finally {
    if (platformPid && alive(platformPid)) process.kill(platformPid, 'SIGKILL');
    npm.kill('SIGKILL');
  }
});

/** Every file and folder under dir that its group or others may read, write or enter. */
function groupOrWorldAccessible(dir: string): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) found.push(`${path.relative(dir, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  return found;
}

async function untilListening(port: number, output: () => string) {
  assert.ok(await waitFor(async () => !(await portFree(port)), 120_000), output());
}

test('after a start on a fresh data folder no file or folder in it is group or world accessible', async () => {
  const dir = tmp();
  // As an older version or a default shell umask left it: world-writable folder, readable mail.
  fs.chmodSync(dir, 0o777);
  fs.mkdirSync(path.join(dir, 'outbox'));
  fs.chmodSync(path.join(dir, 'outbox'), 0o777);
  fs.writeFileSync(path.join(dir, 'outbox', 'oud.json'), '{}');
  fs.chmodSync(path.join(dir, 'outbox', 'oud.json'), 0o666);
  const port = await freePort();
  const p = run('src/main.ts', { DATA_DIR: dir, PORT: String(port), JOBS: 'false' });
  await untilListening(port, p.output);
  assert.ok(fs.existsSync(path.join(dir, 'pglite', 'PG_VERSION')));
  // While running, PGlite may add a file as 0666 (Emscripten chmods it); no folder lets
  // anyone but the owner in, so such a file is out of reach until the stop narrows it.
  const foldersWhileRunning = groupOrWorldAccessible(dir).filter((e) =>
    fs.statSync(path.join(dir, e.split(' ')[0]!)).isDirectory(),
  );
  p.child.kill('SIGTERM');
  assert.equal((await p.done).code, 0, p.output());
  assert.deepEqual(foldersWhileRunning, []);
  assert.deepEqual(groupOrWorldAccessible(dir), []);
});

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'productie-geheim-van-minstens-32-tekens',
  TOTP_ENCRYPTION_KEY: 'ab'.repeat(32),
};

test('seed-demo refuses in production and opens no database', async () => {
  const dir = path.join(tmp(), 'data');
  const { code, out } = await run('src/cli.ts', { ...production, DATA_DIR: dir }, ['seed-demo']).done;
  assert.equal(code, 2, out);
  assert.match(out, /seed-demo weigert in productie/);
  assert.equal(fs.existsSync(dir), false);
});

test('a production start refuses a database that holds demo accounts, and releases the lock', async () => {
  const dir = tmp();
  // A folder once used in development: the demo accounts are in it.
  const seeded = await run('src/cli.ts', { DATA_DIR: dir, NODE_ENV: 'development' }, ['seed-demo']).done;
  assert.equal(seeded.code, 0, seeded.out);
  const p = run('src/main.ts', {
    ...production,
    DATA_DIR: dir,
    PORT: String(await freePort()),
    JOBS: 'false',
  });
  // A platform that starts anyway would run forever: stop it, so the test fails instead of hanging.
  const guard = setTimeout(() => p.child.kill('SIGTERM'), 90_000);
  const { code, out } = await p.done;
  clearTimeout(guard);
  assert.equal(code, 1, out);
  assert.match(out, /start niet in productie/);
  assert.match(out, /beheerder@demo\.nponderwijs\.example/);
  assert.doesNotMatch(out, /draait op/);
  assert.equal(fs.existsSync(path.join(dir, 'platform.lock')), false);
});

test('a production start has no demo accounts or public outbox, and says loudly that mail goes to files without SMTP_URL', async () => {
  const dir = tmp();
  const port = await freePort();
  const p = run('src/main.ts', {
    ...production,
    DATA_DIR: dir,
    PORT: String(port),
    JOBS: 'false',
    SMTP_URL: '',
  });
  try {
    await untilListening(port, p.output);
    const url = `http://127.0.0.1:${port}`;
    assert.equal((await fetch(`${url}/demo/mail`)).status, 404);
    assert.equal((await fetch(`${url}/inloggen`)).status, 200);
    assert.match(p.output(), /SMTP_URL is niet ingesteld/);
    assert.match(p.output(), /outbox/);
    assert.doesNotMatch(p.output(), /Demo-accounts|demo-wachtwoord/);
  } finally {
    p.child.kill('SIGTERM');
    await p.done;
  }
});

test('the CLI lists its commands', async () => {
  const { code, out } = await run('src/cli.ts', {}, ['--help']).done;
  assert.equal(code, 0);
  assert.match(out, /migrate/);
  assert.match(out, /seed-demo/);
});
