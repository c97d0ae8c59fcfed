// Destructive actions ask first, without JavaScript (issue 11, item 5): the button in a list is
// a link to a confirmation page (GET) that says what will happen, with a form that posts the
// action and a link back. Showing the page changes nothing; confirming does the action.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/platform/db/database.ts';
import { createTestDatabase } from './support/db.ts';
import { createFixtures, createTestApp, signInAs, TestClient, type Fixtures } from './support/app.ts';
import { exampleInvitation, exampleMembership } from '../src/modules/accounts/routes/route-examples.ts';
import { insertExampleReservation } from '../src/modules/funding/repository/reservations.ts';
import { ensureDraft } from '../src/modules/menukaart/services/entry-editing.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page asks: a POST form to the action with a CSRF field, and a link back. */
function assertAsks(body: string, action: string, back: string) {
  const form = new RegExp(
    `<form[^>]*method="post"[^>]*action="${esc(action)}"[^>]*>([\\s\\S]*?)</form>`,
  ).exec(body);
  assert.ok(form, `a form that posts to ${action}`);
  assert.match(form[1]!, /name="_csrf"/);
  assert.match(form[1]!, /utrecht-button--danger/);
  assert.match(form[1]!, new RegExp(`<a[^>]*href="${esc(back)}"`), `a link back to ${back}`);
}

/** A list page offers the action as a link to the confirmation page, not as a form that posts. */
function assertOffersLink(body: string, href: string) {
  assert.match(body, new RegExp(`<a[^>]*href="${esc(href)}"`), `a link to ${href}`);
  assert.doesNotMatch(body, new RegExp(`<form[^>]*action="${esc(href)}"`), `no form posting to ${href}`);
}

