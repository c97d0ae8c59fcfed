// Audit rows are kept for AUDIT_RETENTION_DAYS (default 730: two school years, enough for the
// accountability cycle of a programme year and a board's annual report, see docs/operations.md),
// then purged by the daily job 'audit-opruimen'. In batches, so one purge never holds a long
// lock or a large transaction on the table everybody writes to.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const auditPurgeQueue = 'audit-opruimen';

/** Deletes audit rows older than `days` before `now`; returns how many went. */
export async function purgeAuditEvents(
  db: Kysely<DB>,
  now: Date,
  days: number,
  batch = 5_000,
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let total = 0;
  for (;;) {
    const r = await db
      .deleteFrom('audit_event')
      .where(
        'id',
        'in',
        db.selectFrom('audit_event').select('id').where('at', '<', cutoff).orderBy('at').limit(batch),
      )
      .executeTakeFirst();
    const n = Number(r.numDeletedRows);
    total += n;
    if (n < batch) return total;
  }
}
