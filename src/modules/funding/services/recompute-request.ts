// Asking for a recompute of a school year: as a job when there is a queue, otherwise inline.
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { recomputeYear } from './recompute.ts';

export const recomputeQueue = 'bekostiging-herberekenen';

/**
 * Starts a recompute of a school year: as a job that exists only if the transaction commits,
 * or (without a job queue, e.g. in the CLI and some tests) right after the commit.
 */
export async function requestRecompute(
  platform: Platform,
  trx: Kysely<DB>,
  data: { schoolYearId: number; reason: string; personId: number | null },
): Promise<(() => Promise<void>) | null> {
  if (platform.jobs) {
    await platform.jobs.send(recomputeQueue, data, { trx, retryLimit: 3 });
    return null;
  }
  return async () => {
    await recomputeYear(platform.database.db, data.schoolYearId, data.reason, data.personId);
    platform.caches.invalidate('funding');
  };
}
