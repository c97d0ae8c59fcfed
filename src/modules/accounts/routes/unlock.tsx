// Lifting sign-in delays with the single-use link mailed to the account's owner (see
// signIn): the link opens a page, its button does the work.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { publicFormLimit } from '../../../platform/http/rate-limits.ts';
import { signIn, unlockSignIn } from '../services/sign-in.ts';
import { formOf, queryOf } from './session.ts';
import { UnlockPage } from '../views/unlock.tsx';
import { publicPage } from './page-access.ts';

export function registerUnlockRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/inloggen/vrijgeven',
    { config: { ...publicPage, examples: { query: '?token=voorbeeld' } } },
    async (req, reply) => {
      const token = queryOf(req).token ?? '';
      return reply.page(<UnlockPage ctx={reply.ctx()} token={token} state="open" />);
    },
  );

  app.post(
    '/inloggen/vrijgeven',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1 / 6),
        examples: { body: { token: 'voorbeeld' } },
      },
    },
    async (req, reply) => {
      const token = formOf(req).token ?? '';
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
