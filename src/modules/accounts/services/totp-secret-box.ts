// TOTP keys are encrypted at rest with AES-256-GCM: a copy of the database (a backup, the PGlite
// files) alone does not give anyone the second factor. The key comes from TOTP_ENCRYPTION_KEY
// (required in production); in development one is made once per data folder, like the cookie
// secret; tests without a data folder get one key per process. Each sealed value is bound to
// its person (additional authenticated data), so it cannot be copied to another account.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config.ts';

/** Sealed values look like `v1:<iv>:<ciphertext>:<tag>` (base64url); older rows hold plain base32. */
const prefix = 'v1:';

export interface TotpSecretBox {
  seal(personId: number, secret: string): string;
  /** The base32 key of a stored value, sealed or (from before encryption) plain. */
  open(personId: number, stored: string): string;
  isSealed(stored: string): boolean;
}

/** Reads a 32-byte key written as 64 hex digits or as base64 / base64url; null otherwise. */
export function parseTotpKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return b.length === 32 ? b : null;
  }
  return null;
}

export function createTotpSecretBox(key: Buffer): TotpSecretBox {
  if (key.length !== 32) throw new Error('De sleutel voor TOTP-geheimen moet 32 bytes zijn.');
  const aad = (personId: number) => Buffer.from(`npo-totp:person:${personId}`);
  return {
    seal(personId, secret) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(personId));
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `${prefix}${iv.toString('base64url')}:${body.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}`;
    },
    open(personId, stored) {
      if (!stored.startsWith(prefix)) return stored;
      const [iv, body, tag] = stored.slice(prefix.length).split(':');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'));
      decipher.setAAD(aad(personId));
      decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body ?? '', 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
    isSealed: (stored) => stored.startsWith(prefix),
  };
}

let processKey: Buffer | undefined;
const boxes = new Map<string, TotpSecretBox>();

/** The key of this configuration: the setting, else a file in the data folder (test: per process). */
function keyFor(config: Config): Buffer {
  if (config.totpEncryptionKey) return parseTotpKey(config.totpEncryptionKey)!;
  if (config.env === 'test') return (processKey ??= crypto.randomBytes(32));
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(config.dataDir, 'totp-key');
  try {
    const existing = parseTotpKey(fs.readFileSync(file, 'utf8'));
    if (existing) return existing;
  } catch {
    // No key yet: made below.
  }
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return key;
}

/** The box for a configuration (one per key; the key file is read once). */
export function totpSecretBox(config: Config): TotpSecretBox {
  const id = config.totpEncryptionKey ?? `${config.env}:${path.resolve(config.dataDir)}`;
  let box = boxes.get(id);
  if (!box) boxes.set(id, (box = createTotpSecretBox(keyFor(config))));
  return box;
}
