// The design system's typeface, Fira Sans, is served by the platform itself under hashed names.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../app.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../../../test/support/db.ts';
import { testConfig, testCookieSecret } from '../../../test/support/app.ts';

let database: Database;
let app: FastifyInstance;

before(async () => {
  database = await createTestDatabase();
  app = await buildApp({
    config: testConfig(),
    database,
    logger: pino({ level: 'silent' }),
    cookieSecret: testCookieSecret,
  });
});
after(async () => {
  await app.close();
  await database.close();
});

test('the page links a stylesheet with @font-face rules for Fira Sans (swap) whose woff2 URLs are served with 200, font/woff2 and a year-long cache', async () => {
  const page = await app.inject('/');
  const href = /href="(\/assets\/fonts\.[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
  assert.ok(href, 'the page links fonts.css');
  const css = await app.inject(href);
  assert.equal(css.statusCode, 200);
  assert.match(css.body, /@font-face/);
  assert.match(css.body, /font-family: 'Fira Sans'/);
  assert.match(css.body, /font-display: swap/);
  const urls = [...css.body.matchAll(/url\('(\/assets\/fira-sans-(\d+)\.[0-9a-f]{12}\.woff2)'\)/g)];
  assert.deepEqual(
    urls.map((u) => u[2]),
    ['400', '700'],
  );
  for (const [, url] of urls) {
    const font = await app.inject({ url: url!, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(font.statusCode, 200);
    assert.equal(font.headers['content-type'], 'font/woff2');
    assert.equal(font.headers['content-encoding'], undefined, 'woff2 is compressed already');
    assert.match(font.headers['cache-control'] as string, /max-age=31536000, immutable/);
    assert.equal(font.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
  }
});
