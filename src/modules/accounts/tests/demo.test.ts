// The demo accounts: one per role, idempotent, sign-in with the known password and the demo
// TOTP key works; the outbox page exists only in demo mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createTestApp, testConfig, TestClient } from '../../../../test/support/app.ts';
import { seedDemo } from '../../../demo/seed.ts';
import { allRoles } from '../../../platform/auth/principal.ts';
import { demoEmail, demoPassword, demoTotpSecret } from '../demo.ts';
import { totpCode } from '../services/totp.ts';

eachEngine('demo accounts', (database) => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp(database(), {
      config: testConfig({ DEMO: 'true', DATA_DIR: '/tmp/npo-demo-test-nonexistent' }),
    });
  });
  after(() => app.close());

  test('one account per role, printed with the sign-in address; running twice changes nothing', async () => {
    const lines = await seedDemo(database().db);
    assert.match(lines.join('\n'), /\/inloggen/);
    assert.match(lines.join('\n'), new RegExp(demoPassword));
    for (const role of allRoles)
      assert.match(lines.join('\n'), new RegExp(demoEmail(role).replace('.', '\\.')));
    const count = async () =>
      (
        await database()
          .db.selectFrom('person')
          .select('id')
          .where('email', 'like', '%@demo.nponderwijs.example')
          .execute()
      ).length;
    assert.equal(await count(), allRoles.length);
    await seedDemo(database().db);
    assert.equal(await count(), allRoles.length);
  });

  test('the demo schoolleider signs in with the password; the demo beheerder also with the TOTP code', async () => {
    const c = new TestClient(app);
    const res = await c.post('/inloggen', { email: demoEmail('schoolleider'), wachtwoord: demoPassword });
    assert.equal(res.headers.location, '/overzicht');
    assert.match((await c.get('/overzicht')).body, /Team en MR beheren/);
    const b = new TestClient(app);
    const first = await b.post('/inloggen', { email: demoEmail('beheerder'), wachtwoord: demoPassword });
    assert.match(first.headers.location as string, /^\/inloggen\/code/);
    assert.equal((await b.post('/inloggen/code', { code: totpCode(demoTotpSecret) })).statusCode, 303);
    assert.equal((await b.get('/beheer/gebruikers')).statusCode, 200);
  });

  test('the outbox page is there in demo mode', async () => {
    const res = await new TestClient(app).get('/demo/mail');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Verstuurde e-mail/);
    const normal = await createTestApp(database());
    assert.equal((await normal.inject({ method: 'GET', url: '/demo/mail' })).statusCode, 404);
    await normal.close();
  });
});
