// Route tests for accounts on both engines: sign-in, throttling, second factor, sign-out,
// password reset, invitations, my account, the last-schoolleider rule, tenant sealing and
// the audit rows these write.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  testConfig,
  TestClient,
  type Fixtures,
} from '../../../test/support/app.ts';
import type { Role } from '../../platform/db/tables.ts';
import { hashPassword } from './passwords.ts';
import { totpCode } from './totp.ts';
import * as repo from './repository.ts';
import { signIn, throttle } from './service.ts';

const goodPassword = 'paarse olifant danst op het dak';

eachEngine('accounts', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let clock = new Date('2026-03-02T09:00:00Z');
  let dataDir: string;
  let n = 0;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-accounts-'));
    app = await createTestApp(database(), { config: testConfig({ DATA_DIR: dataDir }), now: () => clock });
    fx = await createFixtures(database());
  });
  after(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  /** A person with a password and memberships, optionally with TOTP enabled. */
  async function person(roles: [Role, number][], opts: { totp?: string; password?: string } = {}) {
    const db = database().db;
    const email = `p${++n}-${process.pid}@school.example`;
    const p = await repo.insertPerson(db, {
      email,
      name: `Persoon ${n}`,
      passwordHash: await hashPassword(opts.password ?? goodPassword),
      now: clock,
    });
    for (const [role, org] of roles) await repo.insertMembership(db, p.id, org, role);
    if (opts.totp) await repo.updatePerson(db, p.id, { totp_secret: opts.totp, totp_enabled_at: clock });
    return { id: p.id, email };
  }

  async function auditRows(action: string, since = new Date(0)) {
    return database()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('action', '=', action)
      .where('at', '>=', since)
      .orderBy('id')
      .execute();
  }

  async function outbox(to: string) {
    return (await app.platform.mailer.outbox(200)).filter((m) => m.to === to);
  }

  const linkIn = (text: string, pathPrefix: string) => {
    const m = text.match(new RegExp(`https?://[^/\\s]+(${pathPrefix}\\?token=[\\w-]+)`));
    assert.ok(m, `link ${pathPrefix} in mail`);
    return m[1]!;
  };

  test('signing in sets a safe session cookie, shows the dashboard and is audited', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
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
    const rows = await auditRows('inloggen');
    assert.ok(rows.some((r) => r.actor_person_id === p.id && r.result === 'ok'));
  });

  test('a wrong password gets a clear message, an audit row and a metric; nothing else', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
    const res = await c.post('/inloggen', { email: p.email, wachtwoord: 'niet het goede wachtwoord' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Het e-mailadres of het wachtwoord klopt niet/);
    assert.equal(
      res.cookies.find((x) => x.name === 'npo_sessie'),
      undefined,
    );
    const rows = await auditRows('inloggen');
    const row = rows.find((r) => r.actor_person_id === p.id && r.result === 'mislukt');
    assert.ok(row, 'failure audited');
    assert.doesNotMatch(JSON.stringify(row), /niet het goede wachtwoord/);
    const metric = await app.platform.metrics.registry.getSingleMetricAsString('npo_login_failures_total');
    assert.match(metric, /npo_login_failures_total\{reason="password"\} [1-9]/);
    const unknown = await c.post('/inloggen', {
      email: 'onbekend@nergens.example',
      wachtwoord: 'wat dan ook',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Het e-mailadres of het wachtwoord klopt niet/);
  });

  test('after five failures an account is throttled, even with the right password', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
    for (let i = 0; i < throttle.perAccount; i++) {
      assert.equal((await c.post('/inloggen', { email: p.email, wachtwoord: `fout ${i}` })).statusCode, 400);
    }
    const blocked = await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Te veel mislukte pogingen/);
    assert.ok(
      (await auditRows('inloggen')).some((r) => r.actor_label === p.email && r.result === 'geweigerd'),
    );
    const metric = await app.platform.metrics.registry.getSingleMetricAsString('npo_login_failures_total');
    assert.match(metric, /reason="throttled"\} [1-9]/);
    tick(throttle.windowMs + 1000);
    assert.equal(
      (await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode,
      303,
      'works again after the window',
    );
  });

  test('an address with many failures on different accounts is throttled', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < throttle.perAddress; i++) {
      const r = await signIn(database().db, {
        email: `x${i}@onbekend.example`,
        password: 'fout',
        ip,
        now: clock,
      });
      assert.equal(r.kind, 'failed');
    }
    const p = await person([['teamlid', fx.schoolId]]);
    const r = await signIn(database().db, { email: p.email, password: goodPassword, ip, now: clock });
    assert.deepEqual(r, { kind: 'throttled', scope: 'address' });
    const other = await signIn(database().db, {
      email: p.email,
      password: goodPassword,
      ip: '203.0.113.8',
      now: clock,
    });
    assert.equal(other.kind, 'ok');
  });

  test('an MFA role without TOTP is sent to set it up; the session counts after a confirmed code', async () => {
    const p = await person([['bestuur', fx.boardId]]);
    const c = new TestClient(app);
    const res = await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(res.headers.location, '/account/tweestapsverificatie');
    assert.equal(
      (await c.get(`/besturen/${fx.boardId}/mensen`)).statusCode,
      403,
      'bestuur role not active yet',
    );
    const setup = await c.get('/account/tweestapsverificatie');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /<svg[^>]*role="img"/);
    assert.doesNotMatch(setup.body, /style=/);
    const pending = (await repo.findPerson(database().db, p.id))!.totp_pending_secret!;
    assert.ok(pending);
    const wrong = await c.post('/account/tweestapsverificatie', {
      code: '000000' === totpCode(pending, clock) ? '111111' : '000000',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Deze code klopt niet/);
    const ok = await c.post('/account/tweestapsverificatie', { code: totpCode(pending, clock) });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Uw herstelcodes/);
    assert.equal(
      (await c.get(`/besturen/${fx.boardId}/mensen`)).statusCode,
      200,
      'bestuur role active after 2FA',
    );
    const row = await repo.findPerson(database().db, p.id);
    assert.equal(row!.totp_secret, pending);
    assert.equal(await repo.countUnusedRecoveryCodes(database().db, p.id), 10);
    assert.ok(
      (await auditRows('tweestapsverificatie.aangezet')).some(
        (r) => r.actor_person_id === p.id && r.result === 'ok',
      ),
    );
  });

  test('with TOTP the password step grants nothing; a code works once; a recovery code works once', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const p = await person([['bestuur', fx.boardId]], { totp: secret });
    const c = new TestClient(app);
    const res = await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.match(res.headers.location as string, /^\/inloggen\/code/);
    const dash = await c.get('/overzicht');
    assert.equal(dash.statusCode, 303, 'a pending session is not signed in');
    assert.equal((await c.get('/inloggen/code')).statusCode, 200);
    const codePage = await c.get('/inloggen/code?terug=/account');
    assert.match(codePage.body, /name="terug" value="\/account"/);
    const pendingCookie = c.cookieHeader;
    const code = totpCode(secret, clock);
    const ok = await c.post('/inloggen/code', { code, terug: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    const old = await app.inject({ method: 'GET', url: '/overzicht', headers: { cookie: pendingCookie } });
    assert.equal(old.statusCode, 303, 'the pending token is replaced at the step up');
    assert.equal((await c.get(`/besturen/${fx.boardId}/mensen`)).statusCode, 200);

    // The same code again, in a new sign-in: refused (replay).
    const c2 = new TestClient(app);
    await c2.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const replay = await c2.post('/inloggen/code', { code });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /al gebruikt/);
    assert.ok(
      (await auditRows('inloggen.tweede-stap')).some(
        (r) => r.actor_person_id === p.id && r.result === 'mislukt',
      ),
    );

    // A recovery code: once.
    const { hashRecoveryCode } = await import('./totp.ts');
    await repo.replaceRecoveryCodes(database().db, p.id, [hashRecoveryCode('abcd-efgh-jkmn')], clock);
    const rec = await c2.post('/inloggen/code', { code: 'ABCD-EFGH-JKMN' });
    assert.equal(rec.statusCode, 303);
    assert.equal((await c2.get(`/besturen/${fx.boardId}/mensen`)).statusCode, 200);
    const c3 = new TestClient(app);
    await c3.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal(
      (await c3.post('/inloggen/code', { code: 'abcd-efgh-jkmn' })).statusCode,
      400,
      'recovery code used up',
    );
  });

  test('logging out ends the session; "log out everywhere" ends every session', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const a = new TestClient(app);
    const b = new TestClient(app);
    await a.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    await b.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const oldCookie = a.cookieHeader;
    const out = await a.post('/uitloggen');
    assert.equal(out.statusCode, 303);
    const replayed = await app.inject({ method: 'GET', url: '/overzicht', headers: { cookie: oldCookie } });
    assert.equal(replayed.statusCode, 303, 'the old cookie no longer works');
    assert.equal((await b.get('/overzicht')).statusCode, 200);
    const c = new TestClient(app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const everywhere = await c.post('/uitloggen/overal');
    assert.equal(everywhere.headers.location, '/inloggen?uitgelogd=overal');
    assert.equal((await b.get('/overzicht')).statusCode, 303, 'other sessions ended too');
    assert.equal(await repo.countSessions(database().db, p.id), 0);
    assert.ok((await auditRows('uitloggen.overal')).some((r) => r.actor_person_id === p.id));
  });

  test('a form without a CSRF token is refused and changes nothing', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const res = await c.post('/account/naam', { naam: 'Gewijzigd' }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal((await repo.findPerson(database().db, p.id))!.name, `Persoon ${n}`);
  });

  test('password reset: mail with a link, weak password refused, link works once and expires', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
    const signedIn = new TestClient(app);
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
    const mails = await outbox(p.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.html, /<a href="http/);
    const link = linkIn(mails[0]!.text, '/wachtwoord-herstellen');
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
      (await auditRows('wachtwoord.hersteld')).some((r) => r.actor_person_id === p.id && r.result === 'ok'),
    );

    await c.post('/wachtwoord-vergeten', { email: p.email });
    const second = (await outbox(p.email)).find((m) => !m.text.includes(token))!;
    const link2 = linkIn(second.text, '/wachtwoord-herstellen');
    tick(61 * 60 * 1000);
    const expired = await c.get(link2);
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /verlopen/);
  });

  test('invitations: a school leader invites a team member who sets a password; reuse and expiry are refused', async () => {
    const leader = await signInAs(database(), 'schoolleider', fx.schoolId);
    const c = new TestClient(app, leader.cookie);
    const email = `nieuw-${process.pid}-${++n}@school.example`;
    const bad = await c.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email: 'geen-adres',
      rol: 'teamlid',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /geldig e-mailadres/);
    assert.match(bad.body, /value="Nieuw Teamlid"/, 'typed values are kept');
    const notAllowed = await c.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
      naam: 'X Y',
      email,
      rol: 'schoolleider',
    });
    assert.equal(notAllowed.statusCode, 400);
    const res = await c.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email,
      rol: 'teamlid',
    });
    assert.equal(res.statusCode, 303);
    const again = await c.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email,
      rol: 'teamlid',
    });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /al een uitnodiging open/);
    const link = linkIn((await outbox(email))[0]!.text, '/uitnodiging');
    const token = link.split('token=')[1]!;
    const guest = new TestClient(app);
    const page = await guest.get(link);
    assert.match(page.body, /Teamlid/);
    const weak = await guest.post('/uitnodiging', {
      token,
      naam: 'Nieuw Teamlid',
      wachtwoord: 'welkom01',
      herhaling: 'welkom01',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /minstens 12 tekens/);
    assert.equal(await repo.findPersonByEmail(database().db, email), undefined, 'nothing created');
    const ok = await guest.post('/uitnodiging', {
      token,
      naam: 'Nieuw Teamlid',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/overzicht');
    assert.equal((await guest.get('/overzicht')).statusCode, 200, 'signed in after accepting');
    const created = (await repo.findPersonByEmail(database().db, email))!;
    assert.equal((await repo.membershipsOfPerson(database().db, created.id))[0]!.role, 'teamlid');
    const reused = await new TestClient(app).post('/uitnodiging', {
      token,
      naam: 'Ander',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(reused.statusCode, 400);
    assert.match(reused.body, /al gebruikt/);
    const dup = await c.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email: email.toUpperCase(),
      rol: 'teamlid',
    });
    assert.equal(dup.statusCode, 422, 'duplicate e-mail for the same role');
    assert.match(dup.body, /heeft deze rol hier al/);
    assert.ok(
      (await auditRows('uitnodiging.verstuurd')).some(
        (r) => r.organisation_id === fx.schoolId && r.result === 'ok',
      ),
    );
    assert.ok((await auditRows('uitnodiging.aangenomen')).some((r) => r.actor_person_id === created.id));

    const email2 = `later-${process.pid}-${++n}@school.example`;
    await c.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
      naam: 'Later Lid',
      email: email2,
      rol: 'mr-lid',
    });
    const link2 = linkIn((await outbox(email2))[0]!.text, '/uitnodiging');
    tick(8 * 24 * 60 * 60 * 1000);
    const expired = await new TestClient(app).get(link2);
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /verlopen/);
  });

  test('who may invite whom, through the routes', async () => {
    const teamlid = new TestClient(app, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
    assert.equal(
      (
        await teamlid.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
          naam: 'A B',
          email: 'ab@x.example',
          rol: 'teamlid',
        })
      ).statusCode,
      403,
    );
    const bestuur = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    const other = await bestuur.post(`/besturen/${fx.boardId}/mensen/uitnodigen`, {
      naam: 'S L',
      email: `sl-${n}@x.example`,
      rol: 'schoolleider',
      organisatie: String(fx.otherSchoolId),
    });
    assert.equal(other.statusCode, 400, "another board's school is refused");
    const own = await bestuur.post(`/besturen/${fx.boardId}/mensen/uitnodigen`, {
      naam: 'S L',
      email: `sl-${++n}@x.example`,
      rol: 'schoolleider',
      organisatie: String(fx.schoolId),
    });
    assert.equal(own.statusCode, 303);
    const gmr = await bestuur.post(`/besturen/${fx.boardId}/mensen/uitnodigen`, {
      naam: 'G M',
      email: `gm-${++n}@x.example`,
      rol: 'gmr-lid',
    });
    assert.equal(gmr.statusCode, 303);
    assert.equal(
      (
        await bestuur.post(`/besturen/${fx.otherBoardId}/mensen/uitnodigen`, {
          naam: 'G M',
          email: 'gm@x.example',
          rol: 'gmr-lid',
        })
      ).statusCode,
      403,
    );
    const beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
    assert.equal(
      (
        await beheerder.post('/beheer/gebruikers/uitnodigen', {
          naam: 'H D',
          email: `hd-${++n}@x.example`,
          rol: 'helpdesk',
        })
      ).statusCode,
      303,
    );
    const boardCode = (await repo.findOrganisation(database().db, fx.boardId))!.code!;
    assert.equal(
      (
        await beheerder.post('/beheer/gebruikers/uitnodigen', {
          naam: 'B S',
          email: `bs-${++n}@x.example`,
          rol: 'bestuur',
          bestuurscode: boardCode,
        })
      ).statusCode,
      303,
    );
    const noBoard = await beheerder.post('/beheer/gebruikers/uitnodigen', {
      naam: 'B S',
      email: `bs-${++n}@x.example`,
      rol: 'bestuur',
      bestuurscode: 'BESTAATNIET',
    });
    assert.equal(noBoard.statusCode, 400);
    assert.match(noBoard.body, /bestuursnummer/);
  });

  test('the last school leader cannot be removed or leave; with two, one can', async () => {
    const db = database().db;
    const school = (
      await db
        .insertInto('organisation')
        .values({
          kind: 'school',
          code: `LS${process.pid}${++n}`,
          name: 'Laatste School',
          parent_id: fx.boardId,
          sector: 'BO',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const leader = await person([['schoolleider', school]]);
    const c = new TestClient(app);
    await c.post('/inloggen', { email: leader.email, wachtwoord: goodPassword });
    const m = (await repo.membershipsOfPerson(db, leader.id))[0]!;
    const notMine = await c.post('/account/verlaten', { lidmaatschap: '999999' });
    assert.equal(notMine.statusCode, 422);
    assert.match(notMine.body, /bestaat niet \(meer\)/);
    const leave = await c.post('/account/verlaten', { lidmaatschap: String(m.id) });
    assert.equal(leave.statusCode, 422);
    assert.match(leave.body, /laatste schoolleider/);
    const bestuur = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    const removal = await bestuur.post(`/besturen/${fx.boardId}/mensen/${m.id}/verwijderen`);
    assert.equal(removal.statusCode, 422);
    assert.match(removal.body, /laatste schoolleider/);
    assert.equal((await repo.membershipsOfPerson(db, leader.id)).length, 1, 'still there');
    assert.ok(
      (await auditRows('lidmaatschap.beeindigd')).some(
        (r) => r.object_id === String(m.id) && r.result === 'geweigerd',
      ),
    );
    await person([['schoolleider', school]]);
    const ok = await bestuur.post(`/besturen/${fx.boardId}/mensen/${m.id}/verwijderen`);
    assert.equal(ok.statusCode, 303);
    assert.equal((await repo.membershipsOfPerson(db, leader.id)).length, 0);
    assert.ok(
      (await auditRows('lidmaatschap.beeindigd')).some(
        (r) => r.object_id === String(m.id) && r.result === 'ok',
      ),
    );
  });

  test('tenants are sealed: a school leader of school A cannot see or manage school B', async () => {
    const leaderA = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    const memberB = await person([['teamlid', fx.otherSchoolId]]);
    const mB = (await repo.membershipsOfPerson(database().db, memberB.id))[0]!;
    assert.equal((await leaderA.get(`/scholen/${fx.otherSchoolId}/team`)).statusCode, 403);
    const page = await leaderA.get(`/scholen/${fx.schoolId}/team`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(memberB.email));
    assert.equal(
      (await leaderA.post(`/scholen/${fx.otherSchoolId}/team/${mB.id}/verwijderen`)).statusCode,
      403,
    );
    assert.equal(
      (await leaderA.post(`/scholen/${fx.schoolId}/team/${mB.id}/verwijderen`)).statusCode,
      404,
      "B's membership through A's page",
    );
    assert.equal((await repo.membershipsOfPerson(database().db, memberB.id)).length, 1);
    const bestuurA = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    assert.equal(
      (await bestuurA.post(`/besturen/${fx.boardId}/mensen/${mB.id}/verwijderen`)).statusCode,
      404,
    );
    assert.equal((await bestuurA.get(`/besturen/${fx.otherBoardId}/audit`)).statusCode, 403);
    assert.equal((await bestuurA.get('/beheer/audit')).statusCode, 403);
  });

  test('a school leader removes a team member; the removal is audited and the member loses access', async () => {
    const leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    const member = await person([['teamlid', fx.schoolId]]);
    const mc = new TestClient(app);
    await mc.post('/inloggen', { email: member.email, wachtwoord: goodPassword });
    const m = (await repo.membershipsOfPerson(database().db, member.id))[0]!;
    assert.equal((await leader.post(`/scholen/${fx.schoolId}/team/${m.id}/verwijderen`)).statusCode, 303);
    const dash = await mc.get('/overzicht');
    assert.doesNotMatch(dash.body, /Teamlid · Testschool A/);
    const row = (await auditRows('lidmaatschap.beeindigd')).find((r) => r.object_id === String(m.id));
    assert.equal(row?.organisation_id, fx.schoolId);
  });

  test('my account: name, password change with checks, and the audit search', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.equal((await c.post('/account/naam', { naam: 'Nieuwe Naam' })).statusCode, 303);
    assert.match((await c.get('/account')).body, /Nieuwe Naam/);
    const wrong = await c.post('/account/wachtwoord', {
      huidig: 'fout',
      wachtwoord: 'een nieuwe lange zin',
      herhaling: 'een nieuwe lange zin',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /huidige wachtwoord klopt niet/);
    const weak = await c.post('/account/wachtwoord', {
      huidig: goodPassword,
      wachtwoord: 'password1234',
      herhaling: 'password1234',
    });
    assert.match(weak.body, /te veel voor/);
    assert.equal(
      (
        await c.post('/account/wachtwoord', {
          huidig: goodPassword,
          wachtwoord: 'een nieuwe lange zin',
          herhaling: 'een nieuwe lange zin',
        })
      ).statusCode,
      303,
    );
    assert.equal((await c.get('/overzicht')).statusCode, 200, 'this session stays');

    const beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
    const search = await beheerder.get(`/beheer/audit?actie=account.&wie=${encodeURIComponent(p.email)}`);
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /account.naam-gewijzigd/);
    assert.match(search.body, /account.wachtwoord-gewijzigd/);
    const bestuur = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    const boardView = await bestuur.get(`/besturen/${fx.boardId}/audit`);
    assert.equal(boardView.statusCode, 200);
    assert.match(boardView.body, /uitnodiging.verstuurd|lidmaatschap.beeindigd/);
    assert.doesNotMatch(boardView.body, /Testschool B|Testbestuur B/);
  });

  test('the beheerder blocks an account: its sessions end and it cannot sign in', async () => {
    const p = await person([['teamlid', fx.schoolId]]);
    const c = new TestClient(app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
    assert.equal((await beheerder.get(`/beheer/gebruikers/${p.id}`)).statusCode, 200);
    assert.equal(
      (await beheerder.post(`/beheer/gebruikers/${p.id}/status`, { actie: 'blokkeren' })).statusCode,
      303,
    );
    assert.equal((await c.get('/overzicht')).statusCode, 303);
    assert.equal(
      (await new TestClient(app).post('/inloggen', { email: p.email, wachtwoord: goodPassword })).statusCode,
      400,
    );
    assert.ok((await auditRows('account.geblokkeerd')).some((r) => r.object_id === String(p.id)));
  });

  test('public forms are rate-limited per address; account forms per person', async () => {
    const limited = await createTestApp(database(), { config: testConfig({ FORM_RATE_LIMIT: '6' }) });
    try {
      const c = new TestClient(limited);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++)
        codes.push((await c.post('/inloggen', { email: `rl${i}@x.example`, wachtwoord: 'fout' })).statusCode);
      assert.deepEqual(codes, [400, 400, 400, 400, 400, 400, 429]);
      const a = new TestClient(limited, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
      const b = new TestClient(limited, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
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

  test('an invitation for an existing account is accepted only when signed in as that account', async () => {
    const existing = await person([['teamlid', fx.schoolId]]);
    const leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    assert.equal(
      (
        await leader.post(`/scholen/${fx.schoolId}/team/uitnodigen`, {
          naam: 'Bestaand',
          email: existing.email,
          rol: 'mr-lid',
        })
      ).statusCode,
      303,
    );
    const link = linkIn((await outbox(existing.email)).at(-1)!.text, '/uitnodiging');
    const token = link.split('token=')[1]!;
    const guest = new TestClient(app);
    assert.match((await guest.get(link)).body, /Er is al een account met dit e-mailadres/);
    const refused = await guest.post('/uitnodiging', {
      token,
      naam: 'X',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Log in met dat account/);
    const other = new TestClient(app, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
    assert.equal(
      (await other.post('/uitnodiging', { token })).statusCode,
      400,
      'someone else cannot take it',
    );
    const self = new TestClient(app);
    await self.post('/inloggen', { email: existing.email, wachtwoord: goodPassword });
    assert.match((await self.get(link)).body, /Uitnodiging aannemen/);
    assert.equal((await self.post('/uitnodiging', { token })).statusCode, 303);
    const roles = (await repo.membershipsOfPerson(database().db, existing.id)).map((m) => m.role).sort();
    assert.deepEqual(roles, ['mr-lid', 'teamlid']);
  });

  test('old sign-in attempts, reset links and invitations are purged; recent ones stay', async () => {
    const db = database().db;
    await repo.recordLoginAttempt(db, {
      email: 'oud@x.example',
      ip: null,
      success: false,
      at: new Date(clock.getTime() - 2 * 86400_000),
    });
    await repo.recordLoginAttempt(db, { email: 'nieuw@x.example', ip: null, success: false, at: clock });
    const r = await repo.purgeAccountLeftovers(db, clock);
    assert.ok(r.attempts >= 1);
    const left = await db
      .selectFrom('login_attempt')
      .select('email')
      .where('email', 'in', ['oud@x.example', 'nieuw@x.example'])
      .execute();
    assert.deepEqual(
      left.map((x) => x.email),
      ['nieuw@x.example'],
    );
  });

  test('the last beheerder cannot leave', async () => {
    const db = database().db;
    const others = await db.selectFrom('membership').select('id').where('role', '=', 'beheerder').execute();
    await db
      .deleteFrom('membership')
      .where('id', 'in', others.length ? others.map((o) => o.id) : [-1])
      .execute();
    const b = await person([['beheerder', fx.ministryId]], { totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    const c = new TestClient(app);
    await c.post('/inloggen', { email: b.email, wachtwoord: goodPassword });
    tick(60_000);
    await c.post('/inloggen/code', { code: totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', clock) });
    const m = (await repo.membershipsOfPerson(db, b.id))[0]!;
    const res = await c.post(`/beheer/lidmaatschappen/${m.id}/verwijderen`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /laatste beheerder/);
    assert.equal((await repo.membershipsOfPerson(db, b.id)).length, 1);
  });

  test('the sign-in pages and the dashboard speak English when chosen', async () => {
    const c = new TestClient(app);
    c.setCookie('npo_taal=en');
    const page = await c.get('/inloggen');
    assert.match(page.body, /<h1[^>]*>Sign in/);
    const p = await person([['teamlid', fx.schoolId]]);
    const wrong = await c.post('/inloggen', { email: p.email, wachtwoord: 'not the right one' });
    assert.match(wrong.body, /The e-mail address or the password is not correct/);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    assert.match((await c.get('/overzicht')).body, /<h1[^>]*>My overview/);
  });

  test('a session is shared by instances: signed in on one, logged out on another, refused on both', async () => {
    const second = await createTestApp(database(), { now: () => clock });
    try {
      const p = await person([['teamlid', fx.schoolId]]);
      const a = new TestClient(app);
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
        (await app.inject({ method: 'GET', url: '/overzicht', headers: { cookie } })).statusCode,
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

  test('the route examples of the reset and invitation pages give working links', async () => {
    for (const url of ['/wachtwoord-herstellen', '/uitnodiging']) {
      const route = app.platform.routes.find((r) => r.method === 'GET' && r.url === url)!;
      const q = route.config.examples!.query!;
      const query =
        typeof q === 'string'
          ? q
          : await q({ schoolId: fx.schoolId, boardId: fx.boardId, db: database().db });
      const res = await new TestClient(app).get(url + query);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /type="password"/);
    }
  });

  test('new recovery codes replace the old ones; 2FA can be switched off only without an MFA role and with the password', async () => {
    const secret = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
    const p = await person([['teamlid', fx.schoolId]], { totp: secret });
    const { hashRecoveryCode } = await import('./totp.ts');
    await repo.replaceRecoveryCodes(database().db, p.id, [hashRecoveryCode('aaaa-bbbb-cccc')], clock);
    const c = new TestClient(app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    tick(90_000);
    assert.equal((await c.post('/inloggen/code', { code: totpCode(secret, clock) })).statusCode, 303);
    const fresh = await c.post('/account/herstelcodes');
    assert.equal(fresh.statusCode, 200);
    const codes = [...fresh.body.matchAll(/>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    const d = new TestClient(app);
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
    assert.equal((await repo.findPerson(database().db, p.id))!.totp_enabled_at, null);
    const e = new TestClient(app);
    assert.equal(
      (await e.post('/inloggen', { email: p.email, wachtwoord: goodPassword })).headers.location,
      '/overzicht',
    );

    const mfa = await person([['bestuur', fx.boardId]], { totp: secret });
    const m = new TestClient(app);
    await m.post('/inloggen', { email: mfa.email, wachtwoord: goodPassword });
    tick(90_000);
    await m.post('/inloggen/code', { code: totpCode(secret, clock) });
    const refused = await m.post('/account/tweestapsverificatie/uitzetten', { wachtwoord: goodPassword });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /verplicht/);
  });
});
