// The beheerder's actions on an account as a whole: blocking it (every session ends) and
// unblocking it. No HTTP here; the caller audits in the same transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { endAllSessions } from '../../../platform/auth/session.ts';
import { updatePerson } from '../repository/people.ts';

/** Blocks or unblocks an account; returns how many sessions ended (only when blocking). */
export async function setBlocked(trx: Kysely<DB>, personId: number, block: boolean, now: Date) {
  await updatePerson(trx, personId, { disabled_at: block ? now : null });
  return block ? endAllSessions(trx, personId) : 0;
}
