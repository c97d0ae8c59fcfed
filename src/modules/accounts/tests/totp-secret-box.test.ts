// TOTP keys at rest: AES-256-GCM with a key from TOTP_ENCRYPTION_KEY (required in production) or,
// in development, one made once per data folder with owner-only file mode.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../config.ts';
import { createTotpSecretBox, parseTotpKey, totpSecretBox } from '../services/totp-secret-box.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('a sealed TOTP key opens only with its key and person, and tampering is detected', () => {
  const box = createTotpSecretBox(crypto.randomBytes(32));
  const sealed = box.seal(7, secret);
  assert.match(sealed, /^v1:/);
  assert.ok(!sealed.includes(secret));
  assert.notEqual(box.seal(7, secret), sealed, 'a fresh IV each time');
  assert.equal(box.open(7, sealed), secret);
  assert.throws(() => box.open(8, sealed), 'bound to person 7');
  assert.throws(() => createTotpSecretBox(crypto.randomBytes(32)).open(7, sealed), 'another key');
  const parts = sealed.split(':');
  const body = Buffer.from(parts[2]!, 'base64url');
  body[0] = body[0]! ^ 1;
  parts[2] = body.toString('base64url');
  assert.throws(() => box.open(7, parts.join(':')), 'a changed ciphertext');
  assert.equal(box.open(7, secret), secret, 'a plain key from before encryption still reads');
});

test('the key setting takes 64 hex digits or base64 of 32 bytes and nothing else', () => {
  const key = crypto.randomBytes(32);
  assert.deepEqual(parseTotpKey(key.toString('hex')), key);
  assert.deepEqual(parseTotpKey(key.toString('base64')), key);
  assert.deepEqual(parseTotpKey(key.toString('base64url')), key);
  assert.equal(parseTotpKey('kort'), null);
  assert.equal(parseTotpKey(crypto.randomBytes(16).toString('hex')), null);
  assert.throws(
    () => loadConfig({ TOTP_ENCRYPTION_KEY: 'te-kort' }),
    /TOTP_ENCRYPTION_KEY: moet 32 bytes zijn/,
  );
});

test('production refuses to start without TOTP_ENCRYPTION_KEY', () => {
  const base = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
  assert.throws(() => loadConfig(base), /TOTP_ENCRYPTION_KEY: verplicht in productie/);
  const key = crypto.randomBytes(32).toString('base64');
  assert.equal(loadConfig({ ...base, TOTP_ENCRYPTION_KEY: key }).totpEncryptionKey, key);
});

test('in development the key is made once per data folder, owner-only, and used again', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-totp-key-'));
  try {
    const dataDir = path.join(dir, 'data');
    const box = totpSecretBox(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }));
    const sealed = box.seal(1, secret);
    const file = path.join(dataDir, 'totp-key');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const again = createTotpSecretBox(parseTotpKey(fs.readFileSync(file, 'utf8'))!);
    assert.equal(again.open(1, sealed), secret, 'a restart reads the same key');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
