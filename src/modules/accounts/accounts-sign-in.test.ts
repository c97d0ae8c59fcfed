// Route tests for signing in and out: session cookie, wrong passwords, throttling, CSRF, form rate limits, English, sessions shared by instances.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, signInAs, testConfig, TestClient } from '../../../test/support/app.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import * as repo from './repository.ts';
import { signIn, throttle } from './service.ts';

accountsSuite('accounts: sign in', (t) => {
  test('signing in sets a safe session cookie, shows the dashboard and is audited', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    const res = await c.post('/inloggen', {
      email: p.email.toUpperCase(),
      wachtwoord: goodPassword,
      terug: '/account',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = res.cookies.find((x) => x.name === 'npo_sessie')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    const dash = await c.get('/overzicht');
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /Mijn overzicht/);
    assert.match(dash.body, /Teamlid · Testschool A/);
    const rows = await t.auditRows('inloggen');
    assert.ok(rows.some((r) => r.actor_person_id === p.id && r.result === 'ok'));
  });

  test('a wrong password gets a clear message, an audit row and a metric; nothing else', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    const res = await c.post('/inloggen', { email: p.email, wachtwoord: 'niet het goede wachtwoord' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Het e-mailadres of het wachtwoord klopt niet/);
    assert.equal(
      res.cookies.find((x) => x.name === 'npo_sessie'),
      undefined,
    );
    const rows = await t.auditRows('inloggen');
    const row = rows.find((r) => r.actor_person_id === p.id && r.result === 'mislukt');
    assert.ok(row, 'failure audited');
    assert.doesNotMatch(JSON.stringify(row), /niet het goede wachtwoord/);
    const metric = await t.app.platform.metrics.registry.getSingleMetricAsString('npo_login_failures_total');
    assert.match(metric, /npo_login_failures_total\{reason="password"\} [1-9]/);
    const unknown = await c.post('/inloggen', {
      email: 'onbekend@nergens.example',
      wachtwoord: 'wat dan ook',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Het e-mailadres of het wachtwoord klopt niet/);
  });

  test('after five failures an account is throttled, even with the right password', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    for (let i = 0; i < throttle.perAccount; i++) {
      assert.equal((await c.post('/inloggen', { email: p.email, wachtwoord: `fout ${i}` })).statusCode, 400);
    }
    const blocked = await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Te veel mislukte pogingen/);
    assert.ok(
      (await t.auditRows('inloggen')).some((r) => r.actor_label === p.email && r.result === 'geweigerd'),
    );
    const metric = await t.app.platform.metrics.registry.getSingleMetricAsString('npo_login_failures_total');
    assert.match(metric, /reason="throttled"\} [1-9]/);
    t.tick(throttle.windowMs + 1000);
    assert.equal(
      (await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode,
      303,
      'works again after the window',
    );
  });

  test('an address with many failures on different accounts is throttled', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < throttle.perAddress; i++) {
      const r = await signIn(t.database().db, {
        email: `x${i}@onbekend.example`,
        password: 'fout',
        ip,
        now: t.clock,
      });
      assert.equal(r.kind, 'failed');
    }
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const r = await signIn(t.database().db, { email: p.email, password: goodPassword, ip, now: t.clock });
    assert.deepEqual(r, { kind: 'throttled', scope: 'address' });
    const other = await signIn(t.database().db, {
      email: p.email,
      password: goodPassword,
      ip: '203.0.113.8',
      now: t.clock,
    });
    assert.equal(other.kind, 'ok');
  });

  test('logging out ends the session; "log out everywhere" ends every session', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    await b.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const oldCookie = a.cookieHeader;
    const out = await a.post('/uitloggen');
    assert.equal(out.statusCode, 303);
    const replayed = await t.app.inject({ method: 'GET', url: '/overzicht', headers: { cookie: oldCookie } });
    assert.equal(replayed.statusCode, 303, 'the old cookie no longer works');
    assert.equal((await b.get('/overzicht')).statusCode, 200);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const everywhere = await c.post('/uitloggen/overal');
    assert.equal(everywhere.headers.location, '/inloggen?uitgelogd=overal');
    assert.equal((await b.get('/overzicht')).statusCode, 303, 'other sessions ended too');
    assert.equal(await repo.countSessions(t.database().db, p.id), 0);
    assert.ok((await t.auditRows('uitloggen.overal')).some((r) => r.actor_person_id === p.id));
  });

  test('a form without a CSRF token is refused and changes nothing', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const res = await c.post('/account/naam', { naam: 'Gewijzigd' }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal((await repo.findPerson(t.database().db, p.id))!.name, `Persoon ${t.n}`);
  });

  test('public forms are rate-limited per address; account forms per person', async () => {
    const limited = await createTestApp(t.database(), { config: testConfig({ FORM_RATE_LIMIT: '6' }) });
    try {
      const c = new TestClient(limited);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++)
        codes.push((await c.post('/inloggen', { email: `rl${i}@x.example`, wachtwoord: 'fout' })).statusCode);
      assert.deepEqual(codes, [400, 400, 400, 400, 400, 400, 429]);
      const a = new TestClient(limited, (await signInAs(t.database(), 'teamlid', t.fx.schoolId)).cookie);
      const b = new TestClient(limited, (await signInAs(t.database(), 'teamlid', t.fx.schoolId)).cookie);
      assert.equal(
        (await a.post('/account/wachtwoord', { huidig: 'x', wachtwoord: 'y', herhaling: 'y' })).statusCode,
        400,
      );
      assert.equal(
        (await a.post('/account/wachtwoord', { huidig: 'x', wachtwoord: 'y', herhaling: 'y' })).statusCode,
        429,
      );
      assert.equal(
        (await b.post('/account/wachtwoord', { huidig: 'x', wachtwoord: 'y', herhaling: 'y' })).statusCode,
        400,
        'another person on the same address',
      );
    } finally {
      await limited.close();
    }
  });

  test('the sign-in pages and the dashboard speak English when chosen', async () => {
    const c = new TestClient(t.app);
    c.setCookie('npo_taal=en');
    const page = await c.get('/inloggen');
    assert.match(page.body, /<h1[^>]*>Sign in/);
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const wrong = await c.post('/inloggen', { email: p.email, wachtwoord: 'not the right one' });
    assert.match(wrong.body, /The e-mail address or the password is not correct/);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.match((await c.get('/overzicht')).body, /<h1[^>]*>My overview/);
  });

  test('a session is shared by instances: signed in on one, logged out on another, refused on both', async () => {
    const second = await createTestApp(t.database(), { now: () => t.clock });
    try {
      const p = await t.person([['teamlid', t.fx.schoolId]]);
      const a = new TestClient(t.app);
      await a.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
      const cookie = a.cookieHeader;
      assert.equal(
        (await second.inject({ method: 'GET', url: '/overzicht', headers: { cookie } })).statusCode,
        200,
      );
      const b = new TestClient(second);
      b.setCookie(cookie.split('; ').find((x) => x.startsWith('npo_sessie='))!);
      assert.equal((await b.post('/uitloggen')).statusCode, 303);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/overzicht', headers: { cookie } })).statusCode,
        303,
      );
      assert.equal(
        (await second.inject({ method: 'GET', url: '/overzicht', headers: { cookie } })).statusCode,
        303,
      );
    } finally {
      await second.close();
    }
  });
});
