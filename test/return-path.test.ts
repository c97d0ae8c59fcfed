// Finding 6 of issue 9 over HTTP: every `terug` a route follows stays on this site and never
// turns into a 500 (Node refuses to send a Location with a control or non-ASCII character).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from './support/db.ts';
import { createFixtures, createTestApp, signInAs, TestClient } from './support/app.ts';
import type { Database } from '../src/platform/db/database.ts';

let database: Database;
let app: FastifyInstance;
let cookie: string;

before(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  const fx = await createFixtures(database);
  cookie = (await signInAs(database, 'teamlid', fx.schoolId)).cookie;
});
after(async () => {
  await app?.close();
  await database?.close();
});

// Query values as a browser would send them (already percent-encoded once).
const attacks = [
  '/%09/evil.example',
  '%09//evil.example',
  '/%0A/evil.example',
  '/%0D%0A/evil.example',
  '/%5Cevil.example',
  '%2F%2Fevil.example',
  '/%252F%252Fevil.example'.replace('%252F%252F', '%2F%2F'),
  'https%3A%2F%2Fevil.example',
  'javascript%3Aalert(1)',
  '/%C3%BCberall',
  '/%E2%80%AEx',
  '/x%0D%0ASet-Cookie%3A%20a%3Db',
];

for (const terug of attacks) {
  test(`/taal with terug=${terug} returns to the home page, not elsewhere and not a 500`, async () => {
    const res = await app.inject(`/taal?naar=en&terug=${terug}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
  });

  test(`/inloggen for a signed-in person with terug=${terug} goes to the dashboard`, async () => {
    const res = await new TestClient(app, cookie).get(`/inloggen?terug=${terug}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/overzicht');
  });
}

test('/inloggen renders a refused terug as "/" in its hidden field, never the attacker\'s target', async () => {
  const res = await app.inject('/inloggen?terug=/%09/evil.example');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<input type="hidden" name="terug" value="\/"\/>/);
});

test('a same-site terug with a query is kept', async () => {
  const res = await app.inject(`/taal?naar=en&terug=${encodeURIComponent('/menukaart/zoeken?q=lezen')}`);
  assert.equal(res.headers.location, '/menukaart/zoeken?q=lezen');
});
