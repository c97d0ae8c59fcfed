// Lifting sign-in delays with the single-use link mailed to the account's owner (see
// signIn in services/sign-in.ts): the link opens a page, its button does the work.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { publicFormLimit } from '../../../platform/http/rate-limits.ts';
import { unlockSignIn } from '../services/sign-in.ts';
import { form, query } from '../../../platform/http/schemas.ts';
import { UnlockPage } from '../views/unlock.tsx';
import { publicPage, tokenField } from './page-access.ts';
import { exampleUnlockToken } from './route-examples.ts';

export function registerUnlockRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/inloggen/vrijgeven',
    {
      config: { ...publicPage, examples: { query: '?token=voorbeeld' } },
      schema: { querystring: query({ token: tokenField }) },
    },
    async (req, reply) => {
      const { token } = req.query;
      return reply.page(<UnlockPage ctx={reply.ctx()} token={token} state="open" />);
    },
  );

  app.post(
    '/inloggen/vrijgeven',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1 / 6),
        audit: 'inloggen.vrijgegeven',
        examples: {
          body: { token: 'voorbeeld' },
          bodyFor: async ({ db }) => ({ token: await exampleUnlockToken(db, platform.now()) }),
        },
      },
      schema: { body: form({ token: tokenField }) },
    },
    async (req, reply) => {
      const { token } = req.body;
      const result = await db.transaction().execute(async (trx) => {
        const r = await unlockSignIn(trx, token, platform.now());
        await audit(req, trx, {
          actorPersonId: r.ok ? r.personId : null,
          action: 'inloggen.vrijgegeven',
          objectType: 'person',
          objectId: r.ok ? r.personId : undefined,
          result: r.ok ? 'ok' : 'mislukt',
          details: r.ok ? { vertragingen: r.cleared } : { reden: 'onbekende, gebruikte of verlopen link' },
        });
        return r;
      });
      return reply.page(
        <UnlockPage ctx={reply.ctx()} token="" state={result.ok ? 'done' : 'invalid'} />,
        result.ok ? 200 : 400,
      );
    },
  );
}
