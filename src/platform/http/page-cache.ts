// Rendered pages for visitors who are not signed in, kept until the content they show changes.
// Signed-in pages are never cached: they carry names and CSRF tokens.
export class PageCache {
  private readonly pages = new Map<string, { html: string; etag: string }>();
  private counter = 0;

  constructor(private readonly maxEntries = 500) {}

  get(key: string) {
    return this.pages.get(key);
  }

  set(key: string, html: string) {
    if (this.pages.size >= this.maxEntries) {
      // Drop the oldest entry (Map keeps insertion order).
      const first = this.pages.keys().next().value;
      if (first !== undefined) this.pages.delete(first);
    }
    const entry = { html, etag: `"p${(++this.counter).toString(36)}-${html.length.toString(36)}"` };
    this.pages.set(key, entry);
    return entry;
  }

  /** Forget every page whose key starts with this prefix (e.g. after publishing the menu). */
  invalidate(prefix = '') {
    for (const k of this.pages.keys()) if (k.startsWith(prefix)) this.pages.delete(k);
  }
}
