// Rendered pages for visitors who are not signed in, kept until the content they show changes.
// Signed-in pages are never cached: they carry names and CSRF tokens.
//
// Two layers share one store:
// - cachedPage() (src/modules/site/routes.tsx) renders a page once per key and locale;
// - the front cache answers a repeat request for the same URL straight from the first
//   onRequest hook, with the exact headers of the first response, skipping the rest of the
//   request pipeline (like a micro-cache in a reverse proxy).
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sessionCookie } from '../auth/session.ts';
import { localeCookie } from './render.ts';
import { BoundedCache } from './bounded-cache.ts';

interface Entry {
  html: string;
  etag: string;
}

interface FrontEntry {
  pageKey: string;
  route: string;
  status: number;
  headers: OutgoingHttpHeaders;
  /** Encoded once; writing a Buffer is cheaper than encoding a string per request. */
  body: Buffer;
  etag: string;
}

export class PageCache {
  private readonly pages: BoundedCache<string, Entry>;
  private readonly front: BoundedCache<string, FrontEntry>;
  private counter = 0;

  /**
   * At most `maxEntries` pages and `maxBytes` in all: a third for rendered pages, two thirds
   * for the front cache (which keeps a copy per URL, query strings included).
   */
  constructor(maxEntries = 1000, maxBytes = 48 * 1024 * 1024) {
    this.pages = new BoundedCache(maxEntries, Math.floor(maxBytes / 3));
    this.front = new BoundedCache(maxEntries, Math.floor((maxBytes * 2) / 3));
  }

  /** Bytes held by both layers. */
  get bytes(): number {
    return this.pages.bytes + this.front.bytes;
  }

  get(key: string): Entry | undefined {
    return this.pages.get(key);
  }

  set(key: string, html: string): Entry {
    const entry = { html, etag: `"p${(++this.counter).toString(36)}-${html.length.toString(36)}"` };
    return this.pages.set(key, entry, Buffer.byteLength(html));
  }

  /**
   * Forgets every page cached under a tag (keys `<tag>:…`). Only CacheTags calls this: modules
   * invalidate through `platform.caches.invalidate(tag)`, so module caches are emptied too.
   */
  dropTag(tag: string) {
    const prefix = `${tag}:`;
    this.pages.deleteWhere((k) => k.startsWith(prefix));
    this.front.deleteWhere((_, v) => v.pageKey.startsWith(prefix));
  }

  remember(frontKey: string, entry: FrontEntry) {
    // The headers are small next to the body; a rough size keeps the bound honest.
    this.front.set(frontKey, entry, entry.body.length + frontKey.length + 1024);
  }

  lookup(frontKey: string): FrontEntry | undefined {
    return this.front.get(frontKey);
  }
}

const localeIn = new RegExp(`(?:^|;\\s*)${localeCookie}=(\\w+)`);

/** The front-cache key of a request, or undefined when it must not be served from the cache. */
function frontKey(method: string, url: string, cookieHeader: string | undefined): string | undefined {
  if (method !== 'GET') return undefined;
  if (cookieHeader?.includes(`${sessionCookie}=`)) return undefined;
  const locale = cookieHeader ? (localeIn.exec(cookieHeader)?.[1] ?? 'nl') : 'nl';
  return `${locale}|${url}`;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by cachedPage(): this response may be kept by the front cache under this page key. */
    cacheablePage?: string;
  }
}

/**
 * Answers a request from the front cache, before Fastify sees it. Returns false on a miss.
 * Used in the HTTP server's request handler (see buildApp's serverFactory).
 */
export function serveFromFrontCache(
  cache: PageCache,
  req: IncomingMessage,
  res: ServerResponse,
  served: (hit: { route: string; status: number }) => void,
): boolean {
  const key = frontKey(req.method ?? '', req.url ?? '', req.headers.cookie);
  const hit = key ? cache.lookup(key) : undefined;
  if (!hit) return false;
  const notModified = req.headers['if-none-match'] === hit.etag;
  if (notModified) {
    res.writeHead(304, { etag: hit.etag, 'cache-control': hit.headers['cache-control'] });
    res.end();
  } else {
    res.writeHead(hit.status, hit.headers);
    res.end(hit.body);
  }
  // Counted in /metrics and logged like any other request (app.ts), with its own request id.
  served({ route: hit.route, status: notModified ? 304 : hit.status });
  return true;
}

/** Keeps cacheable anonymous pages in the front cache as they are sent. */
export function registerFrontCache(app: FastifyInstance, cache: PageCache) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.cacheablePage || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const key = frontKey(req.method, req.url, req.headers.cookie);
    if (!key || reply.getHeader('set-cookie')) return payload;
    const headers = { ...reply.getHeaders() } as OutgoingHttpHeaders;
    delete headers['date'];
    const body = Buffer.from(payload);
    headers['content-length'] = body.length;
    cache.remember(key, {
      pageKey: req.cacheablePage,
      route: req.routeOptions.url ?? 'onbekend',
      status: 200,
      headers,
      body,
      etag: String(reply.getHeader('etag')),
    });
    return payload;
  });
}
