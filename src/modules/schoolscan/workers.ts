// Background work of the schoolscan: the daily purge of LVS results past their school's
// retention period (services/retention.ts).
import type { Platform } from '../../platform/platform.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { purgeExpiredResults, retentionPurgeCron, retentionPurgeQueue } from './services/retention.ts';

export async function registerSchoolscanWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work(retentionPurgeQueue, async () => {
    const purged = await purgeExpiredResults(platform.database.db, platform.now());
    if (purged.length)
      platform.log.info(
        { imports: purged.length, results: purged.reduce((n, p) => n + p.results, 0) },
        'Toetsuitslagen na de bewaartermijn verwijderd',
      );
  });
  await jobs.schedule(retentionPurgeQueue, retentionPurgeCron);
}
