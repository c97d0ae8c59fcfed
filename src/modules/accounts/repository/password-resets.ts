// Password reset links: stored as a token hash, used once, expired after a reset.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

export async function insertPasswordReset(
  db: Db,
  v: { tokenHash: string; personId: number; createdAt: Date; expiresAt: Date },
) {
  await db
    .insertInto('password_reset')
    .values({
      token_hash: v.tokenHash,
      person_id: v.personId,
      created_at: v.createdAt,
      expires_at: v.expiresAt,
    })
    .execute();
}

export async function findPasswordReset(db: Db, tokenHash: string) {
  return db.selectFrom('password_reset').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markPasswordResetUsed(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every open reset link of a person stops working (after a reset or a password change). */
export async function expirePasswordResets(db: Db, personId: number, now: Date) {
  await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute();
}
