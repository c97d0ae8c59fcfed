// The platform's own background workers and schedules; modules add theirs in their descriptor
// (`workers`), and event subscriptions get a worker each (platform/events.ts).
import type { Platform } from '../platform.ts';
import type { Jobs } from './jobs.ts';
import type { ModuleDescriptor } from '../module.ts';
import { purgeExpiredSessions } from '../auth/session.ts';
import { mailQueue, type Mail } from '../mail/mailer.ts';
import { auditPurgeQueue, purgeAuditEvents } from '../audit/retention.ts';
import { idempotencyPurgeQueue, purgeIdempotencyKeys } from '../http/idempotency.ts';

export async function registerWorkers(
  jobs: Jobs,
  platform: Platform,
  modules: readonly ModuleDescriptor[],
): Promise<void> {
  await jobs.work('sessies-opruimen', async () => {
    await purgeExpiredSessions(platform.database.db, platform.now());
  });
  await jobs.schedule('sessies-opruimen', '17 * * * *');
  await jobs.work<Mail>(mailQueue, (mail) => platform.mailer.deliver(mail));
  await jobs.work(auditPurgeQueue, async () => {
    await purgeAuditEvents(platform.database.db, platform.now(), platform.config.auditRetentionDays);
  });
  await jobs.schedule(auditPurgeQueue, '41 2 * * *');
  await jobs.work(idempotencyPurgeQueue, async () => {
    await purgeIdempotencyKeys(platform.database.db, platform.now());
  });
  await jobs.schedule(idempotencyPurgeQueue, '29 * * * *');
  for (const m of modules) await m.workers?.(jobs, platform);
  await platform.events.work(jobs);
}
