// The second factor: recovery codes (single use) and the last accepted TOTP step.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

export async function replaceRecoveryCodes(db: Db, personId: number, hashes: string[], now: Date) {
  await db.deleteFrom('recovery_code').where('person_id', '=', personId).execute();
  if (hashes.length) {
    await db
      .insertInto('recovery_code')
      .values(hashes.map((h) => ({ person_id: personId, code_hash: h, created_at: now })))
      .execute();
  }
}

/** Uses a recovery code once: true only for an unused code of this person. */
export async function useRecoveryCode(db: Db, personId: number, hash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, personId: number): Promise<number> {
  const r = await db
    .selectFrom('recovery_code')
    .select(sql<number>`count(*)`.as('n'))
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Accepts a TOTP step only if it is newer than the last one (atomic: no replay in a race). */
export async function claimTotpStep(db: Db, personId: number, step: number): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ totp_last_step: step })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces a plain stored TOTP key by its sealed form, unless it changed meanwhile. */
export async function sealTotpSecret(db: Db, personId: number, plain: string, sealed: string) {
  await db
    .updateTable('person')
    .set({ totp_secret: sealed })
    .where('id', '=', personId)
    .where('totp_secret', '=', plain)
    .execute();
}
