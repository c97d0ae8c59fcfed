// Background work of the MR's and the GMR's consent: the daily reminder of versions waiting too long.
import type { Platform } from '../../../platform/platform.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { reminderCron, reminderQueue, sendDecisionReminders, sendGmrReminders } from './reminders.ts';

export async function registerConsentWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work(reminderQueue, async () => {
    const mail = { mailer: platform.mailer, baseUrl: platform.config.baseUrl };
    const sent = await sendDecisionReminders(platform.database.db, mail, platform.now());
    if (sent) platform.log.info({ versions: sent }, 'Herinneringen voor het besluit van de MR verstuurd');
    const gmr = await sendGmrReminders(platform.database.db, mail, platform.now());
    if (gmr) platform.log.info({ versions: gmr }, 'Herinneringen voor het besluit van de GMR verstuurd');
  });
  await jobs.schedule(reminderQueue, reminderCron);
}