describe('confirmation pages for destructive actions', () => {
  let database: Database;
  let app: FastifyInstance;
  let fx: Fixtures;
  const as = async (role: Parameters<typeof signInAs>[1], org: number) => {
    const s = await signInAs(database, role, org);
    return { client: new TestClient(app, s.cookie), personId: s.personId };
  };
  const membershipExists = async (id: number) =>
    (await database.db.selectFrom('membership').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined;
  const invitationRevoked = async (id: number) =>
    (
      await database.db
        .selectFrom('invitation')
        .select('revoked_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).revoked_at !== null;

  before(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    fx = await createFixtures(database);
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  test('school team: ending a teamlid’s access asks on its own page; confirming ends it', async () => {
    const { client } = await as('schoolleider', fx.schoolId);
    const { membershipId } = await exampleMembership(database.db, fx.schoolId, 'teamlid');
    const href = `/scholen/${fx.schoolId}/team/${membershipId}/verwijderen`;
    assertOffersLink((await client.get(`/scholen/${fx.schoolId}/team`)).body, href);
    const page = await client.get(href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Toegang van Voorbeeld Persoon beëindigen\?<\/h1>/);
    assert.match(page.body, /heeft nu de rol Teamlid/i);
    assertAsks(page.body, href, `/scholen/${fx.schoolId}/team`);
    assert.equal(await membershipExists(membershipId), true, 'showing the page changes nothing');
    const done = await client.post(href);
    assert.equal(done.statusCode, 303);
    assert.equal(await membershipExists(membershipId), false);
    assert.equal((await client.get(href)).statusCode, 404, 'gone afterwards');
  });

  test('school team: another school’s membership, or one’s own, has no confirmation page (404)', async () => {
    const { client, personId } = await as('schoolleider', fx.schoolId);
    const other = await exampleMembership(database.db, fx.otherSchoolId, 'teamlid');
    assert.equal(
      (await client.get(`/scholen/${fx.schoolId}/team/${other.membershipId}/verwijderen`)).statusCode,
      404,
    );
    const own = await database.db
      .selectFrom('membership')
      .select('id')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.equal((await client.get(`/scholen/${fx.schoolId}/team/${own.id}/verwijderen`)).statusCode, 404);
  });

  test('school team: withdrawing an invitation asks first; confirming withdraws it', async () => {
    const { client } = await as('schoolleider', fx.schoolId);
    const invitationId = await exampleInvitation(database.db, fx.schoolId, 'mr-lid');
    const href = `/scholen/${fx.schoolId}/team/uitnodigingen/${invitationId}/intrekken`;
    assertOffersLink((await client.get(`/scholen/${fx.schoolId}/team`)).body, href);
    const page = await client.get(href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Uitnodiging voor Uitgenodigd Persoon intrekken\?/);
    assert.match(page.body, /werkt de link in de e-mail niet meer/);
    assertAsks(page.body, href, `/scholen/${fx.schoolId}/team`);
    assert.equal(await invitationRevoked(invitationId), false);
    assert.equal((await client.post(href)).statusCode, 303);
    assert.equal(await invitationRevoked(invitationId), true);
    assert.equal((await client.get(href)).statusCode, 404, 'a withdrawn invitation has no page');
    const otherSchools = await exampleInvitation(database.db, fx.otherSchoolId, 'teamlid');
    assert.equal(
      (await client.get(`/scholen/${fx.schoolId}/team/uitnodigingen/${otherSchools}/intrekken`)).statusCode,
      404,
    );
  });

  test('board people: ending a GMR member’s access and withdrawing an invitation ask first', async () => {
    const { client } = await as('bestuur', fx.boardId);
    const { membershipId } = await exampleMembership(database.db, fx.boardId, 'gmr-lid');
    const remove = `/besturen/${fx.boardId}/mensen/${membershipId}/verwijderen`;
    const invitationId = await exampleInvitation(database.db, fx.boardId, 'gmr-lid');
    const withdraw = `/besturen/${fx.boardId}/mensen/uitnodigingen/${invitationId}/intrekken`;
    const list = (await client.get(`/besturen/${fx.boardId}/mensen`)).body;
    assertOffersLink(list, remove);
    assertOffersLink(list, withdraw);
    const page = await client.get(remove);
    assert.equal(page.statusCode, 200);
    assertAsks(page.body, remove, `/besturen/${fx.boardId}/mensen`);
    const inv = await client.get(withdraw);
    assert.equal(inv.statusCode, 200);
    assertAsks(inv.body, withdraw, `/besturen/${fx.boardId}/mensen`);
    assert.equal(await membershipExists(membershipId), true);
    assert.equal((await client.post(remove)).statusCode, 303);
    assert.equal(await membershipExists(membershipId), false);
    // A school's teamlid is not the board's to remove: not offered, no page.
    const teamlid = await exampleMembership(database.db, fx.schoolId, 'teamlid');
    assert.equal(
      (await client.get(`/besturen/${fx.boardId}/mensen/${teamlid.membershipId}/verwijderen`)).statusCode,
      404,
    );
  });

  test('beheer: ending a membership and blocking an account ask first; confirming does it', async () => {
    const { client, personId: self } = await as('beheerder', fx.ministryId);
    const { membershipId, personId } = await exampleMembership(database.db, fx.schoolId, 'teamlid');
    const userPage = (await client.get(`/beheer/gebruikers/${personId}`)).body;
    const remove = `/beheer/lidmaatschappen/${membershipId}/verwijderen`;
    const block = `/beheer/gebruikers/${personId}/blokkeren`;
    assertOffersLink(userPage, remove);
    assert.match(userPage, new RegExp(`<a[^>]*href="${esc(block)}"`));
    assert.doesNotMatch(userPage, /name="actie" value="blokkeren"/, 'no one-click block form');

    const blockPage = await client.get(block);
    assert.equal(blockPage.statusCode, 200);
    assert.match(blockPage.body, /Account van Voorbeeld Persoon blokkeren\?/);
    assertAsks(blockPage.body, `/beheer/gebruikers/${personId}/status`, `/beheer/gebruikers/${personId}`);
    assert.match(blockPage.body, /<input type="hidden" name="actie" value="blokkeren"/);
    const person = () =>
      database.db
        .selectFrom('person')
        .select('disabled_at')
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
    assert.equal((await person()).disabled_at, null, 'showing the page blocks nobody');
    assert.equal(
      (await client.post(`/beheer/gebruikers/${personId}/status`, { actie: 'blokkeren' })).statusCode,
      303,
    );
    assert.notEqual((await person()).disabled_at, null);
    assert.equal((await client.get(block)).statusCode, 303, 'a blocked account: back to its page');
    assert.equal((await client.get(`/beheer/gebruikers/${self}/blokkeren`)).statusCode, 404, 'not one’s own');

    const removePage = await client.get(remove);
    assert.equal(removePage.statusCode, 200);
    assertAsks(removePage.body, remove, `/beheer/gebruikers/${personId}`);
    assert.equal((await client.post(remove)).statusCode, 303);
    assert.equal(await membershipExists(membershipId), false);
  });

  test('my account: ending one’s own role asks first; someone else’s role leads back to the account page', async () => {
    const { client, personId } = await as('teamlid', fx.schoolId);
    const spare = await database.db
      .insertInto('membership')
      .values({ person_id: personId, organisation_id: fx.schoolId, role: 'mr-lid' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const href = `/account/verlaten?lidmaatschap=${spare.id}`;
    assert.match((await client.get('/account')).body, new RegExp(`<a[^>]*href="${esc(href)}"`));
    assert.doesNotMatch((await client.get('/account')).body, /<form[^>]*action="\/account\/verlaten"/);
    const page = await client.get(href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Uw rol als MR-lid bij Testschool A beëindigen\?/i);
    assertAsks(page.body, '/account/verlaten', '/account');
    assert.match(page.body, new RegExp(`name="lidmaatschap" value="${spare.id}"`));
    assert.equal(await membershipExists(spare.id), true);
    assert.equal(
      (await client.post('/account/verlaten', { lidmaatschap: String(spare.id) })).statusCode,
      303,
    );
    assert.equal(await membershipExists(spare.id), false);
    const someoneElse = await exampleMembership(database.db, fx.schoolId, 'teamlid');
    const other = await client.get(`/account/verlaten?lidmaatschap=${someoneElse.membershipId}`);
    assert.equal(other.statusCode, 303, 'someone else’s role: back to one’s own list');
    assert.equal(other.headers.location, '/account');
    assert.equal((await client.get(href)).headers.location, '/account', 'an ended role: the same');
  });

  test('board funding: withdrawing a reservation asks first; confirming withdraws it', async () => {
    const { client } = await as('bestuur', fx.boardId);
    const id = await insertExampleReservation(database.db, fx.boardId, fx.schoolId);
    const href = `/besturen/${fx.boardId}/bekostiging/reserveringen/${id}/intrekken`;
    const page = await client.get(href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Reservering intrekken\?/);
    assert.match(page.body, /Testschool A/);
    const withdrawn = async () =>
      (
        await database.db
          .selectFrom('board_reservation')
          .select('withdrawn_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).withdrawn_at;
    assert.equal(await withdrawn(), null);
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page.body.split('<main')[1]!)!;
    assert.equal(form[1], href);
    assert.match(form[2]!, /name="schooljaar" value="[^"]+"/);
    assert.match(form[2]!, /<a[^>]*href="\/besturen\/\d+\/bekostiging\?schooljaar=/);
    const year = /name="schooljaar" value="([^"]+)"/.exec(form[2]!)![1]!;
    assert.equal((await client.post(href, { schooljaar: year })).statusCode, 303);
    assert.notEqual(await withdrawn(), null);
    assert.equal((await client.get(href)).statusCode, 303, 'already withdrawn: back to the overview');
    const others = await insertExampleReservation(database.db, fx.otherBoardId, fx.otherSchoolId);
    assert.equal(
      (await client.get(`/besturen/${fx.boardId}/bekostiging/reserveringen/${others}/intrekken`)).statusCode,
      404,
    );
  });

  test('redactie: discarding the menu draft asks first; confirming discards it', async () => {
    const { client } = await as('redactie', fx.ministryId);
    await ensureDraft(database.db, new Date(), null);
    const href = '/redactie/menukaart/concept/verwijderen';
    assertOffersLink((await client.get('/redactie/menukaart')).body, href);
    const page = await client.get(href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Concept weggooien\?/);
    assert.match(page.body, /niet ongedaan maken/);
    assertAsks(page.body, href, '/redactie/menukaart');
    const drafts = async () =>
      (
        await database.db
          .selectFrom('menukaart_version')
          .select('id')
          .where('published_at', 'is', null)
          .execute()
      ).length;
    assert.equal(await drafts(), 1);
    assert.equal((await client.post(href)).statusCode, 303);
    assert.equal(await drafts(), 0);
    const none = await client.get(href);
    assert.equal(none.statusCode, 303, 'no draft: back to the redactie');
  });
});
