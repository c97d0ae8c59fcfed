// Background work of the funding module: recomputing a school year after a rate change, and
// loading the shipped open data at first start.
import type { Platform } from '../../platform/platform.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { recomputeYear } from './services/recompute.ts';
import { recomputeQueue } from './services/recompute-request.ts';
import { recordRecomputeFailure } from './repository/years.ts';
import { openDataLoadQueue, runOpenDataLoad } from './services/open-data-load.ts';

export interface RecomputeJob {
  schoolYearId: number;
  reason: string;
  personId: number | null;
}

/**
 * One recompute job. A failure is logged at error level and recorded on the school year, so
 * the analist's page says "mislukt" instead of "wordt berekend"; the error is thrown again so
 * the queue retries. A later success clears the failure.
 */
export async function runRecomputeJob(platform: Platform, data: RecomputeJob): Promise<void> {
  try {
    await recomputeYear(platform.database.db, data.schoolYearId, data.reason, data.personId);
  } catch (err) {
    platform.log.error({ err, schoolYearId: data.schoolYearId }, 'Herberekening van de bedragen mislukt');
    await recordRecomputeFailure(
      platform.database.db,
      data.schoolYearId,
      platform.now(),
      err instanceof Error ? err.message : String(err),
    ).catch((e: unknown) =>
      platform.log.error({ err: e }, 'De mislukte herberekening kon niet worden vastgelegd'),
    );
    throw err;
  } finally {
    platform.caches.invalidate('funding');
  }
}

export async function registerFundingWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work<RecomputeJob>(recomputeQueue, (data) => runRecomputeJob(platform, data));
  // Only with the setting on: a process (or test) that never loads the shipped data polls no queue for it.
  if (platform.config.openDataAutoload)
    await jobs.work<{ loadId: number }>(openDataLoadQueue, (data) => runOpenDataLoad(platform, data.loadId));
}
