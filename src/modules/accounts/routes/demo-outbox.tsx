// Demo mode only: the outbox page, so visitors can follow the links in reset and invitation mails.
import type { App, Platform } from '../../../platform/platform.ts';
import { OutboxPage } from '../views/demo-outbox.tsx';
import { publicPage } from './page-access.ts';

export function registerDemoOutboxRoutes(app: App, platform: Platform) {
  if (platform.config.demo) {
    app.get('/demo/mail', { config: publicPage }, async (_req, reply) =>
      reply.page(<OutboxPage ctx={reply.ctx()} mails={await platform.mailer.outbox(30)} />),
    );
  }
}
