// Password reset: asking for a link by mail (1 hour, one use) and choosing a new password with it.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { composeMail } from '../../../platform/mail/mailer.ts';
import { publicFormLimit } from '../../../platform/http/rate-limits.ts';
import { emptyForm } from '../../../ui/components.tsx';
import { lookUpReset, requestPasswordReset, resetPassword } from '../services/password-reset.ts';
import { validEmail } from '../services/names.ts';
import { form, query, text } from '../../../platform/http/schemas.ts';
import { ForgotPasswordPage, ResetPasswordPage } from '../views/password-reset.tsx';
import { notBefore, resetAnswerMs } from '../services/even-timing.ts';
import { publicPage, tokenField } from './page-access.ts';
import {
  exampleNewPassword,
  examplePersonWithPassword,
  exampleResetQuery,
  exampleResetToken,
} from './route-examples.ts';

export function registerPasswordResetRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get('/wachtwoord-vergeten', { config: publicPage }, async (_req, reply) =>
    reply.page(<ForgotPasswordPage ctx={reply.ctx()} form={emptyForm} />),
  );

  app.post(
    '/wachtwoord-vergeten',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1 / 6),
        audit: 'wachtwoord.herstel-aangevraagd',
        examples: {
          body: { email: 'niemand@voorbeeld.nl' },
          // A known, active address: a link is made and mailed ('ok'); an unknown one is 'mislukt'.
          bodyFor: async ({ db }) => ({ email: (await examplePersonWithPassword(db, platform.now())).email }),
        },
      },
      schema: { body: form({ email: text(1000) }) },
    },
    async (req, reply) => {
      const startedAt = performance.now();
      const email = req.body.email.trim();
      if (!validEmail(email)) {
        return reply.page(
          <ForgotPasswordPage
            ctx={reply.ctx()}
            form={{
              values: { email },
              errors: { email: 'Vul een geldig e-mailadres in, zoals naam@school.nl.' },
            }}
          />,
          400,
        );
      }
      const now = platform.now();
      await db.transaction().execute(async (trx) => {
        const reset = await requestPasswordReset(trx, email, now);
        if (reset) {
          const link = `${platform.config.baseUrl}/wachtwoord-herstellen?token=${reset.token}`;
          await platform.mailer.send(
            composeMail(reset.email, 'Nieuw wachtwoord kiezen voor NP Onderwijs', [
              `Beste ${reset.name},`,
              'U heeft gevraagd om een nieuw wachtwoord. Kies een nieuw wachtwoord via deze link:',
              link,
              'De link werkt één uur en één keer. Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.',
            ]),
            { trx },
          );
        }
        await audit(req, trx, {
          actorPersonId: reset?.personId ?? null,
          actorLabel: email.toLowerCase(),
          action: 'wachtwoord.herstel-aangevraagd',
          objectType: 'person',
          objectId: reset?.personId,
          result: reset ? 'ok' : 'mislukt',
          details: reset ? {} : { reden: 'geen actief account' },
        });
      });
      // A known address costs a reset row and a mail, an unknown one neither: without this wait
      // the answer came about 27 ms sooner for unknown addresses (median, PGlite).
      await notBefore(startedAt, resetAnswerMs);
      return reply.page(<ForgotPasswordPage ctx={reply.ctx()} form={emptyForm} sent />);
    },
  );

  app.get(
    '/wachtwoord-herstellen',
    {
      config: { ...publicPage, examples: { query: exampleResetQuery } },
      schema: { querystring: query({ token: tokenField }) },
    },
    async (req, reply) => {
      const { token } = req.query;
      const found = await lookUpReset(db, token, platform.now());
      return reply.page(
        <ResetPasswordPage ctx={reply.ctx()} token={token} form={emptyForm} state={found.state} />,
        found.state === 'open' ? 200 : 400,
      );
    },
  );

  app.post(
    '/wachtwoord-herstellen',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1 / 6),
        audit: 'wachtwoord.hersteld',
        examples: {
          body: { token: 'onbekend', wachtwoord: 'x', herhaling: 'x' },
          bodyFor: async (t) => ({
            token: await exampleResetToken(t, platform.now()),
            wachtwoord: exampleNewPassword,
            herhaling: exampleNewPassword,
          }),
        },
      },
      schema: { body: form({ token: tokenField, wachtwoord: text(1000), herhaling: text(1000) }) },
    },
    async (req, reply) => {
      const f = req.body;
      const now = platform.now();
      const result = await db.transaction().execute(async (trx) => {
        const r = await resetPassword(trx, {
          token: f.token,
          password: f.wachtwoord,
          passwordAgain: f.herhaling,
          now,
        });
        if (r.ok) {
          await audit(req, trx, {
            actorPersonId: r.personId,
            action: 'wachtwoord.hersteld',
            objectType: 'person',
            objectId: r.personId,
            details: { sessies_beeindigd: r.endedSessions },
          });
        }
        return r;
      });
      if (result.ok) return reply.redirect('/inloggen?gelukt=wachtwoord', 303);
      await audit(req, db, {
        action: 'wachtwoord.hersteld',
        result: 'mislukt',
        details: { reden: result.state ?? 'wachtwoord afgekeurd' },
      });
      return reply.page(
        <ResetPasswordPage
          ctx={reply.ctx()}
          token={f.token}
          form={{ values: {}, errors: result.errors ?? {} }}
          state={result.state ?? 'open'}
        />,
        400,
      );
    },
  );
}
