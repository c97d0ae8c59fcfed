// Rendering: the view context per request and complete HTML documents from Preact nodes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { isLocale } from '../i18n/i18n.ts';
import type { ViewContext } from '../../ui/context.ts';
import { trackFailedSubmit, withErrorTitle } from '../../ui/failed-submit.ts';

export const localeCookie = 'npo_taal';

/** A whole page; after a failed submit (an error summary on it) its title starts with "Fout: ". */
export function renderDocument(vnode: VNode): string {
  const { html, failed } = trackFailedSubmit(() => renderToString(vnode));
  return `<!doctype html>${failed ? withErrorTitle(html) : html}`;
}

export function viewContext(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): ViewContext {
  const p = app.platform;
  let token: string | undefined;
  return {
    locale: req.locale,
    principal: req.principal,
    // A page with a form token is personal to this browser: no shared or stored copies.
    csrfToken: () => (token ??= (reply.header('cache-control', 'private, no-store'), reply.generateCsrf())),
    // The path without its query: pages for visitors are rendered once and shared, so nothing
    // one visitor put in the address may end up in everyone's copy (the language link).
    path: req.url.split('?', 1)[0]!,
    themeClass: p.config.theme === 'rijkshuisstijl' ? 'rhc-theme' : 'voorbeeld-theme',
    asset: (name) => p.assets.url(name),
    programme: { name: p.programme.name, shortName: p.programme.shortName },
    nav: p.nav,
    demo: p.config.demo,
    helpdesk: p.config.helpdesk,
  };
}

export function registerRendering(app: FastifyInstance) {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'nl');
  app.decorateRequest('audited', false);
  app.addHook('onRequest', async (req) => {
    const chosen = req.cookies[localeCookie];
    req.locale = isLocale(chosen) ? chosen : 'nl';
  });
  app.decorateReply('ctx', function (this: FastifyReply) {
    return viewContext(app, this.request, this);
  });
  app.decorateReply('page', function (this: FastifyReply, vnode: VNode, status?: number) {
    if (status) this.status(status);
    // Pages with personal content must not be stored by shared caches or the back button.
    if (this.request.principal) this.header('cache-control', 'private, no-store');
    return this.type('text/html; charset=utf-8').send(renderDocument(vnode));
  });
}
