// The site shell's own pages and the language switch.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { isLocale } from '../../../platform/i18n/i18n.ts';
import { listSchoolYears } from '../../../platform/programme.ts';
import { localeCookie } from '../../../platform/http/render.ts';
import { cachedPage } from '../../../platform/http/cached-page.ts';
import { safeReturnPath } from '../../../platform/http/return-path.ts';
import { query, z } from '../../../platform/http/schemas.ts';
import { HomePage, PrivacyPage } from '../views/site.tsx';
import { AccessibilityPage } from '../views/accessibility.tsx';

const publicPage = { access: access.public(), page: true } as const;

export function registerSiteRoutes(app: App, platform: Platform) {
  app.get('/', { config: publicPage }, async (req, reply) =>
    cachedPage(platform.pageCache, 'site:home', req, reply, async () => {
      const years = await listSchoolYears(platform.database.db, platform.programme.id);
      return <HomePage ctx={reply.ctx()} years={years} spendUntil={platform.programme.spendUntil} />;
    }),
  );
  app.get('/toegankelijkheid', { config: publicPage }, async (req, reply) =>
    cachedPage(platform.pageCache, 'site:a11y', req, reply, () => <AccessibilityPage ctx={reply.ctx()} />),
  );
  app.get('/privacy', { config: publicPage }, async (req, reply) =>
    cachedPage(platform.pageCache, 'site:privacy', req, reply, () => <PrivacyPage ctx={reply.ctx()} />),
  );
  // A GET that only sets a preference cookie: safe to follow from a plain link.
  // An unknown language or a return path that is too long is ignored, never refused.
  const lenient = (max: number) => z.string().max(max).optional().catch(undefined);
  app.get(
    '/taal',
    {
      config: { access: access.public() },
      schema: { querystring: query({ naar: lenient(10), terug: lenient(2000) }) },
    },
    async (req, reply) => {
      const q = req.query;
      if (isLocale(q.naar)) {
        reply.setCookie(localeCookie, q.naar, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: platform.config.secureCookies,
          maxAge: 365 * 24 * 3600,
        });
      }
      return reply.redirect(safeReturnPath(q.terug), 303);
    },
  );
}
