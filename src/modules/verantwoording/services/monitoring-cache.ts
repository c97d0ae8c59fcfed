// Dashboard results kept per filter until the data change (repository/monitoring-version.ts):
// the figures only move when someone submits, so at national scale most requests are a version
// check of a millisecond instead of the full count. Concurrent requests for the same filter
// share one computation; the number of kept results is bounded.
export class MonitoringCache<T> {
  private entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxEntries = 200) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so the oldest is dropped first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
