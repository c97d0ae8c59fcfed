// Route tests for invitations: accepting as a new or existing account, reuse and expiry, who may invite whom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../../test/support/app.ts';
import { accountsSuite, goodPassword } from './accounts-test-kit.ts';
import { findInvitation } from '../repository/invitations.ts';
import { membershipsOfPerson } from '../repository/memberships.ts';
import { findOrganisation } from '../repository/organisations.ts';
import { findPersonByEmail, updatePerson } from '../repository/people.ts';
import { invitationLimits } from '../services/invitations.ts';

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
    assert.equal(await findPersonByEmail(t.database().db, email), undefined, 'nothing created');
    const ok = await guest.post('/uitnodiging', {
      token,
      naam: 'Nieuw Teamlid',
      wachtwoord: goodPassword,
      herhaling: goodPassword,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/overzicht');
    assert.equal((await guest.get('/overzicht')).statusCode, 200, 'signed in after accepting');
    const created = (await findPersonByEmail(t.database().db, email))!;
    assert.equal((await membershipsOfPerson(t.database().db, created.id))[0]!.role, 'teamlid');
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
    const boardCode = (await findOrganisation(t.database().db, t.fx.boardId))!.code!;
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
    const roles = (await membershipsOfPerson(t.database().db, existing.id)).map((m) => m.role).sort();
    assert.deepEqual(roles, ['mr-lid', 'teamlid']);
  });

  /** Invites someone from the school team page; returns the response and the address. */
  async function inviteToTeam(c: TestClient, naam = 'Nieuw Teamlid', schoolId = t.fx.schoolId) {
    const email = `inv-${process.pid}-${++t.n}@school.example`;
    const res = await c.post(`/scholen/${schoolId}/team/uitnodigen`, { naam, email, rol: 'teamlid' });
    return { res, email };
  }

  test('names with a web or mail address or over 100 characters are refused; names in the mail are never links', async () => {
    const leader = await signInAs(t.database(), 'schoolleider', t.fx.schoolId);
    const c = new TestClient(t.app, leader.cookie);
    for (const naam of [
      'Klik op www.voorbeeld-kwaad.example',
      'Zie https://kwaad.example/x',
      'a@b.nl',
      'x'.repeat(101),
    ]) {
      const { res } = await inviteToTeam(c, naam);
      assert.equal(res.statusCode, 400, naam);
      assert.match(res.body, /zonder webadres of e-mailadres|2 tot 100 tekens/);
    }
    // The inviter's own name is chosen by them too (set here as an older row might hold it).
    await updatePerson(t.database().db, leader.personId, {
      name: 'Meester kwaad.example http://kwaad.example/x',
    });
    const { res, email } = await inviteToTeam(c, 'Piet Puk');
    assert.equal(res.statusCode, 303);
    const mail = (await t.outbox(email))[0]!;
    assert.doesNotMatch(mail.text, /kwaad\.example|http:\/\/kwaad/, 'no address a mail client would link');
    assert.match(mail.text, /Meester kwaad\.\u200bexample/);
    assert.equal(mail.html.match(/<a /g)?.length, 1, 'the invitation link is the only link');
  });

  test('an open invitation is listed, resent with a new link, and withdrawn from the team page; both audited', async () => {
    const leader = await signInAs(t.database(), 'schoolleider', t.fx.schoolId);
    const c = new TestClient(t.app, leader.cookie);
    const { email } = await inviteToTeam(c);
    const first = t.linkIn((await t.outbox(email))[0]!.text, '/uitnodiging');
    const inv = await t
      .database()
      .db.selectFrom('invitation')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const page = await c.get(`/scholen/${t.fx.schoolId}/team`);
    // Withdrawing asks first: the list links to the confirmation page.
    assert.match(
      page.body,
      new RegExp(`href="/scholen/${t.fx.schoolId}/team/uitnodigingen/${inv.id}/intrekken"`),
    );
    assert.match(
      page.body,
      new RegExp(`action="/scholen/${t.fx.schoolId}/team/uitnodigingen/${inv.id}/opnieuw"`),
    );

    const resent = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigingen/${inv.id}/opnieuw`);
    assert.equal(resent.statusCode, 303);
    const mails = await t.outbox(email);
    assert.equal(mails.length, 2);
    const second = t.linkIn(mails.find((m) => !m.text.includes(first))!.text, '/uitnodiging');
    const guest = new TestClient(t.app);
    assert.equal((await guest.get(first)).statusCode, 400, 'the old link stopped working');
    assert.equal((await guest.get(second)).statusCode, 200);

    const gone = await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigingen/${inv.id}/intrekken`);
    assert.equal(gone.statusCode, 303);
    assert.equal((await guest.get(second)).statusCode, 400, 'a withdrawn invitation cannot be accepted');
    assert.doesNotMatch(
      (await c.get(`/scholen/${t.fx.schoolId}/team`)).body,
      new RegExp(`uitnodigingen/${inv.id}/`),
    );
    assert.equal(
      (await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigingen/${inv.id}/opnieuw`)).statusCode,
      422,
    );
    const audited = [
      ...(await t.auditRows('uitnodiging.opnieuw-verstuurd')),
      ...(await t.auditRows('uitnodiging.ingetrokken')),
    ];
    assert.ok(
      audited.some((r) => r.action === 'uitnodiging.opnieuw-verstuurd' && r.object_id === String(inv.id)),
    );
    assert.ok(audited.some((r) => r.action === 'uitnodiging.ingetrokken' && r.object_id === String(inv.id)));

    // Another school's invitation, through this school's page: not found, untouched.
    const otherLeader = await signInAs(t.database(), 'schoolleider', t.fx.otherSchoolId);
    const { email: otherEmail } = await inviteToTeam(
      new TestClient(t.app, otherLeader.cookie),
      'Ander Teamlid',
      t.fx.otherSchoolId,
    );
    const other = await t
      .database()
      .db.selectFrom('invitation')
      .select('id')
      .where('email', '=', otherEmail)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await c.post(`/scholen/${t.fx.schoolId}/team/uitnodigingen/${other.id}/intrekken`)).statusCode,
      404,
    );
    assert.equal((await findInvitation(t.database().db, other.id))!.revokedAt, null);
  });

  test('a board withdraws and resends a GMR invitation from its people page', async () => {
    const board = await signInAs(t.database(), 'bestuur', t.fx.boardId);
    const c = new TestClient(t.app, board.cookie);
    const email = `gmr-${process.pid}-${++t.n}@bestuur.example`;
    assert.equal(
      (
        await c.post(`/besturen/${t.fx.boardId}/mensen/uitnodigen`, {
          naam: 'Gmr Lid',
          email,
          rol: 'gmr-lid',
        })
      ).statusCode,
      303,
    );
    const inv = await t
      .database()
      .db.selectFrom('invitation')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const base = `/besturen/${t.fx.boardId}/mensen/uitnodigingen/${inv.id}`;
    assert.match(
      (await c.get(`/besturen/${t.fx.boardId}/mensen`)).body,
      new RegExp(`action="${base}/opnieuw"`),
    );
    assert.equal((await c.post(`${base}/opnieuw`)).statusCode, 303);
    assert.equal((await t.outbox(email)).length, 2);
    assert.equal((await c.post(`${base}/intrekken`)).statusCode, 303);
    assert.ok((await findInvitation(t.database().db, inv.id))!.revokedAt);
  });

  test("removing an inviter's membership withdraws their open invitations", async () => {
    const leader = await signInAs(t.database(), 'schoolleider', t.fx.schoolId);
    await signInAs(t.database(), 'schoolleider', t.fx.schoolId); // the school keeps a leader
    const { email } = await inviteToTeam(new TestClient(t.app, leader.cookie));
    const link = t.linkIn((await t.outbox(email))[0]!.text, '/uitnodiging');
    const m = await t
      .database()
      .db.selectFrom('membership')
      .select('id')
      .where('person_id', '=', leader.personId)
      .executeTakeFirstOrThrow();
    const board = new TestClient(t.app, (await signInAs(t.database(), 'bestuur', t.fx.boardId)).cookie);
    assert.equal((await board.post(`/besturen/${t.fx.boardId}/mensen/${m.id}/verwijderen`)).statusCode, 303);
    assert.equal((await new TestClient(t.app).get(link)).statusCode, 400, 'the invitation no longer works');
    const rows = await t.auditRows('uitnodiging.ingetrokken');
    assert.ok(rows.some((r) => JSON.stringify(r.details).includes('lidmaatschap van de uitnodiger')));
  });

  test('invitation mails are limited per inviter per hour and per organisation per day', async () => {
    const leader = await signInAs(t.database(), 'schoolleider', t.fx.schoolId);
    const c = new TestClient(t.app, leader.cookie);
    for (let i = 0; i < invitationLimits.perInviterHour; i++) {
      assert.equal((await inviteToTeam(c)).res.statusCode, 303);
    }
    const refused = await inviteToTeam(c);
    assert.equal(refused.res.statusCode, 429);
    assert.match(refused.res.body, /afgelopen uur al 20 uitnodigingen/);
    assert.equal((await t.outbox(refused.email)).length, 0);
    assert.ok(
      (await t.auditRows('uitnodiging.verstuurd')).some(
        (r) => r.result === 'geweigerd' && JSON.stringify(r.details).includes('limit'),
      ),
    );
    t.tick(61 * 60 * 1000);
    assert.equal((await inviteToTeam(c)).res.statusCode, 303, 'the next hour it works again');

    // The whole organisation: a day's worth of mails already went out (from several leaders).
    const db = t.database().db;
    const inv = await db
      .selectFrom('invitation')
      .select('id')
      .where('organisation_id', '=', t.fx.schoolId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('invitation_mail')
      .values(
        Array.from({ length: invitationLimits.perOrganisationDay }, () => ({
          invitation_id: inv.id,
          sent_by: null,
          organisation_id: t.fx.schoolId,
          sent_at: t.clock,
        })),
      )
      .execute();
    const fresh = new TestClient(t.app, (await signInAs(t.database(), 'schoolleider', t.fx.schoolId)).cookie);
    const full = await inviteToTeam(fresh);
    assert.equal(full.res.statusCode, 429);
    assert.match(full.res.body, /Voor deze organisatie zijn vandaag al 100 uitnodigingen verstuurd/);
    t.tick(25 * 60 * 60 * 1000);
    assert.equal((await inviteToTeam(fresh)).res.statusCode, 303);
  });

  test('three identical posts of one invite form at the same moment all show the first result: one invitation, one mail', async () => {
    const leader = await signInAs(t.database(), 'schoolleider', t.fx.schoolId);
    const c = new TestClient(t.app, leader.cookie);
    const page = await c.get(`/scholen/${t.fx.schoolId}/team`);
    const key = /name="_sleutel" value="([\w-]+)"/.exec(page.body)?.[1];
    assert.ok(key, 'the invite form carries an idempotency key');
    const email = `dubbel-${process.pid}-${++t.n}@school.example`;
    const form = { _sleutel: key, naam: 'Dubbel Gepost', email, rol: 'teamlid' };
    const results = await Promise.all(
      [1, 2, 3].map(() => c.post(`/scholen/${t.fx.schoolId}/team/uitnodigen`, form)),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [303, 303, 303],
    );
    const invitations = await t
      .database()
      .db.selectFrom('invitation')
      .select('id')
      .where('email', '=', email)
      .execute();
    assert.equal(invitations.length, 1);
    assert.equal((await t.outbox(email)).length, 1);
  });
});
