// Publishing with a preview, a confirmation and a valid-from date (issue 11, item 11): a version
// with a later date is not public until that day (clock moved forward here), the redactie sees
// it as scheduled and can cancel it before; only the redactie may do any of this.
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
import { draftVersion } from '../repository/versions.ts';
import { entryByCode } from '../repository/entries.ts';
import { toIntervention } from '../services/menu.ts';
import { importPraktijkkaarten } from '../services/praktijkkaart-import.ts';
import { draftWithEffect as draftWithEffectKit } from './kit.ts';

let clock = new Date('2023-03-01T10:00:00Z');
const now = () => clock;

eachEngine('menukaart publishing with a date', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let visitor: TestClient;
  let leader: TestClient;
  let editor: TestClient;

  before(async () => {
    clock = new Date('2023-03-01T10:00:00Z'); // each engine starts on the same day
    await importPraktijkkaarten(database().db, { strict: false });
    app = await createTestApp(database(), { now });
    fx = await createFixtures(database());
    visitor = new TestClient(app);
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    editor = new TestClient(app, (await signInAs(database(), 'redactie', fx.ministryId)).cookie);
  });
  after(async () => {
    await app.close();
  });

  const draftWithEffect = (effect: number) => draftWithEffectKit(database().db, editor, effect);

  const auditRows = (action: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['action', 'result', 'details'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  test('the preview shows the public menu of the draft, marked, not indexable, not cached, redactie only', async () => {
    await draftWithEffect(7);
    const menu = await editor.get('/redactie/menukaart/concept/voorbeeld');
    assert.equal(menu.statusCode, 200);
    assert.match(menu.body, /Voorbeeld: dit is nog niet gepubliceerd/);
    assert.match(menu.body, /<title>Voorbeeld: Menukaart/);
    assert.equal(menu.headers['x-robots-tag'], 'noindex, nofollow');
    assert.equal(menu.headers['cache-control'], 'private, no-store');
    assert.match(menu.body, /href="\/redactie\/menukaart\/concept\/voorbeeld\/B6"/);
    assert.doesNotMatch(menu.body, /action="\/menukaart\/zoeken"/, 'no search of the published menu');
    const b6 = await editor.get('/redactie/menukaart/concept/voorbeeld/B6');
    assert.equal(b6.statusCode, 200);
    assert.match(b6.body, /Voorbeeld: dit is nog niet gepubliceerd/);
    assert.match(b6.body, /\+7 maanden/);
    assert.equal(b6.headers['x-robots-tag'], 'noindex, nofollow');
    assert.equal((await editor.get('/redactie/menukaart/concept/voorbeeld/Z9')).statusCode, 404);
    assert.equal((await leader.get('/redactie/menukaart/concept/voorbeeld')).statusCode, 403);
    assert.notEqual((await visitor.get('/redactie/menukaart/concept/voorbeeld/B6')).statusCode, 200);
    assert.match((await visitor.get('/menukaart/B6')).body, /\+6 maanden/, 'the public page is unchanged');
  });

  test('a date in the past or not a date is refused in Dutch with the value kept; then a confirmation', async () => {
    const base = { titel: 'Menukaart half maart 2023', toelichting: 'Feedback: nieuwe EEF-cijfers.' };
    const form = await editor.get('/redactie/menukaart/concept/publiceren');
    assert.match(form.body, /value="01-03-2023"/, 'today, as dag-maand-jaar');
    const past = await editor.post('/redactie/menukaart/concept/publiceren', {
      ...base,
      geldigVanaf: '28-2-2023',
    });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /Kies vandaag \(1 maart 2023\) of een latere datum/);
    assert.match(past.body, /value="28-2-2023"/);
    assert.match(past.body, /value="Menukaart half maart 2023"/);
    const wrong = await editor.post('/redactie/menukaart/concept/publiceren', {
      ...base,
      geldigVanaf: '15 maart',
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /als dag-maand-jaar, bijvoorbeeld 01-03-2023/);
    assert.match(wrong.body, /value="15 maart"/);
    assert.equal((await auditRows('menukaart.publiceren')).length, 0, 'nothing published');

    const ask = await editor.post('/redactie/menukaart/concept/publiceren', {
      ...base,
      geldigVanaf: '15-3-2023',
    });
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Deze versie publiceren\?/);
    assert.match(ask.body, /Tot 15 maart 2023 zien scholen en bezoekers de versie die nu geldt/);
    assert.match(ask.body, /name="geldigVanaf" value="2023-03-15"/);
    const back = await editor.post('/redactie/menukaart/concept/publiceren', {
      ...base,
      geldigVanaf: '2023-03-15',
      bevestigd: 'nee',
    });
    assert.equal(back.statusCode, 200);
    assert.match(back.body, /value="15-03-2023"/);
    assert.ok(await draftVersion(database().db), 'still a draft');
    assert.equal(
      (
        await leader.post('/redactie/menukaart/concept/publiceren', {
          ...base,
          geldigVanaf: '2023-03-15',
          bevestigd: 'ja',
        })
      ).statusCode,
      403,
    );
    const done = await editor.post('/redactie/menukaart/concept/publiceren', {
      ...base,
      geldigVanaf: '2023-03-15',
      bevestigd: 'ja',
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/redactie/menukaart?melding=gepland');
    const [row] = await auditRows('menukaart.publiceren');
    assert.deepEqual(row!.details, { label: '2023-03-15', geldigVanaf: '2023-03-15', gepland: true });
  });

  test('a scheduled version is not public before its date, and is from that day on', async () => {
    const home = await editor.get('/redactie/menukaart');
    assert.match(home.body, /Geplande versies/);
    assert.match(home.body, /Menukaart half maart 2023<\/td><td[^>]*>15 maart 2023/);
    assert.match(home.body, /Menukaart half maart 2023<strong> \(gepland\)<\/strong>/);

    assert.match((await visitor.get('/menukaart/B6')).body, /\+6 maanden/);
    assert.match((await visitor.get('/menukaart')).body, /Menukaart april 2022/);
    assert.doesNotMatch((await visitor.get('/menukaart/versies')).body, /half maart/);
    assert.equal((await visitor.get('/menukaart/B6?versie=2023-03-15')).statusCode, 404);
    assert.equal((await visitor.get('/menukaart/verschil?van=2022-04&naar=2023-03-15')).statusCode, 404);
    const api = await visitor.get('/api/v1/interventions/B6');
    assert.equal(api.json().effectMonths, 6);
    assert.ok(
      !api.json().ratingHistory.some((r: { label: string }) => r.label === '2023-03-15'),
      'the scheduled scores are not in the public history',
    );
    assert.equal((await visitor.get('/api/v1/interventions/B6?versie=2023-03-15')).statusCode >= 400, true);

    clock = new Date('2023-03-14T22:59:00Z'); // 23:59 in the Netherlands: still the 14th
    assert.match((await visitor.get('/menukaart/B6')).body, /\+6 maanden/);
    clock = new Date('2023-03-14T23:01:00Z'); // 00:01 on the 15th
    assert.match((await visitor.get('/menukaart/B6')).body, /\+7 maanden/);
    assert.match((await visitor.get('/menukaart')).body, /Menukaart half maart 2023/);
    assert.match((await visitor.get('/menukaart/versies')).body, /Menukaart half maart 2023/);
    assert.match((await visitor.get('/menukaart/zoeken?q=feedback')).body, /Feedback/);
    assert.equal((await visitor.get('/api/v1/interventions/B6')).json().effectMonths, 7);
    assert.doesNotMatch((await editor.get('/redactie/menukaart')).body, /Geplande versies/);
  });

  test('a scheduled version can be cancelled before its date (it becomes the draft again), not after', async () => {
    const db = database().db;
    const inForce = await db
      .selectFrom('menukaart_version')
      .select('id')
      .where('label', '=', '2023-03-15')
      .executeTakeFirstOrThrow();
    const late = await editor.get(`/redactie/menukaart/versie/${inForce.id}/annuleren`);
    assert.equal(late.statusCode, 200, 'the page explains; only a POST anyway is refused with 409');
    assert.doesNotMatch(late.body, /method="post"[^>]*annuleren/, 'no form to cancel');
    assert.match(late.body, /Deze versie geldt al sinds 15 maart 2023/);

    await draftWithEffect(8);
    const publish = { titel: 'Menukaart april 2023', geldigVanaf: '1-4-2023', toelichting: 'Feedback +8.' };
    assert.equal(
      (await editor.post('/redactie/menukaart/concept/publiceren', { ...publish, bevestigd: 'ja' }))
        .statusCode,
      303,
    );
    const scheduled = (await db
      .selectFrom('menukaart_version')
      .selectAll()
      .where('label', '=', '2023-04-01')
      .executeTakeFirstOrThrow())!;
    const ratingsOf = () =>
      db.selectFrom('menukaart_rating').select('label').where('label', '=', '2023-04-01').execute();
    assert.equal((await ratingsOf()).length, 1, 'the new score joined the history');

    // A draft open beside it (built on it): cancelling is refused, and says what to do.
    assert.equal((await editor.post('/redactie/menukaart/concept')).statusCode, 303);
    const blocked = await editor.post(`/redactie/menukaart/versie/${scheduled.id}/annuleren`);
    assert.equal(blocked.statusCode, 409);
    assert.match(blocked.body, /Er is een concept open/);
    assert.equal((await auditRows('menukaart.planning.annuleren')).at(-1)!.result, 'mislukt');
    assert.equal((await editor.post('/redactie/menukaart/concept/verwijderen')).statusCode, 303);

    const ask = await editor.get(`/redactie/menukaart/versie/${scheduled.id}/annuleren`);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Planning van Menukaart april 2023 annuleren\?/);
    assert.equal((await leader.get(`/redactie/menukaart/versie/${scheduled.id}/annuleren`)).statusCode, 403);
    assert.equal((await leader.post(`/redactie/menukaart/versie/${scheduled.id}/annuleren`)).statusCode, 403);
    assert.equal(
      (
        await db
          .selectFrom('menukaart_version')
          .select('status')
          .where('id', '=', scheduled.id)
          .executeTakeFirstOrThrow()
      ).status,
      'gepubliceerd',
    );

    const done = await editor.post(`/redactie/menukaart/versie/${scheduled.id}/annuleren`);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/redactie/menukaart?melding=geannuleerd');
    const draft = await draftVersion(db);
    assert.equal(draft?.id, scheduled.id, 'the cancelled version is the draft again');
    assert.equal(draft?.valid_from, null);
    assert.equal((await ratingsOf()).length, 0, 'its scores left the history');
    const b6 = toIntervention((await entryByCode(db, scheduled.id, 'B6'))!);
    assert.equal(b6.effectMonths, 8, 'the work is kept');
    const [row] = (await auditRows('menukaart.planning.annuleren')).filter((r) => r.result === 'ok');
    assert.deepEqual(row!.details, { label: '2023-04-01', geldigVanaf: '2023-04-01' });

    clock = new Date('2023-04-02T10:00:00Z');
    assert.match(
      (await visitor.get('/menukaart/B6')).body,
      /\+7 maanden/,
      'the cancelled version never applies',
    );
  });
});
