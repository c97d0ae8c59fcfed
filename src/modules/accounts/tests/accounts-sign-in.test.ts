// Route tests for signing in and out: session cookie, wrong passwords, throttling, CSRF, form rate limits, English, sessions shared by instances.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, signInAs, testConfig, TestClient } from '../../../../test/support/app.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import { reserveTry } from '../repository/login-throttle.ts';
import { findPerson } from '../repository/people.ts';
import { countSessions } from '../repository/sign-in-attempts-and-sessions.ts';
import { signIn } from '../services/sign-in.ts';
import { throttleRules } from '../services/throttle.ts';

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

  test('after five failures the account and address pair waits 1 s, then 2 s, even with the right password', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    for (let i = 0; i < throttleRules.paar.free; i++) {
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
    t.tick(1000);
    assert.equal((await c.post('/inloggen', { email: p.email, wachtwoord: 'fout 6' })).statusCode, 400);
    t.tick(1000);
    assert.equal(
      (await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode,
      429,
      'the sixth failure doubled the wait to 2 s',
    );
    t.tick(1000);
    assert.equal(
      (await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode,
      303,
      'works again after the delay',
    );
    const again = new TestClient(t.app);
    assert.equal(
      (await again.post('/inloggen', { email: p.email, wachtwoord: 'fout na gelukt' })).statusCode,
      400,
      'a success starts the pair count again',
    );
  });

  test('a parallel burst of 40 guesses checks only five passwords, so the right one last is refused', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    const guesses = Array.from({ length: 39 }, (_, i) => `fout wachtwoord ${i}`).concat(goodPassword);
    const codes = await Promise.all(
      guesses.map((wachtwoord) =>
        c.post('/inloggen', { email: p.email, wachtwoord }).then((r) => r.statusCode),
      ),
    );
    assert.equal(codes.filter((s) => s === 303).length, 0, 'no guess in the burst signed in');
    assert.equal(codes.filter((s) => s === 400).length, throttleRules.paar.free, 'five passwords checked');
    assert.equal(codes.filter((s) => s === 429).length, 40 - throttleRules.paar.free);
    assert.equal(await countSessions(t.database().db, p.id), 0);
  });

  test('failures from one address do not lock the account for another address', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const db = t.database().db;
    for (let i = 0; i < throttleRules.paar.free + 3; i++) {
      await signIn(db, { email: p.email, password: 'fout', ip: '198.51.100.66', now: t.clock });
    }
    const attacker = await signIn(db, {
      email: p.email,
      password: goodPassword,
      ip: '198.51.100.66',
      now: t.clock,
    });
    assert.equal(attacker.kind, 'throttled');
    const owner = await signIn(db, {
      email: p.email,
      password: goodPassword,
      ip: '203.0.113.20',
      now: t.clock,
    });
    assert.equal(owner.kind, 'ok', 'the owner elsewhere signs in without waiting');
  });

  test('thirty failures behind one school address do not stop a colleague signing in from it', async () => {
    const ip = '203.0.113.7';
    const db = t.database().db;
    for (let i = 0; i < 30; i++) {
      const r = await signIn(db, { email: `x${i}@onbekend.example`, password: 'fout', ip, now: t.clock });
      assert.equal(r.kind, 'failed');
    }
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const r = await signIn(db, { email: p.email, password: goodPassword, ip, now: t.clock });
    assert.equal(r.kind, 'ok');
  });

  test('an address with 300 failures on different accounts waits, other addresses do not', async () => {
    const ip = '203.0.113.9';
    const db = t.database().db;
    for (let i = 0; i < throttleRules.adres.free; i++) {
      await reserveTry(db, { scope: 'adres', subject: ip, email: null }, throttleRules.adres, t.clock);
    }
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const r = await signIn(db, { email: p.email, password: goodPassword, ip, now: t.clock });
    assert.equal(r.kind, 'throttled');
    assert.equal(r.kind === 'throttled' && r.scope, 'adres');
    const other = await signIn(db, {
      email: p.email,
      password: goodPassword,
      ip: '203.0.113.8',
      now: t.clock,
    });
    assert.equal(other.kind, 'ok');
  });

  test('fifty failures on one account from many addresses delay it everywhere', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const db = t.database().db;
    for (let i = 0; i < throttleRules.account.free; i++) {
      const r = await signIn(db, { email: p.email, password: 'fout', ip: `10.0.${i}.1`, now: t.clock });
      assert.equal(r.kind, 'failed');
    }
    const r = await signIn(db, { email: p.email, password: goodPassword, ip: '10.9.9.9', now: t.clock });
    assert.equal(r.kind === 'throttled' && r.scope, 'account');
  });

  test('the owner gets one mailed unlock link when a delay starts; it lifts it once, expires and is audited', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    for (let i = 0; i < throttleRules.paar.free; i++)
      await c.post('/inloggen', { email: p.email, wachtwoord: `f${i}` });
    const mails = await t.outbox(p.email);
    assert.equal(mails.length, 1, 'one mail when the delay starts');
    assert.match(mails[0]!.subject, /tijdelijk vertraagd/);
    const link = t.linkIn(mails[0]!.text, '/inloggen/vrijgeven');
    const token = link.split('token=')[1]!;
    const stored = await t
      .database()
      .db.selectFrom('login_unlock')
      .selectAll()
      .where('person_id', '=', p.id)
      .execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token, 'only a hash of the token is stored');
    assert.equal((await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode, 429);

    const page = await c.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Inloggen weer vrijgeven/);
    const done = await c.post('/inloggen/vrijgeven', { token });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /U kunt weer inloggen/);
    assert.equal((await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode, 303);
    const twice = await c.post('/inloggen/vrijgeven', { token });
    assert.equal(twice.statusCode, 400, 'the link works once');
    assert.match(twice.body, /werkt niet \(meer\)/);
    const audited = await t.auditRows('inloggen.vrijgegeven');
    assert.ok(audited.some((r) => r.object_id === String(p.id) && r.result === 'ok'));
    assert.ok(audited.some((r) => r.result === 'mislukt'));

    // Another delay within the hour: no second mail (no mail flood by a guesser).
    const d = new TestClient(t.app);
    for (let i = 0; i < throttleRules.paar.free; i++)
      await d.post('/inloggen', { email: p.email, wachtwoord: `g${i}` });
    assert.equal((await t.outbox(p.email)).length, 1);
    // After the hour a new delay mails a new link; an old, unused link has expired by then.
    t.tick(61 * 60 * 1000);
    for (let i = 0; i < throttleRules.paar.free; i++)
      await d.post('/inloggen', { email: p.email, wachtwoord: `h${i}` });
    const newer = await t.outbox(p.email);
    assert.equal(newer.length, 2);
    t.tick(61 * 60 * 1000);
    const late = t.linkIn(newer.find((m) => !m.text.includes(token))!.text, '/inloggen/vrijgeven');
    assert.equal((await d.post('/inloggen/vrijgeven', { token: late.split('token=')[1]! })).statusCode, 400);
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
    assert.equal(await countSessions(t.database().db, p.id), 0);
    assert.ok((await t.auditRows('uitloggen.overal')).some((r) => r.actor_person_id === p.id));
  });

  test('a form without a CSRF token is refused and changes nothing', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const res = await c.post('/account/naam', { naam: 'Gewijzigd' }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal((await findPerson(t.database().db, p.id))!.name, `Persoon ${t.n}`);
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
