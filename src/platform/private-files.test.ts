// The data folder is owner-only: existing entries are tightened at start, other files in a
// shared DATA_DIR are left alone, and the outbox and lock file are created owner-only even
// when the process umask would allow more.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { restrictDataDir } from './private-files.ts';
import { createMailer, composeMail } from './mail/mailer.ts';
import { lockDataDir } from './db/lock.ts';
import { testConfig } from '../../test/support/app.ts';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'npo-modes-'));

/** Runs fn with a permissive umask, as a process started from a default shell would have. */
async function withUmask<T>(mask: number, fn: () => Promise<T> | T): Promise<T> {
  const old = process.umask(mask);
  try {
    return await fn();
  } finally {
    process.umask(old);
  }
}

test('restrictDataDir removes group and world access from the data folder, pglite, outbox and secrets', async () => {
  const dir = tmp();
  await withUmask(0, () => {
    fs.chmodSync(dir, 0o777);
    fs.mkdirSync(path.join(dir, 'pglite', 'base'), { recursive: true, mode: 0o777 });
    fs.writeFileSync(path.join(dir, 'pglite', 'base', '1234'), 'x', { mode: 0o666 });
    fs.mkdirSync(path.join(dir, 'outbox'), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'outbox', 'mail.json'), '{}', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'cookie-secret'), 's', { mode: 0o644 });
  });
  restrictDataDir(dir);
  for (const p of ['', 'pglite', 'pglite/base', 'outbox'])
    assert.equal(mode(path.join(dir, p)), 0o700, p || 'DATA_DIR');
  for (const p of ['pglite/base/1234', 'outbox/mail.json']) assert.equal(mode(path.join(dir, p)), 0o600, p);
  assert.equal(mode(path.join(dir, 'cookie-secret')), 0o600);
});

test('restrictDataDir leaves files in DATA_DIR that are not the platform’s alone', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'notities.txt'), 'x');
  fs.chmodSync(path.join(dir, 'notities.txt'), 0o644);
  restrictDataDir(dir);
  assert.equal(mode(path.join(dir, 'notities.txt')), 0o644);
});

test('restrictDataDir accepts a data folder that does not exist yet', () => {
  assert.doesNotThrow(() => restrictDataDir(path.join(tmp(), 'nog-niet')));
});

test('the outbox folder and each mail in it are owner-only even under umask 000', async () => {
  const dir = tmp();
  const mailer = createMailer(testConfig({ DATA_DIR: dir }), () => undefined);
  await withUmask(0, () =>
    mailer.deliver(composeMail('a@b.nl', 'Herstel', ['https://x.example/herstel?t=1'])),
  );
  const outbox = path.join(dir, 'outbox');
  assert.equal(mode(outbox), 0o700);
  const files = fs.readdirSync(outbox);
  assert.equal(files.length, 1);
  assert.equal(mode(path.join(outbox, files[0]!)), 0o600);
});

test('the data-folder lock file and a new data folder are owner-only even under umask 000', async () => {
  const dir = path.join(tmp(), 'data');
  const release = await withUmask(0, () => lockDataDir(dir));
  try {
    assert.equal(mode(dir), 0o700);
    assert.equal(mode(path.join(dir, 'platform.lock')), 0o600);
  } finally {
    release();
  }
});
