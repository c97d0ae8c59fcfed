// cachedPage() with one render per key at a time, for the public funding pages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { cachedPage } from '../../../platform/http/cached-page.ts';
import { renderDocument } from '../../../platform/http/render.ts';
import type { PageCache } from '../../../platform/http/page-cache.ts';

/**
 * cachedPage() with one render per key at a time: visitors who ask for the same uncached page
 * at the same moment wait for the first render instead of each rendering it again.
 */
const inflight = new Map<string, Promise<void>>();
export async function singleFlightPage(
  cache: PageCache,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<VNode>,
) {
  if (!req.principal) {
    const fullKey = `${key}|${req.locale}`;
    if (!cache.get(fullKey)) {
      let running = inflight.get(fullKey);
      if (!running) {
        running = (async () => {
          cache.set(fullKey, renderDocument(await render()));
        })().finally(() => inflight.delete(fullKey));
        inflight.set(fullKey, running);
      }
      await running;
    }
  }
  return cachedPage(cache, key, req, reply, render);
}
