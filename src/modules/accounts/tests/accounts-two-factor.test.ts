// Route tests for the second factor: enrolment for MFA roles, codes and recovery codes once, renewing codes and switching 2FA off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../../../../test/support/app.ts';
import { createSession, sessionCookie } from '../../../platform/auth/session.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import { findPerson } from '../repository/people.ts';
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from '../repository/second-factor.ts';
import { countSessions } from '../repository/sign-in-attempts-and-sessions.ts';
import { totpSecretBox } from '../services/totp-secret-box.ts';
import { totpCode } from '../services/totp.ts';

accountsSuite('accounts: two factor', (t) => {
  test('an MFA role without TOTP is sent to set it up; the session counts after a confirmed code', async () => {
    const p = await t.person([['bestuur', t.fx.boardId]]);
    const c = new TestClient(t.app);
    const res = await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(res.headers.location, '/account/tweestapsverificatie');
    assert.equal(
      (await c.get(`/besturen/${t.fx.boardId}/mensen`)).statusCode,
      403,
      'bestuur role not active yet',
    );
    const setup = await c.get('/account/tweestapsverificatie');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /<svg[^>]*role="img"/);
    assert.doesNotMatch(setup.body, /style=/);
    const pendingSealed = (await findPerson(t.database().db, p.id))!.totp_pending_secret!;
    assert.ok(pendingSealed);
    const pending = totpSecretBox(t.app.platform.config).open(p.id, pendingSealed);
    const wrong = await c.post('/account/tweestapsverificatie', {
      code: '000000' === totpCode(pending, t.clock) ? '111111' : '000000',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Deze code klopt niet/);
    const ok = await c.post('/account/tweestapsverificatie', { code: totpCode(pending, t.clock) });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Uw herstelcodes/);
    assert.equal(
      (await c.get(`/besturen/${t.fx.boardId}/mensen`)).statusCode,
      200,
      'bestuur role active after 2FA',
    );
    const row = await findPerson(t.database().db, p.id);
    const box = totpSecretBox(t.app.platform.config);
    assert.equal(box.open(p.id, row!.totp_secret!), pending);
    assert.equal(await countUnusedRecoveryCodes(t.database().db, p.id), 10);
    assert.ok(
      (await t.auditRows('tweestapsverificatie.aangezet')).some(
        (r) => r.actor_person_id === p.id && r.result === 'ok',
      ),
    );
  });

  test('with TOTP the password step grants nothing; a code works once; a recovery code works once', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const p = await t.person([['bestuur', t.fx.boardId]], { totp: secret });
    const c = new TestClient(t.app);
    const res = await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.match(res.headers.location as string, /^\/inloggen\/code/);
    const dash = await c.get('/overzicht');
    assert.equal(dash.statusCode, 303, 'a pending session is not signed in');
    assert.equal((await c.get('/inloggen/code')).statusCode, 200);
    const codePage = await c.get('/inloggen/code?terug=/account');
    assert.match(codePage.body, /name="terug" value="\/account"/);
    const pendingCookie = c.cookieHeader;
    const code = totpCode(secret, t.clock);
    const ok = await c.post('/inloggen/code', { code, terug: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    const old = await t.app.inject({ method: 'GET', url: '/overzicht', headers: { cookie: pendingCookie } });
    assert.equal(old.statusCode, 303, 'the pending token is replaced at the step up');
    assert.equal((await c.get(`/besturen/${t.fx.boardId}/mensen`)).statusCode, 200);

    // The same code again, in a new sign-in: refused (replay).
    const c2 = new TestClient(t.app);
    await c2.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const replay = await c2.post('/inloggen/code', { code });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /al gebruikt/);
    assert.ok(
      (await t.auditRows('inloggen.tweede-stap')).some(
        (r) => r.actor_person_id === p.id && r.result === 'mislukt',
      ),
    );

    // A recovery code: once.
    const { hashRecoveryCode } = await import('../services/totp.ts');
    await replaceRecoveryCodes(t.database().db, p.id, [hashRecoveryCode('abcd-efgh-jkmn')], t.clock);
    const rec = await c2.post('/inloggen/code', { code: 'ABCD-EFGH-JKMN' });
    assert.equal(rec.statusCode, 303);
    assert.equal((await c2.get(`/besturen/${t.fx.boardId}/mensen`)).statusCode, 200);
    const c3 = new TestClient(t.app);
    await c3.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(
      (await c3.post('/inloggen/code', { code: 'abcd-efgh-jkmn' })).statusCode,
      400,
      'recovery code used up',
    );
  });

  test('new recovery codes replace the old ones; 2FA can be switched off only without an MFA role and with the password', async () => {
    const secret = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
    const p = await t.person([['teamlid', t.fx.schoolId]], { totp: secret });
    const { hashRecoveryCode } = await import('../services/totp.ts');
    await replaceRecoveryCodes(t.database().db, p.id, [hashRecoveryCode('aaaa-bbbb-cccc')], t.clock);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    t.tick(90_000);
    assert.equal((await c.post('/inloggen/code', { code: totpCode(secret, t.clock) })).statusCode, 303);
    const fresh = await c.post('/account/herstelcodes');
    assert.equal(fresh.statusCode, 200);
    const codes = [...fresh.body.matchAll(/>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    const d = new TestClient(t.app);
    await d.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(
      (await d.post('/inloggen/code', { code: 'aaaa-bbbb-cccc' })).statusCode,
      400,
      'old code gone',
    );
    assert.equal((await d.post('/inloggen/code', { code: codes[0]! })).statusCode, 303, 'new code works');
    const wrong = await c.post('/account/tweestapsverificatie/uitzetten', { wachtwoord: 'fout' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(
      (await c.post('/account/tweestapsverificatie/uitzetten', { wachtwoord: goodPassword })).statusCode,
      303,
    );
    assert.equal((await findPerson(t.database().db, p.id))!.totp_enabled_at, null);
    const e = new TestClient(t.app);
    assert.equal(
      (await e.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).headers.location,
      '/overzicht',
    );

    const mfa = await t.person([['bestuur', t.fx.boardId]], { totp: secret });
    const m = new TestClient(t.app);
    await m.post('/inloggen', { email: mfa.email, wachtwoord: goodPassword });
    t.tick(90_000);
    await m.post('/inloggen/code', { code: totpCode(secret, t.clock) });
    const refused = await m.post('/account/tweestapsverificatie/uitzetten', { wachtwoord: goodPassword });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /verplicht/);
  });

  test('enabling two-factor ends every other session of the person', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const other = new TestClient(t.app);
    await other.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal((await other.get('/overzicht')).statusCode, 200);
    const me = new TestClient(t.app);
    await me.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    await me.get('/account/tweestapsverificatie');
    const pending = totpSecretBox(t.app.platform.config).open(
      p.id,
      (await findPerson(t.database().db, p.id))!.totp_pending_secret!,
    );
    const on = await me.post('/account/tweestapsverificatie', { code: totpCode(pending, t.clock) });
    assert.equal(on.statusCode, 200);
    assert.equal((await me.get('/overzicht')).statusCode, 200, 'the enabling session goes on');
    assert.equal((await other.get('/overzicht')).statusCode, 303, 'the password-only session ended');
    assert.equal(
      (await other.post('/account/herstelcodes')).statusCode,
      401,
      'the ended session cannot mint recovery codes',
    );
    assert.equal(await countSessions(t.database().db, p.id), 1);
  });

  test('a session that never passed the second factor cannot make recovery codes or switch 2FA off', async () => {
    const secret = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';
    const p = await t.person([['teamlid', t.fx.schoolId]], { totp: secret });
    const { hashRecoveryCode } = await import('../services/totp.ts');
    await replaceRecoveryCodes(t.database().db, p.id, [hashRecoveryCode('pppp-qqqq-rrrr')], t.clock);
    // A session started with the password alone (as before 2FA was on, or by an older release).
    const { token } = await createSession(t.database().db, p.id, { now: t.clock });
    const c = new TestClient(t.app, `${sessionCookie}=${token}`);
    const codes = await c.post('/account/herstelcodes');
    assert.equal(codes.statusCode, 403);
    assert.match(codes.body, /Log uit, log opnieuw in met uw wachtwoord en de code/);
    assert.doesNotMatch(codes.body, /Uw herstelcodes/);
    assert.equal(await countUnusedRecoveryCodes(t.database().db, p.id), 1, 'old codes untouched');
    const off = await c.post('/account/tweestapsverificatie/uitzetten', { wachtwoord: goodPassword });
    assert.equal(off.statusCode, 403);
    assert.ok((await findPerson(t.database().db, p.id))!.totp_enabled_at, '2FA still on');
    const refusals = await t.auditRows('tweestapsverificatie.herstelcodes-vernieuwd');
    assert.ok(refusals.some((r) => r.actor_person_id === p.id && r.result === 'geweigerd'));
  });

  test('TOTP keys are stored encrypted, bound to their person; a plain key from before is sealed at first use', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const page = await c.get('/account/tweestapsverificatie');
    const shown = page.body.match(/<code class="npo-reference">([A-Z2-7 ]+)<\/code>/)?.[1]?.replace(/ /g, '');
    assert.ok(shown?.length === 32, 'the key is shown for typing in');
    const stored = (await findPerson(t.database().db, p.id))!.totp_pending_secret!;
    assert.match(stored, /^v1:/);
    assert.ok(!stored.includes(shown), 'the pending key is not stored as is');
    await c.post('/account/tweestapsverificatie', { code: totpCode(shown, t.clock) });
    const sealed = (await findPerson(t.database().db, p.id))!.totp_secret!;
    assert.match(sealed, /^v1:/);
    assert.ok(!sealed.includes(shown), 'the key is not stored as is');
    const box = totpSecretBox(t.app.platform.config);
    assert.equal(box.open(p.id, sealed), shown);
    assert.throws(() => box.open(p.id + 1, sealed), 'a sealed key copied to another person does not open');

    const plain = 'ONSWG4TFORZW65LSMNSXI33SMNSXI33S';
    const old = await t.person([['teamlid', t.fx.schoolId]], { totp: plain });
    const o = new TestClient(t.app);
    await o.post('/inloggen', { email: old.email, wachtwoord: goodPassword });
    t.tick(30_000);
    assert.equal((await o.post('/inloggen/code', { code: totpCode(plain, t.clock) })).statusCode, 303);
    const after = (await findPerson(t.database().db, old.id))!.totp_secret!;
    assert.match(after, /^v1:/, 'sealed at its first use');
    assert.equal(box.open(old.id, after), plain);
  });
});
