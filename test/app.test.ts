// The app shell through app.inject: pages, errors, headers, CSRF, limits, access and cache.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { access } from '../src/platform/auth/access.ts';
import { refusedAnonymousWrites } from '../src/platform/http/audit-net.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createTestDatabase } from './support/db.ts';
import {
  createFixtures,
  signInAs,
  testConfig,
  testCookieSecret,
  TestClient,
  type Fixtures,
} from './support/app.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixtures;
const logLines: string[] = [];
let handled = 0;
const metricsToken = 'monitoring-token-van-minstens-32-tekens';

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    config: testConfig({ METRICS_TOKEN: metricsToken }),
    database,
    logger: pino({ level: 'info' }, stream),
    cookieSecret: testCookieSecret,
  });
  // Routes that exist only in this test, to exercise the shared mechanisms.
  app.post('/test/formulier', { config: { access: access.public(), audit: 'test.formulier' } }, async () => {
    handled++;
    return { ok: true };
  });
  app.get('/test/kapot', { config: { access: access.public() } }, async () => {
    throw new Error('geheime interne fout');
  });
  app.get('/test/school/:schoolId', { config: { access: access.school(['schoolleider']) } }, async () => ({
    ok: true,
  }));
  app.post(
    '/test/beperkt',
    {
      config: {
        access: access.public(),
        audit: 'test.beperkt',
        rateLimit: { max: 1, timeWindow: '1 minute' },
      },
    },
    async () => ({
      ok: true,
    }),
  );
  app.get('/test/beheer', { config: { access: access.platform('beheerder') } }, async () => ({ ok: true }));
  await app.ready();
});

after(async () => {
  await app?.close();
  await database?.close();
});

test('the home page is Dutch, names the programme and lists its school years from the database', async () => {
  const res = await app.inject('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.body, /<html lang="nl">/);
  assert.match(res.body, /Naar de inhoud/);
  assert.match(res.body, /Nationaal Programma Onderwijs/);
  for (const y of ['2021-2022', '2022-2023', '2023-2024', '2024-2025']) assert.ok(res.body.includes(y), y);
  assert.match(res.body, /0800 424 04 24/);
  assert.match(res.body, /href="\/toegankelijkheid"/);
});

test('strict security headers on every page', async () => {
  const res = await app.inject('/');
  const csp = res.headers['content-security-policy'] as string;
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  for (const d of [
    "default-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    assert.ok(csp.includes(d), d);
  }
  const hsts = Number(/max-age=(\d+)/.exec(res.headers['strict-transport-security'] as string)?.[1]);
  assert.ok(hsts >= 31536000);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['referrer-policy'], 'same-origin');
  assert.equal(res.headers['x-frame-options'], 'DENY');
});

test('no inline style or script in the rendered shell (the CSP would block it)', async () => {
  const res = await app.inject('/');
  assert.doesNotMatch(res.body, /\sstyle="/);
  assert.doesNotMatch(res.body, /<script>(?!<\/script>)/);
});

test('an unknown page gets a Dutch 404 page; an unknown API path gets problem details (RFC 9457)', async () => {
  const res = await app.inject('/bestaat-niet');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /Pagina niet gevonden/);
  const api = await app.inject('/api/v1/bestaat-niet');
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  assert.equal(api.json().status, 404);
  assert.equal(api.json().title, 'Pagina niet gevonden');
  assert.equal(api.json().instance, '/api/v1/bestaat-niet');
});

test('the language switch sets a cookie, returns to the page, and refuses other sites', async () => {
  const client = new TestClient(app);
  const res = await client.get('/taal?naar=en&terug=%2Fprivacy');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/privacy');
  const page = await client.get('/privacy');
  assert.match(page.body, /<html lang="en">/);
  assert.match(page.body, /Privacy statement/);
  const notFound = await client.get('/nergens');
  assert.match(notFound.body, /Page not found/);
  const evil = await client.get('/taal?naar=nl&terug=%2F%2Fevil.example');
  assert.equal(evil.headers.location, '/');
});

test('accessibility and privacy statements exist in Dutch', async () => {
  assert.match((await app.inject('/toegankelijkheid')).body, /Toegankelijkheidsverklaring/);
  assert.match((await app.inject('/privacy')).body, /Privacyverklaring/);
});

test('security.txt names a contact and an expiry date', async () => {
  const res = await app.inject('/.well-known/security.txt');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^Contact: /m);
  const expires = new Date(/^Expires: (.+)$/m.exec(res.body)![1]!);
  assert.ok(expires.getTime() > Date.now());
});

