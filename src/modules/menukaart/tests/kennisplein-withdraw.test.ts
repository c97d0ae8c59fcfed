// Withdrawing a published kennisplein example (issue 11, item 11): only the redactie, after a
// confirmation page with a reason; then the page answers 410 saying so, and the example leaves
// the lists and the search. Audited; a refused or empty attempt changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { itemById } from '../repository/kennisplein.ts';
import { publishedExampleItem } from '../routes/support.ts';

const now = () => new Date('2023-03-01T10:00:00Z');

eachEngine('kennisplein: withdrawing a published example', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let visitor: TestClient;
  let leader: TestClient;
  let editor: TestClient;
  let itemId: number;

  before(async () => {
    app = await createTestApp(database(), { now });
    fx = await createFixtures(database());
    visitor = new TestClient(app);
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    editor = new TestClient(app, (await signInAs(database(), 'redactie', fx.ministryId)).cookie);
    itemId = await publishedExampleItem(database().db, fx.schoolId);
  });
  after(async () => {
    await app.close();
  });

  const status = async () => (await itemById(database().db, itemId))!.status;
  const withdrawAudits = () =>
    database()
      .db.selectFrom('audit_event')
      .select(['action', 'result', 'object_id'])
      .where('action', '=', 'kennisplein.intrekken')
      .execute();

  test('the redactie lists what is published, with a way to withdraw it', async () => {
    assert.equal((await visitor.get(`/kennisplein/${itemId}`)).statusCode, 200);
    assert.match((await visitor.get('/kennisplein')).body, /Tutoren uit de bovenbouw/);
    assert.match((await visitor.get('/menukaart/zoeken?q=tutoren')).body, /Tutoren uit de bovenbouw/);
    const queue = await editor.get('/redactie/kennisplein');
    assert.match(queue.body, /Gepubliceerd op het kennisplein/);
    assert.match(queue.body, new RegExp(`href="/redactie/kennisplein/${itemId}/intrekken"`));
  });

  test('nobody but the redactie can withdraw; nothing changes when refused', async () => {
    const reason = { reden: 'Op verzoek van de school.' };
    assert.equal((await leader.get(`/redactie/kennisplein/${itemId}/intrekken`)).statusCode, 403);
    assert.equal((await leader.post(`/redactie/kennisplein/${itemId}/intrekken`, reason)).statusCode, 403);
    assert.notEqual(
      (await visitor.post(`/redactie/kennisplein/${itemId}/intrekken`, reason)).statusCode,
      303,
    );
    assert.equal(await status(), 'gepubliceerd');
    assert.equal((await withdrawAudits()).length, 0);
  });

  test('the confirmation page asks for a reason; without one nothing is withdrawn', async () => {
    const ask = await editor.get(`/redactie/kennisplein/${itemId}/intrekken`);
    assert.equal(ask.statusCode, 200);
    assert.match(
      ask.body,
      /Voorbeeld &#39;Tutoren uit de bovenbouw&#39; intrekken\?|Voorbeeld 'Tutoren uit de bovenbouw' intrekken\?/,
    );
    assert.match(ask.body, /name="reden"/);
    const empty = await editor.post(`/redactie/kennisplein/${itemId}/intrekken`, { reden: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Schrijf waarom het wordt ingetrokken/);
    const long = await editor.post(`/redactie/kennisplein/${itemId}/intrekken`, { reden: 'x'.repeat(2001) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /hoogstens 2000 tekens/);
    assert.equal(await status(), 'gepubliceerd');
  });

  test('withdrawn: 410 with the reason, gone from lists and search, audited, shown to the school', async () => {
    const done = await editor.post(`/redactie/kennisplein/${itemId}/intrekken`, {
      reden: 'De school vroeg het voorbeeld terug te trekken.',
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/redactie/kennisplein?melding=ingetrokken');
    assert.equal(await status(), 'ingetrokken');
    const rows = await withdrawAudits();
    assert.deepEqual(
      rows.map((r) => [r.result, r.object_id]),
      [['ok', String(itemId)]],
    );

    const page = await visitor.get(`/kennisplein/${itemId}`);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /Dit voorbeeld is ingetrokken/);
    assert.match(page.body, /De school vroeg het voorbeeld terug te trekken\./);
    assert.match(page.body, /op 1 maart 2023/);
    assert.doesNotMatch((await visitor.get('/kennisplein')).body, /Tutoren uit de bovenbouw/);
    assert.doesNotMatch((await visitor.get('/menukaart/zoeken?q=tutoren')).body, /Tutoren uit de bovenbouw/);
    assert.doesNotMatch((await visitor.get('/menukaart/B5')).body, /Tutoren uit de bovenbouw/);
    assert.doesNotMatch((await editor.get('/redactie/kennisplein')).body, /Tutoren uit de bovenbouw/);
    const own = await leader.get(`/scholen/${fx.schoolId}/kennisplein`);
    assert.match(own.body, /Ingetrokken door de redactie/);
    assert.match(own.body, /De school vroeg het voorbeeld terug te trekken\./);

    // Once withdrawn it is not there to withdraw again.
    assert.equal((await editor.get(`/redactie/kennisplein/${itemId}/intrekken`)).statusCode, 404);
    assert.equal(
      (await editor.post(`/redactie/kennisplein/${itemId}/intrekken`, { reden: 'Nog eens.' })).statusCode,
      404,
    );
  });
});
