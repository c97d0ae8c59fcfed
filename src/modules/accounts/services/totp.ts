// Two-factor authentication with TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1, as every
// authenticator app supports), one-time recovery codes, and the QR code for enrolment,
// rendered on the server as SVG.
import crypto from 'node:crypto';
import { generateHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';

export const totpPeriodSeconds = 30;
export const totpDigits = 6;
const issuer = 'NP Onderwijs';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error('Ongeldige base32-sleutel');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** A new random TOTP key (160 bits), as base32. */
export function newTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpPeriodSeconds);
}

/** The code for a secret at a moment (used by the demo CLI and the tests). */
export function totpCode(secret: string, now = new Date()): string {
  return generateHOTP(base32Decode(secret), BigInt(totpStep(now)), totpDigits);
}

/**
 * Checks a code against the current step and one step either side (clock drift). Returns the
 * matched step, or null. A step at or before `lastStep` is refused: each code works once.
 */
export function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const key = base32Decode(secret);
  const current = totpStep(now);
  for (const step of [current, current - 1, current + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = generateHOTP(key, BigInt(step), totpDigits);
    if (crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(typed))) return step;
  }
  return null;
}

export function totpUri(secret: string, email: string): string {
  const label = encodeURIComponent(`${issuer}:${email}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${totpDigits}&period=${totpPeriodSeconds}`;
}

/** The QR code of the key URI as an SVG document fragment (no style attributes: CSP-safe). */
export async function totpQrSvg(secret: string, email: string): Promise<string> {
  const svg = await QRCode.toString(totpUri(secret, email), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return svg.replace(
    '<svg ',
    '<svg role="img" aria-label="QR-code voor uw authenticator-app" focusable="false" ',
  );
}

/** Ten recovery codes like 'k7m2-x9qp-3tw8' (about 60 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  const chars = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const bytes = crypto.randomBytes(12);
    const s = Array.from(bytes, (b) => chars[b % chars.length]).join('');
    return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
  });
}

/** Recovery codes are stored as sha-256 of the normalised code (they are random, not chosen). */
export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return crypto.createHash('sha256').update(`npo-herstelcode:${normal}`).digest('hex');
}
