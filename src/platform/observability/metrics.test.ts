// /metrics is for the monitoring only, and a scrape costs no database query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import type { Jobs } from '../jobs/jobs.ts';
import { createMetrics } from './metrics.ts';
import { hasMetricsToken, startMetricsServer } from './metrics-access.ts';

const pool = { totalCount: 1, idleCount: 1, waitingCount: 0 } as unknown as pg.Pool;

function countingJobs() {
  const calls = { stats: 0 };
  const jobs = {
    async stats() {
      calls.stats++;
      return [{ queue: 'mail-versturen', state: 'created', count: 3 }];
    },
  } as unknown as Jobs;
  return { jobs, calls };
}

test('scrapes read the cached job counts: ten scrapes query the job table no more than the one refresh', async () => {
  const { jobs, calls } = countingJobs();
  const metrics = createMetrics(pool, () => jobs);
  // Optional call: so the same test also runs (and fails) on a version without a cache.
  await metrics.refresh?.();
  for (let i = 0; i < 10; i++) {
    const text = await metrics.registry.metrics();
    assert.match(text, /npo_jobs\{queue="mail-versturen",state="created"\} 3/);
  }
  assert.equal(calls.stats, 1);
});

test('the metrics token is compared exactly, and only as a bearer token', () => {
  const token = 't'.repeat(40);
  assert.equal(hasMetricsToken(`Bearer ${token}`, token), true);
  assert.equal(hasMetricsToken(`bearer ${token}`, token), true);
  assert.equal(hasMetricsToken(undefined, token), false);
  assert.equal(hasMetricsToken(token, token), false);
  assert.equal(hasMetricsToken(`Bearer ${token}x`, token), false);
  assert.equal(hasMetricsToken('Bearer ', token), false);
});

test('the METRICS_PORT listener serves /metrics (with the token when one is set) and nothing else', async () => {
  const metrics = createMetrics(pool, () => undefined);
  const token = 'm'.repeat(32);
  const server = await startMetricsServer(metrics, { port: 0, host: '127.0.0.1', token });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /npo_db_pool_connections/);
    assert.equal((await fetch(`${base}/metrics`)).status, 401);
    assert.equal((await fetch(`${base}/`, { headers: { authorization: `Bearer ${token}` } })).status, 404);
  } finally {
    await server.close();
  }
  const open = await startMetricsServer(metrics, { port: 0, host: '127.0.0.1' });
  try {
    assert.equal((await fetch(`http://127.0.0.1:${open.port}/metrics`)).status, 200);
  } finally {
    await open.close();
  }
});
