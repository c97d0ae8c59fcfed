// A map that forgets its least recently used entries when it holds too many or too many bytes.
// Entry counts alone do not bound memory: one long search page or a flood of distinct query
// strings can each fill a cache of "1000 pages" with far more than the operator planned for.

export class BoundedCache<K, V> {
  private readonly map = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** Bytes held now (the sum of the sizes given to set()). */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    // Most recently used goes last, so eviction takes the least recently used first.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Keeps the value unless it alone is larger than the whole budget; returns it either way. */
  set(key: K, value: V, bytes: number): V {
    this.delete(key);
    if (bytes > this.maxBytes) return value;
    while (this.map.size > 0 && (this.map.size >= this.maxEntries || this.total + bytes > this.maxBytes)) {
      const oldest = this.map.keys().next().value as K;
      this.delete(oldest);
    }
    this.map.set(key, { value, bytes });
    this.total += bytes;
    return value;
  }

  delete(key: K) {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.total -= e.bytes;
  }

  /** Forgets every entry whose value matches. */
  deleteWhere(test: (key: K, value: V) => boolean) {
    for (const [k, e] of [...this.map]) if (test(k, e.value)) this.delete(k);
  }

  clear() {
    this.map.clear();
    this.total = 0;
  }
}