test('health, readiness and metrics', async () => {
  assert.equal((await app.inject('/healthz')).json().status, 'ok');
  const ready = await app.inject('/readyz');
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().database, 'pglite');
  await app.inject('/');
  const m = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${metricsToken}` } });
  assert.match(m.body, /npo_http_requests_total\{method="GET",route="\/",status="200"\} \d+/);
  assert.match(m.body, /npo_http_request_duration_seconds_bucket/);
  assert.match(m.body, /npo_db_pool_connections\{state="total"\}/);
});

test('/metrics without the METRICS_TOKEN bearer token is refused with 401', async () => {
  assert.equal((await app.inject('/metrics')).statusCode, 401);
  const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer fout-token' } });
  assert.equal(wrong.statusCode, 401);
  assert.doesNotMatch(wrong.body, /npo_http_requests_total/);
});

test('without METRICS_TOKEN the main port does not serve /metrics at all', async () => {
  const plain = await buildApp({
    config: testConfig(),
    database,
    logger: false,
    cookieSecret: testCookieSecret,
  });
  try {
    const res = await plain.inject('/metrics');
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /npo_http_requests_total/);
  } finally {
    await plain.close();
  }
});

test('assets have content-hashed names, a year-long immutable cache and compression', async () => {
  const page = await app.inject('/');
  const href = /href="(\/assets\/components\.[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
  assert.ok(href);
  const res = await app.inject({ url: href, headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['cache-control'] as string, /max-age=31536000, immutable/);
  assert.equal(res.headers['content-encoding'], 'br');
  const again = await app.inject({ url: href, headers: { 'if-none-match': res.headers.etag as string } });
  assert.equal(again.statusCode, 304);
  assert.equal((await app.inject('/assets/components.000000000000.css')).statusCode, 404);
});

test('a form without a valid CSRF token is refused with a Dutch page, the handler never runs, and a refusal without session is counted and logged, not audited', async () => {
  const client = new TestClient(app);
  const before = handled;
  const refused = refusedAnonymousWrites(app.platform.metrics);
  const refusedBefore = (await refused.get()).values.reduce((n, v) => n + v.value, 0);
  const logBefore = logLines.length;
  const missing = await client.post('/test/formulier', { naam: 'x' }, { csrf: false });
  assert.equal(missing.statusCode, 403);
  assert.match(missing.body, /Formulier verlopen/);
  const forged = await client.post('/test/formulier', { naam: 'x' }, { csrf: 'vervalst-token' });
  assert.equal(forged.statusCode, 403);
  assert.equal(handled, before);
  const ok = await client.post('/test/formulier', { naam: 'x' });
  assert.equal(ok.statusCode, 200);
  assert.equal(handled, before + 1);
  const rows = await database.db
    .selectFrom('audit_event')
    .select(['result', 'action'])
    .where('object_id', '=', '/test/formulier')
    .execute();
  assert.deepEqual(rows.map((r) => r.result).sort(), ['ok']);
  const refusedAfter = (await refused.get()).values.reduce((n, v) => n + v.value, 0);
  assert.equal(refusedAfter - refusedBefore, 2);
  const logged = logLines
    .slice(logBefore)
    .filter((l) => l.includes('Schrijfverzoek zonder sessie geweigerd'));
  assert.equal(logged.length, 2);
});

test('a body that is too large is refused with a Dutch 413 page', async () => {
  const client = new TestClient(app);
  const res = await client.post('/test/formulier', { tekst: 'x'.repeat(1024 * 1024 + 10) });
  assert.equal(res.statusCode, 413);
  assert.match(res.body, /Te veel gegevens/);
});

test('too many posts to a rate-limited form get a Dutch 429 page with Retry-After', async () => {
  const client = new TestClient(app);
  assert.equal((await client.post('/test/beperkt')).statusCode, 200);
  const limited = await client.post('/test/beperkt');
  assert.equal(limited.statusCode, 429);
  assert.match(limited.body, /Even geduld/);
  assert.ok(Number(limited.headers['retry-after']) > 0);
});

test('a server error shows a reference that is in the log, never the error itself', async () => {
  const res = await app.inject('/test/kapot');
  assert.equal(res.statusCode, 500);
  assert.doesNotMatch(res.body, /geheime interne fout|at .*\.ts/);
  const reference = /class="npo-reference">([^<]+)</.exec(res.body)?.[1];
  assert.ok(reference);
  assert.ok(logLines.some((l) => l.includes(reference!) && l.includes('geheime interne fout')));
});

test('a client-chosen x-request-id is not the error reference without TRUST_PROXY', async () => {
  const res = await app.inject({
    url: '/test/kapot',
    headers: { 'x-request-id': 'door-de-client-gekozen-id' },
  });
  assert.equal(res.statusCode, 500);
  const reference = /class="npo-reference">([^<]+)</.exec(res.body)?.[1];
  assert.ok(reference);
  assert.notEqual(reference, 'door-de-client-gekozen-id');
});

test('behind a trusted proxy (TRUST_PROXY=true) its x-request-id is the error reference', async () => {
  const proxied = await buildApp({
    config: testConfig({ TRUST_PROXY: 'true' }),
    database,
    logger: false,
    cookieSecret: testCookieSecret,
  });
  proxied.get('/test/kapot', { config: { access: access.public() } }, async () => {
    throw new Error('kapot');
  });
  try {
    const res = await proxied.inject({
      url: '/test/kapot',
      headers: { 'x-request-id': 'van-de-proxy-1234' },
    });
    assert.match(res.body, /class="npo-reference">van-de-proxy-1234</);
  } finally {
    await proxied.close();
  }
});

test('access: visitors are sent to sign in; other tenants and wrong roles get 403, audited', async () => {
  const anon = await app.inject(`/test/school/${fx.schoolId}`);
  assert.equal(anon.statusCode, 303);
  assert.equal(anon.headers.location, `/inloggen?terug=${encodeURIComponent(`/test/school/${fx.schoolId}`)}`);

  const leider = await signInAs(database, 'schoolleider', fx.schoolId);
  const own = await app.inject({ url: `/test/school/${fx.schoolId}`, headers: { cookie: leider.cookie } });
  assert.equal(own.statusCode, 200);
  const other = await app.inject({
    url: `/test/school/${fx.otherSchoolId}`,
    headers: { cookie: leider.cookie },
  });
  assert.equal(other.statusCode, 403);
  assert.match(other.body, /Geen toegang/);
  const beheer = await app.inject({ url: '/test/beheer', headers: { cookie: leider.cookie } });
  assert.equal(beheer.statusCode, 403);
  const denied = await database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', 'toegang.geweigerd')
    .where('actor_person_id', '=', leider.personId)
    .execute();
  assert.equal(denied.length, 2);
  assert.equal(denied.find((d) => d.object_id?.includes('/test/school'))?.organisation_id, fx.otherSchoolId);
});

test('a session cookie that does not exist is ignored, not trusted', async () => {
  const res = await app.inject({
    url: `/test/school/${fx.schoolId}`,
    headers: { cookie: `npo_sessie=${'a'.repeat(43)}` },
  });
  assert.equal(res.statusCode, 303);
});

test('anonymous pages come from the cache; signed-in pages never do', async () => {
  const first = await app.inject('/privacy');
  const second = await app.inject('/privacy');
  assert.equal(second.body, first.body);
  assert.equal(second.headers.etag, first.headers.etag);
  assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy']);
  const notModified = await app.inject({
    url: '/privacy',
    headers: { 'if-none-match': first.headers.etag as string },
  });
  assert.equal(notModified.statusCode, 304);
  const leider = await signInAs(database, 'schoolleider', fx.schoolId);
  const mine = await app.inject({ url: '/privacy', headers: { cookie: leider.cookie } });
  assert.match(mine.body, /Ingelogd als Test schoolleider/);
  assert.equal(mine.headers['cache-control'], 'private, no-store');
});
