// Serving a visitor's page from the page cache: rendered once per key and language, then sent
// with an ETag (304 when the browser has it) and handed to the front cache (page-cache.ts).
// Signed-in people always get a fresh page: it carries their name and form tokens. The key
// starts with the module's cache tag ('menukaart:…'), so platform.caches.invalidate(tag)
// empties it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { PageCache } from './page-cache.ts';
import { renderDocument } from './render.ts';

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

/** cachedPage for pages that may not exist: the renderer returns null for a 404 (never cached). */
export async function cachedPageOr404(
  cache: PageCache,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<VNode | null> | VNode | null,
) {
  if (!req.principal && cache.get(`${key}|${req.locale}`))
    return cachedPage(cache, key, req, reply, () => render() as VNode);
  const vnode = await render();
  if (!vnode) return reply.callNotFound();
  return cachedPage(cache, key, req, reply, () => vnode);
}
