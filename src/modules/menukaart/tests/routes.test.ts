// Routes of the menukaart: filters, compare, the API with ETags, the kennisplein flow from
// submission to publication, neutralised markup, and the editor's draft and publication.
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
import { entryFormValues } from '../services/entry-editing.ts';
import { toIntervention } from '../services/menu.ts';
import { importPraktijkkaarten } from '../services/praktijkkaart-import.ts';
import { sectionHeadings } from '../services/praktijkkaart.ts';

const now = () => new Date('2023-03-01T10:00:00Z');

eachEngine('menukaart routes', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let visitor: TestClient;
  let leader: TestClient;
  let editor: TestClient;

  before(async () => {
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

  test('the menu lists every intervention of the version in force, with unknown scores shown as unknown', async () => {
    const res = await visitor.get('/menukaart');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Menukaart april 2022/);
    assert.match(res.body, /31 interventies/);
    assert.match(res.body, /href="\/menukaart\/B6"/);
    assert.match(res.body, /onbekend/);
    assert.match(res.body, /\(afgeleid\)/);
  });

  test('the menu page is also available in English, cached separately per language', async () => {
    const en = new TestClient(app, 'npo_taal=en');
    const res = await en.get('/menukaart?sortering=effect');
    assert.match(res.body, /<html lang="en"/);
    assert.match(res.body, /Menu of interventions/);
    assert.match(res.body, /31 interventions/);
    assert.match(res.body, />unknown</);
    assert.match((await visitor.get('/menukaart?sortering=effect')).body, /Menukaart met interventies/);
  });

  test('filters narrow the list and sorting by effect puts the largest effect first', async () => {
    const res = await visitor.get('/menukaart?categorie=B&sortering=effect');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /12 van de 31 interventies/);
    const order = [...res.body.matchAll(/href="\/menukaart\/([A-F]\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(order.slice(0, 3), ['B6', 'B8', 'B9']);
    assert.ok(!order.includes('D1'));
    const cheap = await visitor.get('/menukaart?kosten=1&bewijs=5');
    assert.match(cheap.body, /1 van de 31 interventies/);
    assert.match(cheap.body, /Fonemisch bewustzijn/);
  });

  test('an unknown filter value gives a clear message and status 400', async () => {
    const res = await visitor.get('/menukaart?categorie=Z&kosten=9');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /De categorie &#39;Z&#39; bestaat niet|De categorie 'Z' bestaat niet/);
    assert.match(res.body, /Kies een getal van 1 tot en met 5/);
  });

  test('a visitor gets the cached list with an ETag and a 304 on revalidation', async () => {
    const first = await visitor.get('/menukaart?sortering=effect-per-euro');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const again = await visitor.get('/menukaart?sortering=effect-per-euro', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
  });

  test('an intervention page shows scores with source and date, the rating history and the praktijkkaart', async () => {
    const res = await visitor.get('/menukaart/B6');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Scores van 1 april 2022/);
    assert.match(res.body, /Geschiedenis van de scores/);
    assert.match(res.body, /2021-05/);
    assert.equal((await visitor.get('/menukaart/Z99')).statusCode, 404);
    const withdrawn = await visitor.get('/menukaart/A1');
    assert.match(withdrawn.body, /Deze interventie is ingetrokken/);
    const old = await visitor.get('/menukaart/B6?versie=2021-05');
    assert.match(old.body, /U bekijkt de menukaart mei 2021/);
    assert.match(old.body, /\+8 maanden/);
    const a1 = await visitor.get('/menukaart/A1');
    if (a1.body.includes('Wat het is')) assert.match(a1.body, /<h3[^>]*>Wat onderzoek zegt<\/h3>/);
  });

  test('a score carried over from 2021 is labelled so on the page, and effect per €100 is marked as the platform’s own calculation', async () => {
    const e2 = await visitor.get('/menukaart/E2');
    assert.equal(e2.statusCode, 200);
    assert.match(e2.body, /\(overgenomen uit 2021\)/);
    assert.match(e2.body, /\(eigen berekening\)/);
    const b6 = await visitor.get('/menukaart/B6');
    assert.doesNotMatch(b6.body, /overgenomen uit/, 'a score of April 2022 itself is not carried over');
    const a1 = await visitor.get('/menukaart/A1');
    assert.match(a1.body, /Geen scores gepubliceerd\./, 'the withdrawn A1 shows no scores after April 2022');
    assert.doesNotMatch(a1.body, /overgenomen uit/);
    const list = await visitor.get('/menukaart');
    assert.match(list.body, /eigen berekening van dit platform/);
    const diff = await visitor.get('/menukaart/verschil?van=2021-05&naar=2022-04');
    assert.match(diff.body, /overgenomen uit 2021/);
  });

  test('compare shows up to three interventions and says so when more are asked', async () => {
    const ok = await visitor.get('/menukaart/vergelijken?code=B6&code=D1');
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Vergelijking van B6, D1/);
    const many = await visitor.get('/menukaart/vergelijken?code=B6&code=D1&code=B5&code=B8');
    assert.equal(many.statusCode, 400);
    assert.match(many.body, /hoogstens drie/);
    assert.match(many.body, /Vergelijking van B6, D1, B5</);
  });

  test('search finds interventions in Dutch, falls back to prefixes and survives odd or huge input', async () => {
    const res = await visitor.get('/menukaart/zoeken?q=begrijpend%20lezen');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /B8\. Technieken voor begrijpend lezen/);
    const prefix = await visitor.get('/menukaart/zoeken?q=sport');
    assert.match(prefix.body, /C2\. Sportieve activiteiten/);
    const odd = await visitor.get(
      `/menukaart/zoeken?q=${encodeURIComponent("'); drop table x; --<script>&|!:*")}`,
    );
    assert.equal(odd.statusCode, 200);
    assert.doesNotMatch(odd.body, /<script>&/);
    const huge = await visitor.get(`/menukaart/zoeken?q=${'feedback '.repeat(500)}`);
    assert.equal(huge.statusCode, 200);
    assert.match(huge.body, /langer dan 100 tekens/);
    const twice = await visitor.get('/menukaart/zoeken?q=feedback&q=lezen');
    assert.match(twice.body, /value="feedback"/);
    assert.match(twice.body, /B6\. Feedback/);
    const nothing = await visitor.get('/menukaart/zoeken?q=%21%21%21');
    assert.equal(nothing.statusCode, 400);
    assert.match(nothing.body, /geen letters of cijfers/);
  });

  test('the API lists with filters, gives details, ETags and 304, and explains unknown filters', async () => {
    const list = await visitor.get('/api/v1/interventions?categorie=D&sortering=effect');
    assert.equal(list.statusCode, 200);
    const body = list.json();
    assert.equal(body.version.label, '2022-04');
    assert.deepEqual(
      body.interventions.map((i: { code: string }) => i.code),
      ['D1', 'D2'],
    );
    assert.equal(body.interventions[0].effectMonths, 7);
    assert.deepEqual(body.interventions[0].inferredFields, ['cost']);
    assert.match(list.headers['cache-control'] as string, /max-age/);
    const etag = list.headers.etag as string;
    assert.equal(
      (await visitor.get('/api/v1/interventions?categorie=D&sortering=effect', { 'if-none-match': etag }))
        .statusCode,
      304,
    );
    const bad = await visitor.get('/api/v1/interventions?sector=mbo');
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /^application\/problem\+json/);
    assert.equal(bad.json().status, 400);
    assert.match(bad.json().errors[0].message, /sector 'mbo'/);
    const detail = await visitor.get('/api/v1/interventions/B4');
    assert.equal(detail.statusCode, 200);
    assert.equal(detail.json().effectMonths, null);
    const missing = await visitor.get('/api/v1/interventions/Q1');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().detail, /Interventie Q1 staat niet op deze menukaart/);
    const old = await visitor.get('/api/v1/interventions/B6?versie=2021-05');
    assert.equal(old.json().effectMonths, 8);
    // The hand-written description moved into the generated document; its old address redirects.
    const moved = await visitor.get('/api/v1/menukaart/openapi.json');
    assert.equal(moved.statusCode, 308);
    assert.equal(moved.headers.location, '/api/v1/openapi.json');
    const doc = (await visitor.get('/api/v1/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    const listing = doc.paths['/api/v1/interventions']?.get;
    assert.ok(listing, 'the list is described');
    assert.deepEqual(
      listing.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort(),
      ['query:bewijs', 'query:categorie', 'query:kosten', 'query:sector', 'query:sortering', 'query:versie'],
    );
    const sector = listing.parameters.find((p: { name: string }) => p.name === 'sector');
    assert.deepEqual(sector.schema.enum, ['po', 'vo', 'vso']);
    const listSchema = listing.responses['200'].content['application/json'].schema;
    assert.deepEqual(listSchema.required, ['version', 'categories', 'count', 'interventions']);
    const item = listSchema.properties.interventions.items;
    for (const field of ['code', 'effectMonths', 'evidence', 'cost', 'inferredFields', 'rating', 'withdrawn'])
      assert.ok(item.properties[field], `an intervention in the list has ${field}`);
    assert.deepEqual(item.properties.effectMonths.anyOf, [
      { type: 'integer', minimum: -12, maximum: 12 },
      { type: 'null' },
    ]);
    const described = doc.paths['/api/v1/interventions/{code}']?.get;
    assert.ok(described, 'the detail is described');
    assert.deepEqual(
      described.parameters.map((p: { name: string; in: string; required: boolean }) => [
        p.in,
        p.name,
        p.required,
      ]),
      [
        ['query', 'versie', false],
        ['path', 'code', true],
      ],
    );
    const detailSchema = described.responses['200'].content['application/json'].schema;
    for (const field of ['version', 'code', 'praktijkkaart', 'ratingHistory', 'kennisplein'])
      assert.ok(detailSchema.properties[field], `the detail has ${field}`);
    assert.ok(!doc.paths['/api/v1/menukaart/openapi.json'], 'the old address is no path of the API');
  });

  test('kennisplein: a school leader submits, the editor asks for changes, then publishes; markup is neutralised', async () => {
    const form = {
      titel: 'Fietsen naar de bieb <script>alert(1)</script>',
      schooltype: 'Basisschool',
      interventies: ['B8', 'B9'],
      watGedaan:
        'We lazen samen. <script>alert("x")</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3))',
      geleerd: 'Vaste tijden helpen. <b onmouseover="alert(4)">vet</b>',
      kosten: 'Tijd van de coördinator.',
      kostenBedrag: '1.250,50',
      contact: 'ja',
      actie: 'indienen',
    };
    // A javascript: link is a broken link: refused with a message, values kept.
    const refused = await leader.post(`/scholen/${fx.schoolId}/kennisplein/nieuw`, form);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /link die niet werkt/);
    assert.match(refused.body, /value="Fietsen naar de bieb &lt;script>alert\(1\)&lt;\/script>"/);
    const sent = await leader.post(`/scholen/${fx.schoolId}/kennisplein/nieuw`, {
      ...form,
      watGedaan: form.watGedaan.replace('javascript:alert(3)', 'https://www.onderwijskennis.nl/'),
    });
    assert.equal(sent.statusCode, 303);
    const own = await leader.get(`/scholen/${fx.schoolId}/kennisplein`);
    assert.match(own.body, /Ingediend, wacht op de redactie/);
    const item = await database()
      .db.selectFrom('kennisplein_item')
      .selectAll()
      .where('school_id', '=', fx.schoolId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(item.cost_cents, 125050);
    assert.equal(
      (await visitor.get(`/kennisplein/${item.id}`)).statusCode,
      404,
      'not public before moderation',
    );

    // Another school's leader cannot reach it.
    const other = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.otherSchoolId)).cookie);
    assert.equal((await other.get(`/scholen/${fx.otherSchoolId}/kennisplein/${item.id}`)).statusCode, 404);
    assert.equal((await other.get(`/scholen/${fx.schoolId}/kennisplein`)).statusCode, 403);

    const noReason = await editor.post(`/redactie/kennisplein/${item.id}`, { actie: 'wijzigingen' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Schrijf welke wijzigingen u vraagt/);
    assert.equal(
      (
        await editor.post(`/redactie/kennisplein/${item.id}`, {
          actie: 'wijzigingen',
          reden: 'Noem ook het aantal leerlingen.',
        })
      ).statusCode,
      303,
    );
    const edit = await leader.get(`/scholen/${fx.schoolId}/kennisplein/${item.id}`);
    assert.match(edit.body, /Noem ook het aantal leerlingen/);
    assert.equal(
      (
        await leader.post(`/scholen/${fx.schoolId}/kennisplein/${item.id}`, {
          ...form,
          watGedaan:
            'Twintig leerlingen lazen samen. <script>alert("x")</script> <img src=x onerror=alert(2)>',
        })
      ).statusCode,
      303,
    );
    // Searched (and cached) before publication: not found; after publication it is.
    assert.doesNotMatch(
      (await visitor.get('/menukaart/zoeken?q=fiets')).body,
      new RegExp(`href="/kennisplein/${item.id}"`),
    );
    assert.equal(
      (await editor.post(`/redactie/kennisplein/${item.id}`, { actie: 'goedkeuren' })).statusCode,
      303,
    );
    // Deciding twice is refused.
    assert.equal(
      (await editor.post(`/redactie/kennisplein/${item.id}`, { actie: 'afwijzen', reden: 'x' })).statusCode,
      422,
    );

    const page = await visitor.get(`/kennisplein/${item.id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /<img/);
    assert.doesNotMatch(page.body, /onmouseover/);
    assert.match(page.body, /&lt;script&gt;/);
    assert.match(page.body, /€\s?1\.250,50/);
    const b8 = await visitor.get('/menukaart/B8');
    assert.match(b8.body, new RegExp(`href="/kennisplein/${item.id}"`));
    const found = await visitor.get('/menukaart/zoeken?q=fiets');
    assert.match(found.body, new RegExp(`href="/kennisplein/${item.id}"`));
    const audits = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'kennisplein_item')
      .where('object_id', '=', String(item.id))
      .execute();
    assert.deepEqual(audits.map((a) => a.action).sort(), [
      'kennisplein.besluit',
      'kennisplein.besluit',
      'kennisplein.indienen',
      'kennisplein.indienen',
    ]);
  });

  test('a school leader cannot moderate and a visitor cannot edit', async () => {
    assert.equal((await leader.get('/redactie/kennisplein')).statusCode, 403);
    assert.match(
      (await leader.get('/overzicht')).body,
      new RegExp(`href="/scholen/${fx.schoolId}/kennisplein"`),
    );
    assert.match((await editor.get('/overzicht')).body, /href="\/redactie\/menukaart"/);
    const anon = await visitor.get('/redactie/menukaart');
    assert.notEqual(anon.statusCode, 200);
  });

  test('editor: a draft with a missing score or a broken link is refused; a valid edit is published as a new version', async () => {
    assert.equal((await editor.post('/redactie/menukaart/concept')).statusCode, 303);
    const formRes = await editor.get('/redactie/menukaart/concept/interventie/B6');
    assert.equal(formRes.statusCode, 200);
    const fields: Record<string, string | string[]> = {
      categorie: 'B',
      naam: 'Feedback',
      bron: 'EEF',
      samenvatting: 'Gerichte informatie aan leerlingen over hun leren.',
      sectoren: ['po', 'vo', 'vso'],
      effect: '',
      bewijs: '4',
      kosten: '1',
      beoordeeldOp: '2023-06-01',
      beoordelingBron: 'https://educationendowmentfoundation.org.uk/',
      status: 'actief',
    };
    for (const { key } of sectionHeadings) fields[`pk_${key}`] = `Tekst voor ${key}.`;
    const missing = await editor.post('/redactie/menukaart/concept/interventie/B6', fields);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Kies een waarde voor het effect/);
    assert.match(missing.body, /Gerichte informatie aan leerlingen/, 'typed values are kept');

    const broken = await editor.post('/redactie/menukaart/concept/interventie/B6', {
      ...fields,
      effect: '7',
      pk_aanpak: 'Zie [de kaart](/menukaart/Z9) en [dit](htp:/kapot).',
    });
    assert.equal(broken.statusCode, 422);
    assert.match(broken.body, /link die niet werkt: \/menukaart\/Z9, htp:\/kapot/);

    const saved = await editor.post('/redactie/menukaart/concept/interventie/B6', {
      ...fields,
      effect: '7',
      pk_aanpak: 'Zie [metacognitie](/menukaart/D1).',
    });
    assert.equal(saved.statusCode, 303);
    const withdraw = await editor.post('/redactie/menukaart/concept/interventie/B6', {
      ...fields,
      effect: '7',
      status: 'ingetrokken',
    });
    assert.equal(withdraw.statusCode, 422);
    assert.match(withdraw.body, /Leg uit waarom/);

    const diff = await editor.get('/redactie/menukaart/concept/verschil');
    assert.match(diff.body, /B6\. Feedback: gewijzigd/);
    assert.match(diff.body, /<del><span class="npo-visually-hidden">\[verwijderd: <\/span>\+6<span/);
    assert.match(
      diff.body,
      /<ins><span class="npo-visually-hidden">\[toegevoegd: <\/span>\+7<span[^]*?<\/ins> maanden/,
    );

    // Public pages still show the version in force until publication.
    assert.match((await visitor.get('/menukaart/B6')).body, /\+6 maanden/);
    const noDate = await editor.post('/redactie/menukaart/concept/publiceren', {
      titel: 'Menukaart juni 2023',
      geldigVanaf: '2023-13-45',
      toelichting: 'Nieuwe EEF-cijfers voor feedback.',
    });
    assert.equal(noDate.statusCode, 422);
    assert.match(noDate.body, /als dag-maand-jaar, bijvoorbeeld 01-03-2023/);
    const publish = {
      titel: 'Menukaart maart 2023',
      geldigVanaf: '1-3-2023',
      toelichting: 'Nieuwe EEF-cijfers voor feedback.',
    };
    const ask = await editor.post('/redactie/menukaart/concept/publiceren', publish);
    assert.equal(ask.statusCode, 200, 'first the confirmation');
    assert.match(ask.body, /De menukaart verandert direct/);
    const pub = await editor.post('/redactie/menukaart/concept/publiceren', { ...publish, bevestigd: 'ja' });
    assert.equal(pub.statusCode, 303);
    assert.equal(pub.headers.location, '/redactie/menukaart?melding=gepubliceerd');

    const after = await visitor.get('/menukaart/B6');
    assert.match(after.body, /\+7 maanden/);
    assert.match(after.body, /Menukaart maart 2023|2023-03-01/);
    const versions = await visitor.get('/menukaart/versies');
    assert.match(versions.body, /Menukaart maart 2023/);
    assert.match(versions.body, /van=2022-04&amp;naar=2023-03-01/);
    const publicDiff = await visitor.get('/menukaart/verschil?van=2022-04&naar=2023-03-01');
    assert.match(publicDiff.body, /B6\. Feedback: gewijzigd/);
    const api = await visitor.get('/api/v1/interventions/B6');
    assert.equal(api.json().effectMonths, 7);
    assert.equal(api.json().ratingHistory.length, 3);
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'menukaart.publiceren')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('editor texts sent with CRLF line endings are stored with LF, and an unchanged re-save shows no change in the diff', async () => {
    assert.equal((await editor.post('/redactie/menukaart/concept')).statusCode, 303);
    const draft = (await draftVersion(database().db))!;
    const entry = (await entryByCode(database().db, draft.id, 'B8'))!;
    const before = entryFormValues(toIntervention(entry));
    assert.ok(before.values.pk_aanpak!.includes('\n'), 'the section has several lines');
    // What a browser sends back from the textareas of an untouched form: every line ending as CRLF.
    const form: Record<string, string | string[]> = { sectoren: before.sectors };
    for (const [k, v] of Object.entries(before.values)) form[k] = (v ?? '').replace(/\n/g, '\r\n');
    assert.equal((await editor.post('/redactie/menukaart/concept/interventie/B8', form)).statusCode, 303);
    const stored = (await entryByCode(database().db, draft.id, 'B8'))!;
    for (const { key } of sectionHeadings)
      assert.ok(!stored.praktijkkaart![key].includes('\r'), `section ${key} is stored without CR`);
    assert.deepEqual(stored.praktijkkaart, entry.praktijkkaart);
    const diff = await editor.get('/redactie/menukaart/concept/verschil');
    assert.equal(diff.statusCode, 200);
    assert.doesNotMatch(diff.body, /B8\./, 'an unchanged intervention is not listed as changed');
    assert.equal((await editor.post('/redactie/menukaart/concept/verwijderen')).statusCode, 303);
  });
});
