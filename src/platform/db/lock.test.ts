import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { processStartTicks } from './process-start.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'npo-lock-'));

test('a second lock on the same folder is refused while the first holder lives', async () => {
  const dir = tmp();
  // The holder must be another live process: our own pid counts as ours.
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  fs.writeFileSync(path.join(dir, 'platform.lock'), String(holder.pid));
  try {
    assert.throws(
      () => lockDataDir(dir),
      (e: unknown) => e instanceof DataDirLockedError && e.message.includes('in gebruik'),
    );
    assert.equal(fs.readFileSync(path.join(dir, 'platform.lock'), 'utf8'), String(holder.pid));
  } finally {
    holder.kill();
  }
});

test('a stale lock of a dead process is taken over, and released again', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'platform.lock'), '999999');
  const release = lockDataDir(dir);
  assert.equal(fs.readFileSync(path.join(dir, 'platform.lock'), 'utf8').split('\n')[0], String(process.pid));
  release();
  assert.equal(fs.existsSync(path.join(dir, 'platform.lock')), false);
});

/** A live process that is not this one, to stand in for a lock holder or for a pid reuser. */
async function withOtherProcess(fn: (pid: number) => void | Promise<void>) {
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  await new Promise((r) => other.once('spawn', r));
  try {
    await fn(other.pid!);
  } finally {
    other.kill();
  }
}

test('a lock recording the live holder’s pid and start time is refused', async () => {
  await withOtherProcess((pid) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'platform.lock'), `${pid}\n${processStartTicks(pid)}\n`);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
  });
});

test('a lock whose pid now belongs to a process with another start time is stale and taken over', async () => {
  await withOtherProcess((pid) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'platform.lock'), `${pid}\n1\n`);
    const release = lockDataDir(dir);
    assert.equal(
      fs.readFileSync(path.join(dir, 'platform.lock'), 'utf8').split('\n')[0],
      String(process.pid),
    );
    release();
  });
});

test('a pid-only lock written before its pid’s process started is stale and taken over', async () => {
  await withOtherProcess((pid) => {
    const dir = tmp();
    const file = path.join(dir, 'platform.lock');
    fs.writeFileSync(file, String(pid));
    // Written an hour ago, by a process that has since died; the pid went to a newer process.
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(file, hourAgo, hourAgo);
    const release = lockDataDir(dir);
    release();
  });
});
