// Background work of the MR's consent: the daily reminder of versions waiting too long.
import type { Platform } from '../../../platform/platform.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { reminderCron, reminderQueue, sendDecisionReminders } from './reminders.ts';

export async function registerConsentWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work(reminderQueue, async () => {
    const sent = await sendDecisionReminders(
      platform.database.db,
      { mailer: platform.mailer, baseUrl: platform.config.baseUrl },
      platform.now(),
    );
    if (sent) platform.log.info({ versions: sent }, 'Herinneringen voor het besluit van de MR verstuurd');
  });
  await jobs.schedule(reminderQueue, reminderCron);
}
