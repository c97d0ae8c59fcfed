// The route contract (docs/ARCHITECTURE.md): every route declares who may use it, every write
// names its audit actions, and routes declare their input as zod schemas. Registration refuses
// a route without access or (for writes) without audit actions; the rest is counted here over
// every registered route.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccessControl } from '../src/platform/http/access-control.ts';
import { access } from '../src/platform/auth/access.ts';
import type { Platform } from '../src/platform/platform.ts';
import { createTestDatabase } from './support/db.ts';
import { createTestApp } from './support/app.ts';
import type { Database } from '../src/platform/db/database.ts';

/** A bare Fastify with only the platform's registration checks. */
function bareApp() {
  const app = Fastify();
  app.decorate('platform', { routes: [] } as unknown as Platform);
  registerAccessControl(app);
  return app;
}

test('a route without config.access is refused at registration', () => {
  const app = bareApp();
  assert.throws(() => app.get('/open', async () => 'x'), /geen toegangsregel \(config\.access\)/);
});

test('a write route without config.audit is refused at registration; with one it registers', () => {
  const app = bareApp();
  assert.throws(
    () => app.post('/schrijven', { config: { access: access.signedIn() } }, async () => 'x'),
    /noemt geen auditactie \(config\.audit\)/,
  );
  assert.doesNotThrow(() =>
    app.post('/schrijven', { config: { access: access.signedIn(), audit: 'iets.gedaan' } }, async () => 'x'),
  );
});

let database: Database;
let app: FastifyInstance;
before(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
});
after(async () => {
  await app?.close();
  await database?.close();
});

test('every route with a path parameter declares it in a params schema', () => {
  const missing = app.platform.routes
    .filter((r) => r.url.includes(':') && !r.schema?.params)
    .map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(missing, []);
});

test('every write route declares its audit actions', () => {
  const missing = app.platform.routes
    .filter((r) => r.method !== 'GET' && !r.config.audit)
    .map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(missing, []);
});

test('at least 80 % of the routes that take input declare a schema for it', () => {
  // Input: a path parameter, a form or JSON body, or a query the page reads (declared).
  const takesInput = app.platform.routes.filter(
    (r) => r.url.includes(':') || r.method !== 'GET' || r.schema?.querystring,
  );
  const withSchema = takesInput.filter((r) => r.schema?.params || r.schema?.body || r.schema?.querystring);
  const share = withSchema.length / takesInput.length;
  const without = takesInput.filter((r) => !withSchema.includes(r)).map((r) => `${r.method} ${r.url}`);
  assert.ok(
    share >= 0.8,
    `${withSchema.length} van ${takesInput.length} (${Math.round(share * 100)} %); zonder: ${without.join(', ')}`,
  );
});
