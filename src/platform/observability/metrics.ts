// Prometheus metrics: requests and latency by route, the database pool and the job queues.
// One registry per app, so tests can build many apps in one process. A scrape never queries
// the database: the job counts are a cached value that refresh() renews on a timer (app.ts).
import client from 'prom-client';
import type pg from 'pg';
import type { Jobs } from '../jobs/jobs.ts';

export interface Metrics {
  registry: client.Registry;
  requests: client.Counter<'method' | 'route' | 'status'>;
  duration: client.Histogram<'method' | 'route'>;
  /** Reads the job counts from the database into the cache the gauge reports. */
  refresh(): Promise<void>;
  /** Modules add their own counters here (e.g. failed sign-ins). */
  counter<L extends string>(name: string, help: string, labels: L[]): client.Counter<L>;
}

export function createMetrics(pool: pg.Pool, jobs: () => Jobs | undefined): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'npo_' });
  const requests = new client.Counter({
    name: 'npo_http_requests_total',
    help: 'HTTP-verzoeken per methode, route en status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'npo_http_request_duration_seconds',
    help: 'Duur van HTTP-verzoeken per methode en route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'npo_db_pool_connections',
    help: 'Verbindingen in de databasepool per toestand',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  let jobCounts: { queue: string; state: string; count: number }[] = [];
  new client.Gauge({
    name: 'npo_jobs',
    help: 'Taken in de wachtrij per wachtrij en toestand (ververst elke 15 s)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of jobCounts) this.set({ queue: s.queue, state: s.state }, s.count);
    },
  });
  const counters = new Map<string, client.Counter<string>>();
  return {
    registry,
    requests,
    duration,
    async refresh() {
      const j = jobs();
      if (j) jobCounts = await j.stats();
    },
    counter(name, help, labels) {
      let c = counters.get(name);
      if (!c) {
        c = new client.Counter({ name, help, labelNames: labels, registers: [registry] });
        counters.set(name, c);
      }
      return c;
    },
  };
}
