// The builder over HTTP on both engines: the seeded rounds are there (and the seed migration adds
// nothing the second time); an analist makes, fills, previews, copies and publishes a
// questionnaire; bad input is answered per field with the input kept; a stale revision is a 409
// that keeps the input; once a school started answering, the structure is refused and texts and
// dates still change; only the analist gets in; every write leaves an audit row.
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
import { up as seedRounds } from '../../../../migrations/0620_verantwoording_vragenlijsten.ts';
import { findQuestionnaire } from '../repository/questionnaires.ts';
import { builderClients } from './builder-kit.ts';
import { sendToRoute } from '../../../../test/support/route-requests.ts';
import { listSchoolYears, loadProgramme } from '../../../platform/programme.ts';

eachEngine('verantwoording builder', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  const clients = new Map<string, TestClient>();
  let yearId: number;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    for (const [role, client] of await builderClients(app, database(), fx)) clients.set(role, client);
    const programme = await loadProgramme(database().db);
    yearId = (await listSchoolYears(database().db, programme.id))[0]!.id;
  });
  after(async () => {
    await app?.close();
  });

  const as = (who: string) => clients.get(who)!;
  const db = () => database().db;
  const audits = (action: string, objectId: number) =>
    db()
      .selectFrom('audit_event')
      .select('result')
      .where('action', '=', action)
      .where('object_id', '=', String(objectId))
      .execute();
  const meta = (over: Record<string, string> = {}) => ({
    titel: 'Peiling voorjaar 2022',
    inleiding: 'Hoe gaat het met de uitvoering?',
    schooljaar: String(yearId),
    doelgroep: 'school',
    'korte-naam': `peiling-${Math.random().toString(36).slice(2, 8)}`,
    opent: '01-03-2022',
    sluit: '31-03-2022',
    ...over,
  });
  const question = (over: Record<string, string> = {}) => ({
    vraag: 'Heeft de school een schoolscan gemaakt?',
    uitleg: '',
    sleutel: 'schoolscan-gedaan',
    soort: 'ja-nee',
    verplicht: 'ja',
    antwoorden: '',
    voorwaarde: '',
    'voorwaarde-antwoorden': '',
    vooringevuld: 'schoolscan-gedaan',
    minimum: '',
    maximum: '',
    maxlengte: '',
    ...over,
  });
  const create = async () => {
    const res = await as('analist').post('/beheer/vragenlijsten/nieuw', meta());
    assert.equal(res.statusCode, 303, res.body);
    return Number(/\/beheer\/vragenlijsten\/(\d+)/.exec(res.headers.location as string)![1]);
  };
  const revision = async (id: number) => (await findQuestionnaire(db(), id))!.revision;

  test('the real rounds are seeded, published, and a second run of the seed adds nothing', async () => {
    const rows = await db()
      .selectFrom('questionnaire')
      .select(['slug', 'status', 'opens_on', 'closes_on', 'audience'])
      .execute();
    const start = rows.find((r) => r.slug === 'schoolleiders-2021-2022');
    assert.deepEqual(start && { ...start }, {
      slug: 'schoolleiders-2021-2022',
      status: 'gepubliceerd',
      opens_on: '2021-08-23',
      closes_on: '2021-09-17',
      audience: 'school',
    });
    for (const slug of ['besturen-2021-2022', 'besturen-2024-2025', 'schoolleiders-2024-2025'])
      assert.ok(
        rows.some((r) => r.slug === slug && r.status === 'gepubliceerd'),
        slug,
      );
    const count = async () =>
      (
        await db()
          .selectFrom('questionnaire')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const n = Number(await count());
    await seedRounds(db());
    assert.equal(Number(await count()), n);
    const list = await as('analist').get('/beheer/vragenlijsten');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Vragenlijst voor schoolleiders, begin schooljaar 2021-2022/);
    assert.match(list.body, /Schooljaar 2024-2025/);
  });

  test('only the analist builds: other roles are refused, visitors sent to sign in', async () => {
    for (const role of ['beheerder', 'helpdesk', 'schoolleider', 'bestuur']) {
      assert.equal((await as(role).get('/beheer/vragenlijsten')).statusCode, 403, role);
      assert.equal((await as(role).post('/beheer/vragenlijsten/nieuw', meta())).statusCode, 403, role);
    }
    const visitor = await new TestClient(app).get('/beheer/vragenlijsten/nieuw');
    assert.equal(visitor.statusCode, 303);
    assert.match(visitor.headers.location as string, /inloggen/);
  });

  test('an analist makes a questionnaire, adds a section and questions, previews, copies and publishes it', async () => {
    const id = await create();
    assert.deepEqual(await audits('vragenlijst.aangemaakt', id), [{ result: 'ok' }]);
    const page = await as('analist').get(`/beheer/vragenlijsten/${id}?gedaan=gemaakt`);
    assert.match(page.body, /De vragenlijst is gemaakt/);

    let res = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/nieuw`, {
      ...question(),
      revisie: String(await revision(id)),
      titel: 'De schoolscan',
      inleiding: '',
      'onderdeel-sleutel': 'schoolscan',
    });
    assert.equal(res.statusCode, 303, res.body);
    res = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/schoolscan/vragen/nieuw`, {
      ...question({
        vraag: 'Wat gebruikte de school?',
        sleutel: 'bronnen',
        soort: 'meer-keuze',
        vooringevuld: '',
        antwoorden: 'toetsen | Toetsen\nGesprekken met ouders',
        voorwaarde: 'schoolscan-gedaan',
        'voorwaarde-antwoorden': 'ja',
      }),
      revisie: String(await revision(id)),
    });
    assert.equal(res.statusCode, 303, res.body);
    const q = (await findQuestionnaire(db(), id))!;
    assert.deepEqual(
      q.definition.sections.map((s) => s.key),
      ['algemeen', 'schoolscan'],
    );
    assert.deepEqual(q.definition.sections[1]!.questions[1]!.options, [
      { value: 'toetsen', label: 'Toetsen' },
      { value: 'gesprekken-met-ouders', label: 'Gesprekken met ouders' },
    ]);

    res = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/schoolscan/verplaatsen`, {
      revisie: String(q.revision),
      richting: 'omhoog',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await findQuestionnaire(db(), id))!.definition.sections[0]!.key, 'schoolscan');

    const preview = await as('analist').get(`/beheer/vragenlijsten/${id}/voorbeeld`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Gesprekken met ouders/);
    assert.match(preview.body, /Alleen zichtbaar als het antwoord op/);

    res = await as('analist').post(`/beheer/vragenlijsten/${id}/kopieren`, meta({ titel: 'Kopie' }));
    assert.equal(res.statusCode, 303);
    const copyId = Number(/(\d+)\?/.exec(res.headers.location as string)![1]);
    const copy = (await findQuestionnaire(db(), copyId))!;
    assert.deepEqual([copy.status, copy.copied_from], ['concept', id]);
    assert.deepEqual(copy.definition, (await findQuestionnaire(db(), id))!.definition);

    assert.match(
      (await as('analist').get(`/beheer/vragenlijsten/${id}/publiceren`)).body,
      /geen onderdelen of vragen meer/,
    );
    res = await as('analist').post(`/beheer/vragenlijsten/${id}/publiceren`, {
      revisie: String(await revision(id)),
    });
    assert.equal(res.statusCode, 303);
    const published = (await findQuestionnaire(db(), id))!;
    assert.equal(published.status, 'gepubliceerd');
    assert.ok(published.published_at);
    assert.deepEqual(await audits('vragenlijst.gepubliceerd', id), [{ result: 'ok' }]);
  });

  test('bad input: Dutch messages next to the fields, the input kept, nothing saved', async () => {
    const res = await as('analist').post(
      '/beheer/vragenlijsten/nieuw',
      meta({ sluit: '01-02-2022', 'korte-naam': 'Fout Fout' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Fout: /);
    assert.match(res.body, /De sluitdatum ligt voor de opendatum/);
    assert.match(res.body, /value="Fout Fout"/);
    const id = await create();
    const before = (await findQuestionnaire(db(), id))!;
    const bad = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/algemeen/vragen/nieuw`, {
      ...question({
        sleutel: 'keuze',
        soort: 'een-keuze',
        antwoorden: 'Maar één',
        vooringevuld: 'mr-instemming',
      }),
      revisie: String(before.revision),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /minstens twee antwoorden/);
    assert.match(bad.body, /past alleen bij een vraag van het soort ja-nee/);
    assert.match(bad.body, /Maar één/);
    assert.equal((await findQuestionnaire(db(), id))!.revision, before.revision);
    assert.deepEqual(await audits('vragenlijst.vraag-toegevoegd', id), [{ result: 'mislukt' }]);
  });

  test('two analists at once: the second save is a 409 that keeps its input', async () => {
    const id = await create();
    const r = String(await revision(id));
    const first = await as('analist').post(`/beheer/vragenlijsten/${id}/gegevens`, {
      ...meta({ titel: 'Eerste' }),
      revisie: r,
    });
    assert.equal(first.statusCode, 303);
    const second = await as('analist').post(`/beheer/vragenlijsten/${id}/gegevens`, {
      ...meta({ titel: 'Tweede titel' }),
      revisie: r,
    });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Iemand anders heeft deze vragenlijst intussen gewijzigd/);
    assert.match(second.body, /value="Tweede titel"/);
    assert.equal((await findQuestionnaire(db(), id))!.title, 'Eerste');
    const move = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/algemeen/verplaatsen`, {
      revisie: r,
      richting: 'omlaag',
    });
    assert.equal(move.statusCode, 409);
  });

  test('once a school answered, the structure stays; texts and dates still change', async () => {
    const id = await create();
    // Only a published questionnaire can be answered (migration 0650).
    await db().updateTable('questionnaire').set({ status: 'gepubliceerd' }).where('id', '=', id).execute();
    await db()
      .insertInto('questionnaire_response')
      .values({ questionnaire_id: id, organisation_id: fx.schoolId })
      .execute();
    const r = String(await revision(id));
    const add = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/algemeen/vragen/nieuw`, {
      ...question({ sleutel: 'nieuwe-vraag', vooringevuld: '' }),
      revisie: r,
    });
    assert.equal(add.statusCode, 400);
    assert.match(add.body, /Er zijn al antwoorden op deze vragenlijst/);
    const del = await as('analist').post(`/beheer/vragenlijsten/${id}/onderdelen/algemeen/verwijderen`, {
      revisie: r,
    });
    assert.equal(del.statusCode, 400);
    assert.equal((await as('analist').get(`/beheer/vragenlijsten/${id}/onderdelen/nieuw`)).statusCode, 409);
    // Changing the type is ignored: only the question's texts are taken.
    const text = await as('analist').post(
      `/beheer/vragenlijsten/${id}/onderdelen/algemeen/vragen/toelichting`,
      {
        ...question({
          vraag: 'Wilt u nog iets kwijt?',
          sleutel: 'toelichting',
          soort: 'getal',
          vooringevuld: '',
        }),
        revisie: r,
      },
    );
    assert.equal(text.statusCode, 303, text.body);
    const dates = await as('analist').post(`/beheer/vragenlijsten/${id}/gegevens`, {
      ...meta({ sluit: '15-04-2022', doelgroep: 'bestuur', 'korte-naam': 'andere-naam' }),
      revisie: String(await revision(id)),
    });
    assert.equal(dates.statusCode, 303, dates.body);
    const q = (await findQuestionnaire(db(), id))!;
    assert.equal(q.definition.sections[0]!.questions[0]!.label, 'Wilt u nog iets kwijt?');
    assert.equal(q.definition.sections[0]!.questions[0]!.type, 'tekst');
    assert.deepEqual([q.closes_on, q.audience], ['2022-04-15', 'school']);
    assert.ok(!q.slug.startsWith('andere'));
  });

  test('every builder page renders for the analist', async () => {
    const id = await create();
    const base = `/beheer/vragenlijsten/${id}`;
    for (const path of [
      '/beheer/vragenlijsten',
      '/beheer/vragenlijsten/nieuw',
      base,
      `${base}/gegevens`,
      `${base}/kopieren`,
      `${base}/voorbeeld`,
      `${base}/publiceren`,
      `${base}/onderdelen/nieuw`,
      `${base}/onderdelen/algemeen`,
      `${base}/onderdelen/algemeen/verwijderen`,
      `${base}/onderdelen/algemeen/vragen/nieuw`,
      `${base}/onderdelen/algemeen/vragen/toelichting`,
      `${base}/onderdelen/algemeen/vragen/toelichting/verwijderen`,
    ]) {
      const res = await as('analist').get(path);
      assert.equal(res.statusCode, 200, path);
      assert.doesNotMatch(res.body, /undefined|NaN/, path);
    }
  });

  // What the authorization matrix relies on: each route succeeds for the analist with its example.
  test('every builder route succeeds with its example, and every write leaves its declared audit row', async () => {
    const routes = app.platform.routes.filter((r) => r.url.startsWith('/beheer/vragenlijsten'));
    assert.equal(routes.length, 27);
    const analist = await signInAs(database(), 'analist', fx.ministryId);
    const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: db(), personId: analist.personId };
    for (const r of routes) {
      const params = r.config.examples?.params ? await r.config.examples.params(tenant) : {};
      const res = await sendToRoute(app, r, { params, objects: tenant, cookie: analist.cookie });
      const ok = r.method === 'GET' ? res.statusCode === 200 : res.statusCode === 303;
      assert.ok(ok, `${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (r.method !== 'GET') {
        const row = await db()
          .selectFrom('audit_event')
          .select(['action', 'result'])
          .where('actor_person_id', '=', analist.personId)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        assert.deepEqual({ ...row }, { action: r.config.audit, result: 'ok' }, r.url);
      }
    }
  });

  test('the analist finds the builder on the dashboard; other roles do not', async () => {
    await create();
    const mine = await as('analist').get('/overzicht');
    assert.match(mine.body, /href="\/beheer\/vragenlijsten"/);
    assert.match(mine.body, /vragenlijsten? (zijn|is) nog een concept/);
    assert.doesNotMatch((await as('schoolleider').get('/overzicht')).body, /href="\/beheer\/vragenlijsten"/);
  });

  test("another programme's or an unknown questionnaire, section or question is a 404", async () => {
    const id = await create();
    assert.equal((await as('analist').get('/beheer/vragenlijsten/999999')).statusCode, 404);
    assert.equal(
      (await as('analist').get(`/beheer/vragenlijsten/${id}/onderdelen/bestaat-niet`)).statusCode,
      404,
    );
    assert.equal(
      (await as('analist').get(`/beheer/vragenlijsten/${id}/onderdelen/algemeen/vragen/bestaat-niet`))
        .statusCode,
      404,
    );
  });
});
