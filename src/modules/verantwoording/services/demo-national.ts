// Demo data for monitoring: the national generator's answers and confirmed annual reports for a
// seeded sample of the schools present (the real open data, once it has been loaded), so an
// analist sees a filled dashboard. The demo's own board and schools are left out: their school
// leader answers for real and their board confirms its own report. Runs after the answer part
// and does nothing that exists already.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import type { Platform } from '../../../platform/platform.ts';
import { openDataLoadStatus } from '../../funding/services/open-data-load.ts';
import { anyResponseOutside } from '../repository/national.ts';
import { generateNationalAnswers } from './national-generate.ts';

/** Enough schools for every sector and most filters to pass suppression, few enough to start fast. */
export const demoSchools = 300;
const demoSeed = 20210521;
/** The demo's own board and schools, left out of the generated sample. */
const demoCodePrefix = 'DEMO';

export async function seedMonitoringDemo(db: Kysely<DB>): Promise<string[]> {
  const t0 = performance.now();
  const r = await generateNationalAnswers(db, {
    seed: demoSeed,
    maxSchools: demoSchools,
    skipCodePrefix: demoCodePrefix,
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.schools === 0)
    return [
      'Monitoring: nog geen scholen uit de open data; zodra die geladen zijn, vult een taak het dashboard.',
    ];
  return [
    `Monitoring: ${r.schools} scholen en ${r.boards} ${r.boards === 1 ? 'bestuur' : 'besturen'} met gegenereerde antwoorden op ${r.questionnaires} vragenlijsten ` +
      `(${r.responses} nieuw) en ${r.reports} nieuwe bevestigde jaarverslagen, in ${seconds} s.`,
  ];
}

/**
 * The monitoring part of a demo start: fills the dashboard when it is still empty. Once it is
 * filled, a start leaves completing it (a questionnaire published since) to the job below, which
 * runs 20 s later in the background: checking costs a read of every school, too slow for a start.
 */
export async function seedMonitoringDemoAtStart(db: Kysely<DB>): Promise<string[]> {
  if (await anyResponseOutside(db, demoCodePrefix)) return [];
  return seedMonitoringDemo(db);
}

export const monitoringDemoQueue = 'verantwoording-demo-monitoring';

/**
 * At the very first demo start the open data is loaded after the demo step, in a job; this job
 * waits for that load to finish and then fills the dashboard, so the first start needs no
 * second one. Only in demo mode.
 */
export async function registerMonitoringDemoWorker(jobs: Jobs, platform: Platform): Promise<void> {
  if (!platform.config.demo) return;
  const again = () => jobs.send(monitoringDemoQueue, {}, { startAfter: 30, retryLimit: 0 });
  await jobs.work(monitoringDemoQueue, async () => {
    const load = await openDataLoadStatus(platform.database.db);
    if (load?.status === 'wachtend' || load?.status === 'bezig') {
      await again();
      return;
    }
    if (load?.status !== 'klaar') return;
    const lines = await seedMonitoringDemo(platform.database.db);
    platform.log.info({ result: lines.join(' ') }, 'Demogegevens voor monitoring aangevuld');
  });
  await jobs.send(monitoringDemoQueue, {}, { startAfter: 20, retryLimit: 0, singletonKey: 'demo' });
}
