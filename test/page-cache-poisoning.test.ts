// Finding 11 of issue 9: a page rendered once for all visitors must not carry what the first
// visitor put in the address, and the page caches are bounded by bytes, not only by entries.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from './support/db.ts';
import { createTestApp, testConfig } from './support/app.ts';
import type { Database } from '../src/platform/db/database.ts';
import { PageCache } from '../src/platform/http/page-cache.ts';
import { MenuPageCache } from '../src/modules/menukaart/services/page-caches.ts';

let database: Database;
let app: FastifyInstance;

before(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database, { config: testConfig({ PAGE_CACHE_MAX_MB: '1' }) });
});
after(async () => {
  await app?.close();
  await database?.close();
});

const languageLink = (html: string) => /href="(\/taal\?[^"]*)"/.exec(html)?.[1];

for (const path of ['/', '/privacy', '/toegankelijkheid', '/menukaart']) {
  test(`the first visitor's query string on ${path} does not end up in the cached page's language link`, async () => {
    const first = await app.inject(`${path}?utm=%22%3E%3Cb%3Epoison&terug=//evil.example`);
    assert.equal(first.statusCode, 200);
    const next = await app.inject(path);
    assert.equal(next.statusCode, 200);
    assert.equal(languageLink(next.body), `/taal?naar=en&amp;terug=${encodeURIComponent(path)}`);
    assert.doesNotMatch(next.body, /poison|evil\.example/);
  });
}

test('the page cache of an app with PAGE_CACHE_MAX_MB=1 stays within its share after many large pages', () => {
  const cache = app.platform.pageCache;
  const page = 'x'.repeat(100_000);
  for (let i = 0; i < 100; i++) {
    cache.set(`test:${i}|nl`, page);
    cache.remember(`nl|/test/${i}`, {
      pageKey: `test:${i}|nl`,
      route: '/test',
      status: 200,
      headers: {},
      body: Buffer.from(page),
      etag: '"x"',
    });
  }
  assert.ok(cache.bytes <= 0.75 * 1024 * 1024, `${cache.bytes} bytes`);
  assert.ok(cache.get('test:99|nl'), 'the newest page is kept');
});

test('a PageCache with a byte budget keeps no more bytes than that, whatever its entry limit', () => {
  const cache = new PageCache(10_000, 300_000);
  for (let i = 0; i < 1000; i++) cache.set(`k${i}`, 'é'.repeat(10_000));
  assert.ok(cache.bytes <= 300_000, `${cache.bytes} bytes`);
});

test('the menukaart search page cache keeps no more bytes than its budget', () => {
  const cache = new MenuPageCache(10_000, 200_000);
  for (let i = 0; i < 1000; i++) cache.set(`zoeken:${i}`, 'y'.repeat(20_000));
  assert.ok(cache.bytes <= 200_000, `${cache.bytes} bytes`);
});
