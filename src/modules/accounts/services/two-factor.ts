// Setting up the second factor: a pending TOTP key until its first code is confirmed, switching
// it on (with new recovery codes) or off, and renewing the recovery codes. No HTTP here; the
// session step-up and the audit row are the caller's, in the same transaction (`andThen`).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { mfaRoles } from '../../../platform/auth/principal.ts';
import { replaceRecoveryCodes } from '../repository/second-factor.ts';
import { updatePerson } from '../repository/people.ts';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret } from './totp.ts';
import { verifyPassword } from './passwords.ts';
import type { TotpSecretBox } from './totp-secret-box.ts';

type Db = Kysely<DB>;

interface PersonKeys {
  id: number;
  totp_pending_secret: string | null;
}

/** Whether one of these memberships makes two-factor sign-in compulsory. */
export const hasMfaRole = (memberships: { role: string }[]) =>
  memberships.some((m) => (mfaRoles as readonly string[]).includes(m.role));

/**
 * The key being set up: kept (sealed) until confirmed, so reloading the set-up page shows the
 * same QR code; made and stored on first view.
 */
export async function pendingSecret(db: Db, box: TotpSecretBox, person: PersonKeys): Promise<string> {
  const kept = person.totp_pending_secret ? box.open(person.id, person.totp_pending_secret) : null;
  if (kept) return kept;
  const secret = newTotpSecret();
  await updatePerson(db, person.id, { totp_pending_secret: box.seal(person.id, secret) });
  return secret;
}

/**
 * Switches the second factor on when `code` fits the pending key: the key becomes the person's,
 * with ten new recovery codes. `andThen` runs in the same transaction (step up, audit).
 */
export async function switchOn<T>(
  db: Db,
  box: TotpSecretBox,
  person: PersonKeys & { totp_pending_secret: string },
  code: string,
  now: Date,
  andThen: (trx: Db) => Promise<T>,
): Promise<{ ok: false; secret: string } | { ok: true; codes: string[]; result: T }> {
  const secret = box.open(person.id, person.totp_pending_secret);
  const step = matchTotp(secret, code, now, null);
  if (step === null) return { ok: false, secret };
  const codes = newRecoveryCodes();
  const result = await db.transaction().execute(async (trx) => {
    await updatePerson(trx, person.id, {
      totp_secret: box.seal(person.id, secret),
      totp_pending_secret: null,
      totp_enabled_at: now,
      totp_last_step: step,
    });
    await replaceRecoveryCodes(trx, person.id, codes.map(hashRecoveryCode), now);
    return andThen(trx);
  });
  return { ok: true, codes, result };
}

/** Switches the second factor off when `password` is the person's; false when it is not. */
export async function switchOff(
  db: Db,
  person: { id: number; password_hash: string | null },
  password: string,
  now: Date,
  andThen: (trx: Db) => Promise<void>,
): Promise<boolean> {
  if (!(await verifyPassword(person.password_hash, password))) return false;
  await db.transaction().execute(async (trx) => {
    await updatePerson(trx, person.id, {
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
    });
    await replaceRecoveryCodes(trx, person.id, [], now);
    await andThen(trx);
  });
  return true;
}

/** Ten new recovery codes; the old ones stop working. */
export async function renewRecoveryCodes(
  db: Db,
  personId: number,
  now: Date,
  andThen: (trx: Db) => Promise<void>,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, personId, codes.map(hashRecoveryCode), now);
    await andThen(trx);
  });
  return codes;
}
