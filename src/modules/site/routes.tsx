// The site shell's own pages and the language switch.
import type { Platform } from '../../platform/platform.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { access } from '../../platform/auth/access.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { listSchoolYears } from '../../platform/programme.ts';
import { localeCookie, renderDocument } from '../../platform/http/render.ts';
import type { PageCache } from '../../platform/http/page-cache.ts';
import { safeReturnPath } from '../../platform/http/return-path.ts';
import { HomePage, AccessibilityPage, PrivacyPage } from './views.tsx';

const publicPage = { access: access.public(), page: true } as const;

/** Serves a page from the visitor cache when nobody is signed in. */
export async function cachedPage(
  cache: PageCache,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<VNode> | VNode,
) {
  if (req.principal) return reply.page(await render());
  const fullKey = `${key}|${req.locale}`;
  req.cacheablePage = fullKey;
  const entry = cache.get(fullKey) ?? cache.set(fullKey, renderDocument(await render()));
  reply.header('etag', entry.etag).header('cache-control', 'public, max-age=0, must-revalidate');
  if (req.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  return reply.type('text/html; charset=utf-8').send(entry.html);
}

export function registerSiteRoutes(app: FastifyInstance, platform: Platform) {
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
  app.get('/taal', { config: { access: access.public() } }, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
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
  });
}
