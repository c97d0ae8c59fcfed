// Background work of duo-import: the job that runs an uploaded import.
import type { Platform } from '../../platform/platform.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { importQueue, runImport } from './services/run-import.ts';

export async function registerDuoImportWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work<{ importId: number }>(importQueue, async (data) => {
    await runImport(platform, data.importId);
  });
}
