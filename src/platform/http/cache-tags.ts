// The one way to empty a cache. Every cached thing belongs to a tag (a module's name, e.g.
// 'menukaart' or 'funding'); a change invalidates the tag and every cache that holds pages or
// results under it is emptied: the platform's page cache (keys start with `<tag>:`) and any
// cache a module keeps itself (registered with onInvalidate). Modules declare their tags in
// their descriptor; invalidating an undeclared tag is a programming error and throws.

export class CacheTags {
  private readonly known = new Set<string>();
  private readonly listeners = new Map<string, Array<() => void>>();

  /** Declares a tag (from a module descriptor's cacheTags). */
  declare(tag: string): void {
    if (!/^[a-z][a-z0-9-]*$/.test(tag)) throw new Error(`Ongeldige cachetag: ${tag}`);
    this.known.add(tag);
  }

  /** Runs `empty` whenever the tag is invalidated. */
  onInvalidate(tag: string, empty: () => void): void {
    this.check(tag);
    const list = this.listeners.get(tag) ?? [];
    list.push(empty);
    this.listeners.set(tag, list);
  }

  /** Empties everything cached under the tag. */
  invalidate(tag: string): void {
    this.check(tag);
    for (const empty of this.listeners.get(tag) ?? []) empty();
  }

  private check(tag: string): void {
    if (!this.known.has(tag))
      throw new Error(`Onbekende cachetag '${tag}': noem hem in cacheTags van de module.`);
  }
}
