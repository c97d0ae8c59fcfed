// Route tests for invitations: accepting as a new or existing account, reuse and expiry, who may invite whom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../test/support/app.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import * as repo from './repository.ts';

accountsSuite('accounts: invitations', (t) => {
  test('invitations: a school leader invites a team member who sets a password; reuse and expiry are refused', async () => {
    const leader = await signInAs(t.database(), 'schoolleider', t.fx.schoolId);
    const c = new TestClient(t.app, leader.cookie);
    const email = `nieuw-${process.pid}-${++t.n}@school.example`;
    const bad = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email: 'geen-adres',
      rol: 'teamlid',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /geldig e-mailadres/);
    assert.match(bad.body, /value="Nieuw Teamlid"/, 'typed values are kept');
    const notAllowed = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
      naam: 'X Y',
      email,
      rol: 'schoolleider',
    });
    assert.equal(notAllowed.statusCode, 400);
    const res = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email,
      rol: 'teamlid',
    });
    assert.equal(res.statusCode, 303);
    const again = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email,
      rol: 'teamlid',
    });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /al een uitnodiging open/);
    const link = t.linkIn((await t.outbox(email))[0]!.text, '/uitnodiging');
    const token = link.split('token=')[1]!;
    const guest = new TestClient(t.app);
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
    assert.equal(await repo.findPersonByEmail(t.database().db, email), undefined, 'nothing created');
    const ok = await guest.post('/uitnodiging', {
      token,
      naam: 'Nieuw Teamlid',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/overzicht');
    assert.equal((await guest.get('/overzicht')).statusCode, 200, 'signed in after accepting');
    const created = (await repo.findPersonByEmail(t.database().db, email))!;
    assert.equal((await repo.membershipsOfPerson(t.database().db, created.id))[0]!.role, 'teamlid');
    const reused = await new TestClient(t.app).post('/uitnodiging', {
      token,
      naam: 'Ander',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(reused.statusCode, 400);
    assert.match(reused.body, /al gebruikt/);
    const dup = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
      naam: 'Nieuw Teamlid',
      email: email.toUpperCase(),
      rol: 'teamlid',
    });
    assert.equal(dup.statusCode, 422, 'duplicate e-mail for the same role');
    assert.match(dup.body, /heeft deze rol hier al/);
    assert.ok(
      (await t.auditRows('uitnodiging.verstuurd')).some(
        (r) => r.organisation_id === t.fx.schoolId && r.result === 'ok',
      ),
    );
    assert.ok((await t.auditRows('uitnodiging.aangenomen')).some((r) => r.actor_person_id === created.id));

    const email2 = `later-${process.pid}-${++t.n}@school.example`;
    await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
      naam: 'Later Lid',
      email: email2,
      rol: 'mr-lid',
    });
    const link2 = t.linkIn((await t.outbox(email2))[0]!.text, '/uitnodiging');
    t.tick(8 * 24 * 60 * 60 * 1000);
    const expired = await new TestClient(t.app).get(link2);
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /verlopen/);
  });

  test('who may invite whom, through the routes', async () => {
    const teamlid = new TestClient(t.app, (await signInAs(t.database(), 'teamlid', t.fx.schoolId)).cookie);
    assert.equal(
      (
        await teamlid.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
          naam: 'A B',
          email: 'ab@x.example',
          rol: 'teamlid',
        })
      ).statusCode,
      403,
    );
    const bestuur = new TestClient(t.app, (await signInAs(t.database(), 'bestuur', t.fx.boardId)).cookie);
    const other = await bestuur.post(`/besturen/${t.fx.boardId}/mensen/uitnodigen`, {
      naam: 'S L',
      email: `sl-${t.n}@x.example`,
      rol: 'schoolleider',
      organisatie: String(t.fx.otherSchoolId),
    });
    assert.equal(other.statusCode, 400, "another board's school is refused");
    const own = await bestuur.post(`/besturen/${t.fx.boardId}/mensen/uitnodigen`, {
      naam: 'S L',
      email: `sl-${++t.n}@x.example`,
      rol: 'schoolleider',
      organisatie: String(t.fx.schoolId),
    });
    assert.equal(own.statusCode, 303);
    const gmr = await bestuur.post(`/besturen/${t.fx.boardId}/mensen/uitnodigen`, {
      naam: 'G M',
      email: `gm-${++t.n}@x.example`,
      rol: 'gmr-lid',
    });
    assert.equal(gmr.statusCode, 303);
    assert.equal(
      (
        await bestuur.post(`/besturen/${t.fx.otherBoardId}/mensen/uitnodigen`, {
          naam: 'G M',
          email: 'gm@x.example',
          rol: 'gmr-lid',
        })
      ).statusCode,
      403,
    );
    const beheerder = new TestClient(
      t.app,
      (await signInAs(t.database(), 'beheerder', t.fx.ministryId)).cookie,
    );
    assert.equal(
      (
        await beheerder.post('/beheer/gebruikers/uitnodigen', {
          naam: 'H D',
          email: `hd-${++t.n}@x.example`,
          rol: 'helpdesk',
        })
      ).statusCode,
      303,
    );
    const boardCode = (await repo.findOrganisation(t.database().db, t.fx.boardId))!.code!;
    assert.equal(
      (
        await beheerder.post('/beheer/gebruikers/uitnodigen', {
          naam: 'B S',
          email: `bs-${++t.n}@x.example`,
          rol: 'bestuur',
          bestuurscode: boardCode,
        })
      ).statusCode,
      303,
    );
    const noBoard = await beheerder.post('/beheer/gebruikers/uitnodigen', {
      naam: 'B S',
      email: `bs-${++t.n}@x.example`,
      rol: 'bestuur',
      bestuurscode: 'BESTAATNIET',
    });
    assert.equal(noBoard.statusCode, 400);
    assert.match(noBoard.body, /bestuursnummer/);
  });

  test('an invitation for an existing account is accepted only when signed in as that account', async () => {
    const existing = await t.person([['teamlid', t.fx.schoolId]]);
    const leader = new TestClient(
      t.app,
      (await signInAs(t.database(), 'schoolleider', t.fx.schoolId)).cookie,
    );
    assert.equal(
      (
        await leader.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, {
          naam: 'Bestaand',
          email: existing.email,
          rol: 'mr-lid',
        })
      ).statusCode,
      303,
    );
    const link = t.linkIn((await t.outbox(existing.email)).at(-1)!.text, '/uitnodiging');
    const token = link.split('token=')[1]!;
    const guest = new TestClient(t.app);
    assert.match((await guest.get(link)).body, /Er is al een account met dit e-mailadres/);
    const refused = await guest.post('/uitnodiging', {
      token,
      naam: 'X',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Log in met dat account/);
    const other = new TestClient(t.app, (await signInAs(t.database(), 'teamlid', t.fx.schoolId)).cookie);
    assert.equal(
      (await other.post('/uitnodiging', { token })).statusCode,
      400,
      'someone else cannot take it',
    );
    const self = new TestClient(t.app);
    await self.post('/inloggen', { email: existing.email, wachtwoord: goodPassword });
    assert.match((await self.get(link)).body, /Uitnodiging aannemen/);
    assert.equal((await self.post('/uitnodiging', { token })).statusCode, 303);
    const roles = (await repo.membershipsOfPerson(t.database().db, existing.id)).map((m) => m.role).sort();
    assert.deepEqual(roles, ['mr-lid', 'teamlid']);
  });
});
