// Background work of the funding module: recomputing a school year after a rate change, and
// running an uploaded DUO/CBS import (which recomputes afterwards).
import type { Platform } from '../../app.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { recomputeYear } from './service.ts';
import { recomputeQueue } from './recompute-request.ts';
import { importQueue, runImport } from '../duo-import/routes.tsx';

export async function registerFundingWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work<{ schoolYearId: number; reason: string; personId: number | null }>(
    recomputeQueue,
    async (data) => {
      await recomputeYear(platform.database.db, data.schoolYearId, data.reason, data.personId);
      platform.pageCache.invalidate('funding:');
    },
  );
  await jobs.work<{ importId: number }>(importQueue, async (data) => {
    await runImport(platform, data.importId);
  });
}
