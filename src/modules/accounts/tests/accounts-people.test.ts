// Route tests for managing people (the last school leader and beheerder stay, sealed tenants, removing,
// blocking) and for my account with the audit search views, which show the rows those wrote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../../test/support/app.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import { membershipsOfPerson } from '../repository/memberships.ts';
import { totpCode } from '../services/totp.ts';

accountsSuite('accounts: people', (t) => {
  test('the last school leader cannot be removed or leave; with two, one can', async () => {
    const db = t.database().db;
    const school = (
      await db
        .insertInto('organisation')
        .values({
          kind: 'school',
          code: `LS${process.pid}${++t.n}`,
          name: 'Laatste School',
          parent_id: t.fx.boardId,
          sector: 'BO',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const leader = await t.person([['schoolleider', school]]);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: leader.email, wachtwoord: goodPassword });
    const m = (await membershipsOfPerson(db, leader.id))[0]!;
    const notMine = await c.post('/account/verlaten', { lidmaatschap: '999999' });
    assert.equal(notMine.statusCode, 422);
    assert.match(notMine.body, /bestaat niet \(meer\)/);
    const leave = await c.post('/account/verlaten', { lidmaatschap: String(m.id) });
    assert.equal(leave.statusCode, 422);
    assert.match(leave.body, /laatste schoolleider/);
    const bestuur = new TestClient(t.app, (await signInAs(t.database(), 'bestuur', t.fx.boardId)).cookie);
    const removal = await bestuur.post(`/besturen/${t.fx.boardId}/mensen/${m.id}/verwijderen`);
    assert.equal(removal.statusCode, 422);
    assert.match(removal.body, /laatste schoolleider/);
    assert.equal((await membershipsOfPerson(db, leader.id)).length, 1, 'still there');
    assert.ok(
      (await t.auditRows('lidmaatschap.beeindigd')).some(
        (r) => r.object_id === String(m.id) && r.result === 'geweigerd',
      ),
    );
    await t.person([['schoolleider', school]]);
    const ok = await bestuur.post(`/besturen/${t.fx.boardId}/mensen/${m.id}/verwijderen`);
    assert.equal(ok.statusCode, 303);
    assert.equal((await membershipsOfPerson(db, leader.id)).length, 0);
    assert.ok(
      (await t.auditRows('lidmaatschap.beeindigd')).some(
        (r) => r.object_id === String(m.id) && r.result === 'ok',
      ),
    );
  });

  test('tenants are sealed: a school leader of school A cannot see or manage school B', async () => {
    const leaderA = new TestClient(
      t.app,
      (await signInAs(t.database(), 'schoolleider', t.fx.schoolId)).cookie,
    );
    const memberB = await t.person([['teamlid', t.fx.otherSchoolId]]);
    const mB = (await membershipsOfPerson(t.database().db, memberB.id))[0]!;
    assert.equal((await leaderA.get(`/scholen/${t.fx.otherSchoolId}/team`)).statusCode, 403);
    const page = await leaderA.get(`/scholen/${t.fx.schoolId}/team`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(memberB.email));
    assert.equal(
      (await leaderA.post(`/scholen/${t.fx.otherSchoolId}/team/${mB.id}/verwijderen`)).statusCode,
      403,
    );
    assert.equal(
      (await leaderA.post(`/scholen/${t.fx.schoolId}/team/${mB.id}/verwijderen`)).statusCode,
      404,
      "B's membership through A's page",
    );
    assert.equal((await membershipsOfPerson(t.database().db, memberB.id)).length, 1);
    const bestuurA = new TestClient(t.app, (await signInAs(t.database(), 'bestuur', t.fx.boardId)).cookie);
    assert.equal(
      (await bestuurA.post(`/besturen/${t.fx.boardId}/mensen/${mB.id}/verwijderen`)).statusCode,
      404,
    );
    assert.equal((await bestuurA.get(`/besturen/${t.fx.otherBoardId}/audit`)).statusCode, 403);
    assert.equal((await bestuurA.get('/beheer/audit')).statusCode, 403);
  });

  test('a school leader removes a team member; the removal is audited and the member loses access', async () => {
    const leader = new TestClient(
      t.app,
      (await signInAs(t.database(), 'schoolleider', t.fx.schoolId)).cookie,
    );
    const member = await t.person([['teamlid', t.fx.schoolId]]);
    const mc = new TestClient(t.app);
    await mc.post('/inloggen', { email: member.email, wachtwoord: goodPassword });
    const m = (await membershipsOfPerson(t.database().db, member.id))[0]!;
    assert.equal((await leader.post(`/scholen/${t.fx.schoolId}/team/${m.id}/verwijderen`)).statusCode, 303);
    const dash = await mc.get('/overzicht');
    assert.doesNotMatch(dash.body, /Teamlid · Testschool A/);
    const row = (await t.auditRows('lidmaatschap.beeindigd')).find((r) => r.object_id === String(m.id));
    assert.equal(row?.organisation_id, t.fx.schoolId);
  });

  test('my account: name, password change with checks, and the audit search', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
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

    const beheerder = new TestClient(
      t.app,
      (await signInAs(t.database(), 'beheerder', t.fx.ministryId)).cookie,
    );
    const search = await beheerder.get(`/beheer/audit?actie=account.&wie=${encodeURIComponent(p.email)}`);
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /account.naam-gewijzigd/);
    assert.match(search.body, /account.wachtwoord-gewijzigd/);
    const bestuur = new TestClient(t.app, (await signInAs(t.database(), 'bestuur', t.fx.boardId)).cookie);
    const boardView = await bestuur.get(`/besturen/${t.fx.boardId}/audit`);
    assert.equal(boardView.statusCode, 200);
    assert.match(boardView.body, /uitnodiging.verstuurd|lidmaatschap.beeindigd/);
    assert.doesNotMatch(boardView.body, /Testschool B|Testbestuur B/);
  });

  test('the beheerder blocks an account: its sessions end and it cannot sign in', async () => {
    const p = await t.person([['teamlid', t.fx.schoolId]]);
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: p.email, wachtwoord: goodPassword });
    const beheerder = new TestClient(
      t.app,
      (await signInAs(t.database(), 'beheerder', t.fx.ministryId)).cookie,
    );
    assert.equal((await beheerder.get(`/beheer/gebruikers/${p.id}`)).statusCode, 200);
    assert.equal(
      (await beheerder.post(`/beheer/gebruikers/${p.id}/status`, { actie: 'blokkeren' })).statusCode,
      303,
    );
    assert.equal((await c.get('/overzicht')).statusCode, 303);
    assert.equal(
      (await new TestClient(t.app).post('/inloggen', { email: p.email, wachtwoord: goodPassword }))
        .statusCode,
      400,
    );
    assert.ok((await t.auditRows('account.geblokkeerd')).some((r) => r.object_id === String(p.id)));
  });

  test('the last beheerder cannot leave', async () => {
    const db = t.database().db;
    const others = await db.selectFrom('membership').select('id').where('role', '=', 'beheerder').execute();
    await db
      .deleteFrom('membership')
      .where('id', 'in', others.length ? others.map((o) => o.id) : [-1])
      .execute();
    const b = await t.person([['beheerder', t.fx.ministryId]], { totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    const c = new TestClient(t.app);
    await c.post('/inloggen', { email: b.email, wachtwoord: goodPassword });
    t.tick(60_000);
    await c.post('/inloggen/code', { code: totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', t.clock) });
    const m = (await membershipsOfPerson(db, b.id))[0]!;
    const res = await c.post(`/beheer/lidmaatschappen/${m.id}/verwijderen`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /laatste beheerder/);
    assert.equal((await membershipsOfPerson(db, b.id)).length, 1);
  });
});
