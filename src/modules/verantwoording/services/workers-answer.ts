// Background work of answering: the daily reminder before a questionnaire closes.
import type { Platform } from '../../../platform/platform.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { reminderCron, reminderQueue, sendQuestionnaireReminders } from './reminders.ts';

export async function registerAnswerWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work(reminderQueue, async () => {
    const sent = await sendQuestionnaireReminders(
      platform.database.db,
      { mailer: platform.mailer, baseUrl: platform.config.baseUrl },
      platform.now(),
    );
    if (sent) platform.log.info({ organisaties: sent }, 'Herinneringen voor vragenlijsten verstuurd');
  });
  await jobs.schedule(reminderQueue, reminderCron);
}
