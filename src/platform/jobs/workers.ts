// The platform's background workers and schedules. Modules add their own here.
import type { Platform } from '../../app.ts';
import type { Jobs } from './jobs.ts';
import { purgeExpiredSessions } from '../auth/session.ts';
import { mailQueue, type Mail } from '../mail/mailer.ts';
import { purgeAccountLeftovers } from '../../modules/accounts/repository.ts';
import { auditPurgeQueue, purgeAuditEvents } from '../audit/retention.ts';
import { idempotencyPurgeQueue, purgeIdempotencyKeys } from '../http/idempotency.ts';
import { registerFundingWorkers } from '../../modules/funding/workers.ts';

export async function registerWorkers(jobs: Jobs, platform: Platform): Promise<void> {
  await jobs.work('sessies-opruimen', async () => {
    await purgeExpiredSessions(platform.database.db, platform.now());
  });
  await jobs.schedule('sessies-opruimen', '17 * * * *');
  await jobs.work<Mail>(mailQueue, (mail) => platform.mailer.deliver(mail));
  await jobs.work('accounts-opruimen', async () => {
    await purgeAccountLeftovers(platform.database.db, platform.now());
  });
  await jobs.schedule('accounts-opruimen', '23 3 * * *');
  await jobs.work(auditPurgeQueue, async () => {
    await purgeAuditEvents(platform.database.db, platform.now(), platform.config.auditRetentionDays);
  });
  await jobs.schedule(auditPurgeQueue, '41 2 * * *');
  await jobs.work(idempotencyPurgeQueue, async () => {
    await purgeIdempotencyKeys(platform.database.db, platform.now());
  });
  await jobs.schedule(idempotencyPurgeQueue, '29 * * * *');
  await registerFundingWorkers(jobs, platform);
}
