// The menukaart's own cache for visitors' search pages (routes/support.ts serves from it), and
// the key prefix of its pages in the platform's page cache.
import { BoundedCache } from '../../../platform/http/bounded-cache.ts';

/** Key prefix of the menukaart's pages in the platform's page cache. */
export const cachePrefix = 'menukaart:';

/**
 * Rendered pages for visitors, kept as bytes (no re-encoding per request) and keyed by menu
 * version; emptied when a version is published or the kennisplein changes. Signed-in people
 * always get a fresh page (it carries their name and CSRF token).
 */
export class MenuPageCache {
  private readonly pages: BoundedCache<string, { body: Buffer; etag: string }>;
  private counter = 0;
  /** At most `maxEntries` pages and `maxBytes` bytes of them. */
  constructor(maxEntries = 400, maxBytes = 16 * 1024 * 1024) {
    this.pages = new BoundedCache(maxEntries, maxBytes);
  }
  get bytes(): number {
    return this.pages.bytes;
  }
  get(key: string) {
    return this.pages.get(key);
  }
  set(key: string, html: string) {
    const body = Buffer.from(html, 'utf8');
    const entry = { body, etag: `"m${(++this.counter).toString(36)}-${body.length.toString(36)}"` };
    return this.pages.set(key, entry, body.length + key.length);
  }
  clear() {
    this.pages.clear();
  }
}
