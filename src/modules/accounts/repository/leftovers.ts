// The nightly clean-up of sign-in attempts, reset links and invitations accounts no longer needs.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/**
 * Removes what accounts no longer need: sign-in attempts and throttle counts older than a day,
 * expired unlock links, and reset links and invitations (with their mail records) that ended
 * more than 30 days ago.
 */
export async function purgeAccountLeftovers(db: Db, now: Date) {
  const day = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const month = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000);
  const a = await db.deleteFrom('login_attempt').where('at', '<', day).executeTakeFirst();
  // Failure counts are forgotten a day after their last failure (throttle.ts), so such rows
  // are no longer needed; unlock links work an hour.
  const th = await db.deleteFrom('login_throttle').where('last_failure_at', '<', day).executeTakeFirst();
  await db.deleteFrom('login_unlock').where('expires_at', '<', day).execute();
  const r = await db.deleteFrom('password_reset').where('expires_at', '<', month).executeTakeFirst();
  const i = await db
    .deleteFrom('invitation')
    .where((eb) =>
      eb.or([eb('expires_at', '<', month), eb('accepted_at', '<', month), eb('revoked_at', '<', month)]),
    )
    .executeTakeFirst();
  return {
    attempts: Number(a.numDeletedRows),
    throttles: Number(th.numDeletedRows),
    resets: Number(r.numDeletedRows),
    invitations: Number(i.numDeletedRows),
  };
}
