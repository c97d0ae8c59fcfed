import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './lock.ts';

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
  assert.equal(fs.readFileSync(path.join(dir, 'platform.lock'), 'utf8'), String(process.pid));
  release();
  assert.equal(fs.existsSync(path.join(dir, 'platform.lock')), false);
});
