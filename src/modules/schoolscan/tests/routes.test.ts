// The schoolscan over HTTP (app.inject) on both engines: who sees what (staff the scan and the
// data, the MR only conclusions, the board only whether a scan exists, the ministry nothing),
// the upload with its report per line, saving steps without losing a colleague's text,
// completing and reopening, and the analysis page with its charts and tables.
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
import type { Role } from '../../../platform/db/tables.ts';
import { generateLvs, toFlatCsv } from '../services/generator.ts';
import { file, line, upload } from './kit.ts';

eachEngine('schoolscan routes', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let yearId: number;
  const clients = new Map<string, TestClient>();

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    const year = await database()
      .db.selectFrom('school_year')
      .select('id')
      .where('label', '=', '2021-2022')
      .executeTakeFirstOrThrow();
    yearId = year.id;
    const roles: [Role, number][] = [
      ['schoolleider', fx.schoolId],
      ['teamlid', fx.schoolId],
      ['mr-lid', fx.schoolId],
      ['bestuur', fx.boardId],
      ['analist', fx.ministryId],
      ['helpdesk', fx.ministryId],
    ];
    for (const [role, org] of roles)
      clients.set(role, new TestClient(app, (await signInAs(database(), role, org)).cookie));
    clients.set(
      'other-leider',
      new TestClient(app, (await signInAs(database(), 'schoolleider', fx.otherSchoolId)).cookie),
    );
  });
  after(async () => {
    await app?.close();
  });

  const as = (who: string) => clients.get(who)!;
  const base = () => `/scholen/${fx.schoolId}/schoolscan`;
  const scanUrl = () => `${base()}/${yearId}`;
  const auditRows = (action: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['result', 'details'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  test('only the school’s staff open the scan, its data and the analysis; MR, board and ministry do not', async () => {
    for (const url of [base(), scanUrl(), `${scanUrl()}/analyse`, `${base()}/toetsgegevens`]) {
      for (const who of ['schoolleider', 'teamlid'])
        assert.equal((await as(who).get(url)).statusCode, 200, `${who} ${url}`);
      for (const who of ['mr-lid', 'bestuur', 'analist', 'helpdesk', 'other-leider'])
        assert.equal((await as(who).get(url)).statusCode, 403, `${who} ${url}`);
    }
  });

  test('an upload by a team member imports the file and says what it did; a name column is dropped with a warning', async () => {
    const csv = toFlatCsv(generateLvs({ pupils: 120, fromYear: 2017, toYear: 2021, seed: 5 }))
      .replace(/^leerlingsleutel;/, 'Achternaam;leerlingsleutel;')
      .replace(/\r\nLL/g, '\r\nJansen;LL');
    const res = await upload(app, as('teamlid'), fx.schoolId, csv, { name: 'export-2021.csv' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    assert.match(String(res.headers.location), /toetsgegevens\?ingelezen=\d+$/);
    const page = await as('teamlid').get(String(res.headers.location));
    assert.match(page.body, /Het bestand export-2021\.csv is ingelezen/);
    assert.match(page.body, /De kolom &quot;Achternaam&quot; lijkt namen/);
    assert.match(page.body, /2017-2018, 2018-2019, 2019-2020, 2020-2021, 2021-2022/);
    const rows = await auditRows('lvs.geimporteerd');
    assert.equal(rows.at(-1)!.result, 'ok');
    const stored = JSON.stringify(
      await database().db.selectFrom('lvs_result').selectAll().limit(2000).execute(),
    );
    assert.ok(!stored.includes('Jansen') && !/"LL\d+"/.test(stored));
  });

  test('a file with bad lines is refused whole, with a reason per line; nothing is stored', async () => {
    const count = async () =>
      Number(
        (
          await database()
            .db.selectFrom('lvs_result')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await upload(
      app,
      as('schoolleider'),
      fx.schoolId,
      file(
        line({ leerlingsleutel: 'Z1' }),
        line({ leerlingsleutel: 'Z2', vaardigheidsscore: '4000' }),
        line({ leerlingsleutel: 'Z3', vakgebied: 'gym' }),
      ),
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /is niet ingelezen; er is niets opgeslagen/);
    assert.match(res.body, /2 regels kloppen niet/);
    assert.match(res.body, /<td[^>]*>3<\/td><td[^>]*>De vaardigheidsscore 4000 valt buiten/);
    assert.match(res.body, /<td[^>]*>4<\/td><td[^>]*>Onbekend vakgebied &quot;gym&quot;/);
    assert.equal(await count(), before);
    assert.equal((await auditRows('lvs.geimporteerd')).at(-1)!.result, 'mislukt');

    const missing = await upload(app, as('schoolleider'), fx.schoolId, 'leerling;score\nA;1\n');
    assert.equal(missing.statusCode, 422);
    assert.match(
      missing.body,
      /ontbreken verplichte kolommen: leerlingsleutel, groep, toetsaanbieder, vakgebied, moment en vaardigheidsscore/,
    );
    assert.match(missing.body, /Gevonden kolommen: &quot;leerling&quot; en &quot;score&quot;/);

    const empty = await upload(app, as('schoolleider'), fx.schoolId, '');
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Kies het exportbestand/);
    assert.equal(await count(), before);
  });

  test('a file over 20 MB is refused with the limit named', async () => {
    const res = await upload(app, as('schoolleider'), fx.schoolId, Buffer.alloc(20 * 1024 * 1024 + 10, 0x41));
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /groter dan 20 MB/);
  });

  test('an upload without a valid CSRF token is refused and stores nothing', async () => {
    const before = (await database().db.selectFrom('lvs_import').select('id').execute()).length;
    const res = await upload(app, as('schoolleider'), fx.schoolId, file(line({ leerlingsleutel: 'C1' })), {
      csrf: false,
    });
    assert.equal(res.statusCode, 403);
    assert.equal((await database().db.selectFrom('lvs_import').select('id').execute()).length, before);
  });

  test('the same upload posted twice (one form key) imports once', async () => {
    const before = (await database().db.selectFrom('lvs_import').select('id').execute()).length;
    const fields = { _sleutel: 'dubbelepost-sleutel-0001' };
    const a = await upload(app, as('schoolleider'), fx.schoolId, file(line({ leerlingsleutel: 'D1' })), {
      fields,
    });
    const b = await upload(app, as('schoolleider'), fx.schoolId, file(line({ leerlingsleutel: 'D1' })), {
      fields,
    });
    assert.equal(a.statusCode, 303);
    assert.equal(b.headers.location, a.headers.location);
    assert.equal((await database().db.selectFrom('lvs_import').select('id').execute()).length, before + 1);
  });

  test('the analysis page shows each subject as an accessible SVG chart with a table beside it', async () => {
    const res = await as('teamlid').get(`${scanUrl()}/analyse?jaar=2020`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Analyse van de toetsgegevens/);
    for (const subject of ['Rekenen-wiskunde', 'Begrijpend lezen', 'Technisch lezen', 'Spelling'])
      assert.match(res.body, new RegExp(`<h2[^>]*>${subject}</h2>`));
    const charts = res.body.match(/<svg role="img" aria-labelledby="[^"]+"/g) ?? [];
    assert.equal(charts.length, 4, 'one chart per subject on the overview');
    assert.match(res.body, /<title id="grafiek-rekenen-wiskunde-cito-titel">/);
    // The levels and the growth of each subject are on its own page, each chart with its table.
    const subjectUrl = `${scanUrl()}/analyse/rekenen-wiskunde-cito?jaar=2020`;
    assert.ok(res.body.includes(`href="${subjectUrl}"`), 'a link to the subject page');
    const subject = await as('teamlid').get(subjectUrl);
    assert.equal(subject.statusCode, 200);
    const subjectCharts = subject.body.match(/<svg role="img" aria-labelledby="[^"]+"/g) ?? [];
    assert.equal(subjectCharts.length, 3, 'comparison, levels and growth');
    assert.equal((subject.body.match(/<table/g) ?? []).length, 3);
    assert.match(subject.body, /Niveaus I tot en met V/);
    assert.match(subject.body, /Rekenen-wiskunde: groei tussen twee momenten/);
    assert.doesNotMatch(subject.body, /Spelling: groei/);
    assert.equal((await as('teamlid').get(`${scanUrl()}/analyse/gym-cito`)).statusCode, 404);
    assert.equal((await as('mr-lid').get(subjectUrl)).statusCode, 403);
    assert.match(
      res.body,
      /<caption class="utrecht-table__caption" id="[^"]+">Rekenen-wiskunde: 2020-2021 tegenover de jaren voor 2020-2021/,
    );
    assert.match(res.body, /Lager dan eerdere jaargangen/);
    // 15 pupils per group: every comparison is big enough; an unknown year falls back to the default.
    const other = await as('teamlid').get(`${scanUrl()}/analyse?jaar=1999`);
    assert.equal(other.statusCode, 200);
    assert.match(other.body, /De uitslagen van 2021-2022/);
  });

  test('a group under 10 pupils is flagged on the page as too small to conclude from', async () => {
    const small = (await createFixtures(database())).schoolId;
    const leader = new TestClient(app, (await signInAs(database(), 'schoolleider', small)).cookie);
    const csv = toFlatCsv(generateLvs({ pupils: 56, fromYear: 2018, toYear: 2020, seed: 2 }));
    assert.equal((await upload(app, leader, small, csv)).statusCode, 303);
    const res = await leader.get(`/scholen/${small}/schoolscan/${yearId}/analyse`);
    assert.match(res.body, /Te weinig leerlingen om conclusies uit te trekken/);
    assert.match(res.body, /te weinig leerlingen<\/text>/);
  });

  test('steps are saved and resumed; a colleague’s save in between is not overwritten', async () => {
    const save = (who: string, stap: string, tekst: string, versie: string) =>
      as(who).post(`${scanUrl()}/stappen/${stap}`, { tekst, versie });
    const first = await save('teamlid', 'context', 'Acht weken dicht in 2020.', '0');
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `${scanUrl()}?opgeslagen=context#stap-context`);
    const page = await as('schoolleider').get(scanUrl());
    assert.match(page.body, /Acht weken dicht in 2020\./);
    assert.match(page.body, /door Test teamlid/);
    assert.match(page.body, /In bewerking/);
    // The leader still had version 0 open: refused, both texts on the page, nothing lost.
    const clash = await save('schoolleider', 'context', 'Zes weken dicht in 2021.', '0');
    assert.equal(clash.statusCode, 409);
    assert.match(clash.body, /Iemand anders \(Test teamlid\) heeft deze stap opgeslagen/);
    assert.match(clash.body, /Acht weken dicht in 2020\./);
    assert.match(clash.body, /Zes weken dicht in 2021\./);
    assert.match(clash.body, /name="versie" value="1"/);
    const merged = await save('schoolleider', 'context', 'Acht weken dicht in 2020, zes in 2021.', '1');
    assert.equal(merged.statusCode, 303);
    // The team member still has version 1 open: refused too.
    const stale = await save('teamlid', 'context', 'Alleen acht weken.', '1');
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /name="versie" value="2"/);
    const tooLong = await save('teamlid', 'cognitief', 'x'.repeat(20_001), '0');
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /De tekst is te lang/);
    const rows = await auditRows('schoolscan.stap-opgeslagen');
    assert.deepEqual(
      rows.map((r) => r.result),
      ['ok', 'mislukt', 'ok', 'mislukt', 'mislukt'],
    );
  });

  test('only the school leader completes, and only with conclusions; completed steps are read-only until reopened', async () => {
    assert.equal((await as('teamlid').post(`${scanUrl()}/afronden`)).statusCode, 403);
    const early = await as('schoolleider').post(`${scanUrl()}/afronden`);
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /Schrijf eerst de conclusies/);
    assert.equal(
      (
        await as('teamlid').post(`${scanUrl()}/stappen/conclusies`, {
          tekst: 'Technisch lezen in groep 4 en 5 vraagt aandacht.',
          versie: '0',
        })
      ).statusCode,
      303,
    );
    // The MR sees nothing before completion.
    const mrBefore = await as('mr-lid').get(`${base()}/conclusies`);
    assert.equal(mrBefore.statusCode, 200);
    assert.match(mrBefore.body, /nog geen schoolscan afgerond/);
    assert.ok(!mrBefore.body.includes('Technisch lezen in groep 4'));

    const done = await as('schoolleider').post(`${scanUrl()}/afronden`);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${scanUrl()}?stand=afgerond`);
    const late = await as('teamlid').post(`${scanUrl()}/stappen/context`, {
      tekst: 'Nog iets.',
      versie: '2',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /intussen afgerond/);

    const mr = await as('mr-lid').get(`${base()}/conclusies`);
    assert.match(mr.body, /Technisch lezen in groep 4 en 5 vraagt aandacht\./);
    assert.ok(!mr.body.includes('Acht weken dicht'), 'the MR sees the conclusions only');
    assert.equal((await as('bestuur').get(`${base()}/conclusies`)).statusCode, 403);
    assert.equal((await as('analist').get(`${base()}/conclusies`)).statusCode, 403);

    assert.equal((await as('teamlid').post(`${scanUrl()}/heropenen`)).statusCode, 403);
    const reopened = await as('schoolleider').post(`${scanUrl()}/heropenen`);
    assert.equal(reopened.statusCode, 303);
    assert.equal((await as('schoolleider').post(`${scanUrl()}/heropenen`)).statusCode, 409);
    assert.deepEqual(
      (await auditRows('schoolscan.afgerond')).map((r) => r.result),
      ['mislukt', 'ok'],
    );
  });

  test('the board sees per school and year only whether a scan exists; the ministry sees nothing', async () => {
    const res = await as('bestuur').get(`/besturen/${fx.boardId}/schoolscans`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Testschool A/);
    assert.match(res.body, /In bewerking/);
    assert.match(res.body, /Geen scan/);
    for (const secret of ['Acht weken dicht', 'Technisch lezen in groep 4', 'Rekenen-wiskunde'])
      assert.ok(!res.body.includes(secret), secret);
    assert.equal((await as('bestuur').get(`/besturen/${fx.otherBoardId}/schoolscans`)).statusCode, 403);
    for (const who of ['analist', 'helpdesk', 'schoolleider', 'mr-lid'])
      assert.equal((await as(who).get(`/besturen/${fx.boardId}/schoolscans`)).statusCode, 403, who);
  });

  test('the dashboard points each role to its part', async () => {
    const leader = await as('schoolleider').get('/overzicht');
    assert.match(leader.body, /Schoolscan 2024-2025 beginnen/);
    // The MR is pointed to the conclusions once a scan is completed (the last test reopened it).
    assert.doesNotMatch((await as('mr-lid').get('/overzicht')).body, /Conclusies van de schoolscan lezen/);
    assert.equal((await as('schoolleider').post(`${scanUrl()}/afronden`)).statusCode, 303);
    assert.match((await as('mr-lid').get('/overzicht')).body, /Conclusies van de schoolscan lezen/);
    const board = await as('bestuur').get('/overzicht');
    assert.match(board.body, /Schoolscans van uw scholen/);
  });
});
