// Route tests for password reset (mail, weak passwords, one use, expiry) and the reset and invitation route examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../../../../test/support/app.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import { resetAnswerMs } from '../services/even-timing.ts';

accountsSuite('accounts: password reset', (t) => {
  test('password reset: mail with a link, weak password refused, link works once and expires', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    const signedIn = new TestClient(t.app);
    await signedIn.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const req = await c.post('/wachtwoord-vergeten', { email: p.email });
    assert.equal(req.statusCode, 200);
    assert.match(req.body, /hebben we een e-mail gestuurd/);
    const unknown = await c.post('/wachtwoord-vergeten', { email: 'niemand@nergens.example' });
    assert.equal(
      unknown.body.includes('hebben we een e-mail gestuurd'),
      true,
      'same answer for unknown addresses',
    );
    const mails = await t.outbox(p.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.html, /<a href="http/);
    const link = t.linkIn(mails[0]!.text, '/wachtwoord-herstellen');
    assert.equal((await c.get(link)).statusCode, 200);
    const token = link.split('token=')[1]!;
    const weak = await c.post('/wachtwoord-herstellen', {
      token,
      wachtwoord: 'wachtwoord123',
      herhaling: 'wachtwoord123',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /te veel voor/);
    const mismatch = await c.post('/wachtwoord-herstellen', {
      token,
      wachtwoord: 'nieuwe lange zin voor mij',
      herhaling: 'iets anders',
    });
    assert.match(mismatch.body, /niet gelijk/);
    const ok = await c.post('/wachtwoord-herstellen', {
      token,
      wachtwoord: 'nieuwe lange zin voor mij',
      herhaling: 'nieuwe lange zin voor mij',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await signedIn.get('/overzicht')).statusCode, 303, 'sessions ended after a reset');
    const reused = await c.post('/wachtwoord-herstellen', {
      token,
      wachtwoord: 'nog een andere lange zin',
      herhaling: 'nog een andere lange zin',
    });
    assert.equal(reused.statusCode, 400);
    assert.match(reused.body, /al gebruikt/);
    assert.equal(
      (await c.post('/inloggen', { email: p.email, wachtwoord: 'nieuwe lange zin voor mij' })).statusCode,
      303,
    );
    assert.ok(
      (await t.auditRows('wachtwoord.hersteld')).some((r) => r.actor_person_id === p.id && r.result === 'ok'),
    );

    await c.post('/wachtwoord-vergeten', { email: p.email });
    const second = (await t.outbox(p.email)).find((m) => !m.text.includes(token))!;
    const link2 = t.linkIn(second.text, '/wachtwoord-herstellen');
    t.tick(61 * 60 * 1000);
    const expired = await c.get(link2);
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /verlopen/);
  });

  test('the route examples of the reset and invitation pages give working links', async () => {
    for (const url of ['/wachtwoord-herstellen', '/uitnodiging']) {
      const route = t.app.platform.routes.find((r) => r.method === 'GET' && r.url === url)!;
      const q = route.config.examples!.query!;
      const query =
        typeof q === 'string'
          ? q
          : await q({ schoolId: t.fx.schoolId, boardId: t.fx.boardId, db: t.database().db });
      const res = await new TestClient(t.app).get(url + query);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /type="password"/);
    }
  });

  test('a reset request answers known and unknown addresses after the same fixed time', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    const took = async (email: string) => {
      const t0 = performance.now();
      assert.equal((await c.post('/wachtwoord-vergeten', { email })).statusCode, 200);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await took(p.email));
      unknown.push(await took(`niemand-${i}@nergens.example`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    for (const ms of [...known, ...unknown]) assert.ok(ms >= resetAnswerMs - 2, `answered after ${ms} ms`);
    assert.ok(
      Math.abs(median(known) - median(unknown)) < resetAnswerMs / 5,
      `known ${median(known)} ms, unknown ${median(unknown)} ms`,
    );
  });
});
