// The secret that signs cookies. In production it must be configured; elsewhere one is made
// once per data folder, so restarts keep forms and sessions valid.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { ownerOnly } from './private-files.ts';

export function cookieSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  fs.mkdirSync(config.dataDir, { recursive: true, mode: ownerOnly.dir });
  const file = path.join(config.dataDir, 'cookie-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: ownerOnly.file });
    return secret;
  }
}
