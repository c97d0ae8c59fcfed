// The front cache (platform/http/page-cache.ts) answers repeat visitors' requests in the HTTP
// server's handler, before Fastify. app.inject bypasses that handler, so this suite listens on
// a real port and uses fetch: a hit gives the same bytes, is never served to a signed-in person
// or for a page with a form token, is emptied when the menu is published, and is counted in
// /metrics and logged with a request id like any other request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createTestDatabase } from './support/db.ts';
import { createFixtures, signInAs, testConfig, testCookieSecret, TestClient } from './support/app.ts';
import type { Database } from '../src/platform/db/database.ts';
import { sectionHeadings } from '../src/modules/menukaart/services/praktijkkaart.ts';

let database: Database;
let app: FastifyInstance;
let base: string;
const logLines: Array<Record<string, unknown>> = [];
const metricsToken = 'front-cache-test-metrics-token-0123456789';

before(async () => {
  database = await createTestDatabase();
  await createFixtures(database);
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  app = await buildApp({
    config: testConfig({ METRICS_TOKEN: metricsToken }),
    database,
    logger: pino({ level: 'info' }, sink),
    cookieSecret: testCookieSecret,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(async () => {
  await app?.close();
  await database?.close();
});

const hitsIn = (since: number) => logLines.slice(since).filter((l) => l.cache === 'hit');

/** The request counter for a route as /metrics reports it. */
async function metricValue(route: string): Promise<number> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  assert.equal(res.status, 200);
  const text = await res.text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('npo_http_requests_total{') &&
        l.includes(`route="${route}"`) &&
        l.includes('status="200"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

test('a repeat visit to a public page is a hit with the same bytes, counted in /metrics and logged with a request id', async () => {
  const first = await fetch(`${base}/menukaart`);
  assert.equal(first.status, 200);
  const firstBody = Buffer.from(await first.arrayBuffer());
  const counted = await metricValue('/menukaart');
  const logged = logLines.length;

  const second = await fetch(`${base}/menukaart`);
  assert.equal(second.status, 200);
  assert.deepEqual(Buffer.from(await second.arrayBuffer()), firstBody);
  assert.equal(second.headers.get('etag'), first.headers.get('etag'));
  assert.equal(second.headers.get('content-security-policy'), first.headers.get('content-security-policy'));

  const hits = hitsIn(logged);
  assert.equal(hits.length, 1, 'the second request is answered by the front cache');
  assert.match(String(hits[0]!.reqId), /^[0-9a-f-]{36}$/);
  assert.equal(hits[0]!.route, '/menukaart');
  assert.equal(await metricValue('/menukaart'), counted + 1);
});

test('a signed-in person never gets a cached page', async () => {
  await fetch(`${base}/menukaart`);
  const { cookie } = await signInAs(database, 'schoolleider', (await createFixtures(database)).schoolId);
  const logged = logLines.length;
  const res = await fetch(`${base}/menukaart`, { headers: { cookie } });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Uitloggen/);
  assert.equal(hitsIn(logged).length, 0);
});

test('a page with a form token (sign-in) is never kept: each visitor gets a fresh token', async () => {
  const a = await (await fetch(`${base}/inloggen`)).text();
  const logged = logLines.length;
  const b = await (await fetch(`${base}/inloggen`)).text();
  assert.equal(hitsIn(logged).length, 0);
  const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token(a) && token(b));
  assert.notEqual(token(a), token(b));
});

test('publishing a new menu version empties the cache: the next visit shows the new version', async () => {
  const before = await (await fetch(`${base}/menukaart/B6`)).text();
  assert.match(before, /\+6 maanden/);
  const logged = logLines.length;
  await fetch(`${base}/menukaart/B6`);
  assert.equal(hitsIn(logged).length, 1, 'cached before the publication');

  const fx = await createFixtures(database);
  const editor = new TestClient(app, (await signInAs(database, 'redactie', fx.ministryId)).cookie);
  assert.equal((await editor.post('/redactie/menukaart/concept')).statusCode, 303);
  const fields: Record<string, string | string[]> = {
    categorie: 'B',
    naam: 'Feedback',
    bron: 'EEF',
    samenvatting: 'Gerichte informatie aan leerlingen over hun leren.',
    sectoren: ['po', 'vo', 'vso'],
    bewijs: '4',
    kosten: '1',
    beoordeeldOp: '2023-06-01',
    beoordelingBron: 'https://educationendowmentfoundation.org.uk/',
    status: 'actief',
  };
  for (const { key } of sectionHeadings) fields[`pk_${key}`] = `Tekst voor ${key}.`;
  const saved = await editor.post('/redactie/menukaart/concept/interventie/B6', { ...fields, effect: '7' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
  // In force today (a later date would keep it private until then), confirmed.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const published = await editor.post('/redactie/menukaart/concept/publiceren', {
    titel: 'Menukaart met nieuwe cijfers',
    geldigVanaf: today,
    toelichting: 'Nieuwe cijfers voor feedback.',
    bevestigd: 'ja',
  });
  assert.equal(published.statusCode, 303, published.body.slice(0, 2000));

  const loggedAfter = logLines.length;
  const after = await (await fetch(`${base}/menukaart/B6`)).text();
  assert.equal(hitsIn(loggedAfter).length, 0, 'the first visit after publishing is rendered anew');
  assert.match(after, /\+7 maanden/);
});
