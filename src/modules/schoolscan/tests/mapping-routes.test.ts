// The column-mapping pages over HTTP (app.inject) on both engines: reading an export's columns
// (never a name column's values), saving a mapping with its value choices, the upload that is
// then recognised by its header, refusals with the values kept, changing and deleting (audited),
// another school's mapping out of reach, and the size limit named for a 50 MB file.
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
import { generateLvs, toLayoutFile } from '../services/generator.ts';
import { multipart, upload } from './kit.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { schoolscanDemoStep } from '../demo.ts';
import { toFlatCsv } from '../services/generator.ts';

/** The value of a hidden field in a page, as the browser would send it back. */
function hidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(m, `hidden field ${name}`);
  return m[1]!
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

eachEngine('schoolscan column mapping routes', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let leader: TestClient;
  let team: TestClient;
  let other: TestClient;
  const rows = generateLvs({ pupils: 80, fromYear: 2019, toYear: 2021, seed: 7 });
  const layoutA = toLayoutFile(rows, 'a');

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    team = new TestClient(app, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
    other = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.otherSchoolId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  const base = () => `/scholen/${fx.schoolId}/schoolscan/toetsgegevens/koppelingen`;
  const auditRows = (action: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['result', 'details', 'object_id'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  const mappingCount = async () =>
    (
      await database()
        .db.selectFrom('lvs_mapping')
        .select('id')
        .where('school_id', '=', fx.schoolId)
        .execute()
    ).length;

  /** Posts a file to "Kolommen lezen" as the browser does. */
  const readColumns = (
    client: TestClient,
    data: Buffer | string,
    name = 'export-a.csv',
    schoolId = fx.schoolId,
  ) => {
    const body = multipart(
      { _csrf: client.csrfToken() },
      { name, data: Buffer.isBuffer(data) ? data : Buffer.from(data) },
    );
    return app.inject({
      method: 'POST',
      url: `/scholen/${schoolId}/schoolscan/toetsgegevens/koppelingen/nieuw`,
      payload: body.payload,
      headers: { cookie: client.cookieHeader, 'content-type': body.contentType },
    });
  };

  /** The mapping form for layout A as a school leader fills it in. */
  const layoutAForm = (bestand: string): Record<string, string | string[]> => ({
    bestand,
    naam: 'Export groep 3-8',
    aanbieder: 'cito',
    kolom_leerlingsleutel: 'LVS-nr',
    kolom_groep: 'Gr.',
    kolom_vakgebied: 'Toets',
    kolom_moment: 'Afname',
    kolom_schooljaar: 'Jaar',
    kolom_afnamedatum: 'Datum',
    kolom_ruwe_score: 'Goed',
    kolom_vaardigheidsscore: 'VS',
    kolom_niveau: 'Niv.',
    kolom_dle: 'DLE',
    // The unknown codes as the page lists them (sorted), with a choice each.
    van_vakgebied: ['BL-3', 'RW-3', 'SP-3', 'TL-3', 'WS-3'],
    naar_vakgebied: ['begrijpend-lezen', 'rekenen-wiskunde', 'spelling', 'technisch-lezen', 'overslaan'],
    van_moment: ['B'],
    naar_moment: ['overslaan'],
  });

  test('a layout-A export is refused as flat: the missing columns are listed and the page points to the mapping', async () => {
    const res = await upload(app, leader, fx.schoolId, layoutA, { name: 'export-a.csv' });
    assert.equal(res.statusCode, 422);
    assert.match(
      res.body,
      /ontbreken verplichte kolommen: leerlingsleutel, groep, toetsaanbieder, vakgebied, moment en vaardigheidsscore/,
    );
    assert.match(res.body, /Gevonden kolommen: &quot;LVS-nr&quot;, &quot;Gr\.&quot;/);
    assert.match(
      res.body,
      /href="\/scholen\/\d+\/schoolscan\/toetsgegevens\/koppelingen">Koppel de kolommen<\/a>/,
    );
  });

  test('reading the columns shows each column with its codes and guesses the fields; the name column’s values never appear', async () => {
    const res = await readColumns(team, layoutA);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /Het bestand export-a\.csv \([\d.]+ regels\) is gelezen, maar niet bewaard/);
    assert.match(res.body, /De kolom &quot;Naam leerling&quot; lijkt namen/);
    for (const name of ['Sanne', 'Daan', 'de Vries', 'Jansen']) assert.ok(!res.body.includes(name), name);
    assert.match(res.body, /<td[^>]*>Toets<\/td><td[^>]*>BL-3, RW-3, SP-3, TL-3, WS-3<\/td>/);
    assert.match(res.body, /<td[^>]*>LVS-nr<\/td><td[^>]*>veel verschillende waarden \(niet getoond\)<\/td>/);
    assert.match(res.body, /<option class="utrecht-select__option" value="Toets" selected>Toets<\/option>/);
    assert.match(
      res.body,
      /<label class="utrecht-form-label" for="waarde-moment-0">&quot;B&quot; in het bestand betekent<\/label>/,
    );
    assert.ok(!/LL\d{6}/.test(res.body), 'no pupil keys on the page');
    assert.ok(!hidden(res.body, 'bestand').includes('Sanne'));
    const rows = await auditRows('schoolscan.koppeling-bestand-gelezen');
    assert.equal(rows.at(-1)!.result, 'ok');
    assert.equal(await mappingCount(), 0, 'reading the columns saves nothing');
  });

  test('the mapping form refuses incomplete input with 400, an error summary and every value kept; nothing is saved', async () => {
    const page = await readColumns(leader, layoutA);
    const bestand = hidden(page.body, 'bestand');
    const form = { ...layoutAForm(bestand), naam: '', kolom_groep: 'LVS-nr', naar_moment: [''] };
    const res = await leader.post(base(), form);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /De koppeling is niet opgeslagen. Verbeter het volgende:/);
    assert.match(res.body, /href="#naam">Geef de koppeling een naam/);
    assert.match(
      res.body,
      /href="#kolom-groep">De kolom &quot;LVS-nr&quot; is al gekozen voor leerlingsleutel/,
    );
    assert.match(res.body, /href="#waarde-moment-0">Kies wat er met toetsmoment &quot;B&quot; moet gebeuren/);
    // Kept: the chosen columns and value choices.
    assert.match(res.body, /<option class="utrecht-select__option" value="overslaan" selected>/);
    assert.match(res.body, /<option class="utrecht-select__option" value="Jaar" selected>Jaar<\/option>/);
    assert.equal(hidden(res.body, 'bestand'), bestand);
    assert.equal(await mappingCount(), 0);
    // A changed or missing file description is refused too.
    const tampered = await leader.post(base(), { ...layoutAForm('{"headers":"x"}') });
    assert.equal(tampered.statusCode, 400);
    assert.match(tampered.body, /Kies het bestand opnieuw/);
    assert.deepEqual(
      (await auditRows('schoolscan.koppeling-opgeslagen')).map((r) => r.result),
      ['mislukt', 'mislukt'],
    );
  });

  test('a saved mapping is audited; the upload page says so, and the same export is then imported with it at once', async () => {
    const page = await readColumns(leader, layoutA);
    const res = await leader.post(base(), layoutAForm(hidden(page.body, 'bestand')));
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    assert.match(String(res.headers.location), /\/toetsgegevens\?koppeling=\d+$/);
    const notice = await leader.get(String(res.headers.location));
    assert.match(
      notice.body,
      /De koppeling &quot;Export groep 3-8&quot; is opgeslagen\. Het bestand zelf is niet bewaard/,
    );
    const saved = await auditRows('schoolscan.koppeling-opgeslagen');
    assert.equal(saved.at(-1)!.result, 'ok');
    assert.equal(await mappingCount(), 1);

    // The same export, by a team member: recognised by its columns and imported.
    const imported = await upload(app, team, fx.schoolId, layoutA, { name: 'export-a-2.csv' });
    assert.equal(imported.statusCode, 303, imported.body.slice(0, 2000));
    const done = await team.get(String(imported.headers.location));
    assert.match(
      done.body,
      new RegExp(
        `Het bestand export-a-2\\.csv is ingelezen: ${rows.length.toLocaleString('nl-NL').replace('.', '\\.')} uitslagen`,
      ),
    );
    assert.match(done.body, /met de koppeling &quot;Export groep 3-8&quot;/);
    assert.match(
      done.body,
      /regels zijn overgeslagen, zoals de koppeling zegt: vakgebied &quot;WS-3&quot; \([\d.]+ regels\) en moment &quot;B&quot;/,
    );
    assert.match(done.body, /De kolom &quot;Naam leerling&quot; lijkt namen/);
    assert.match(done.body, /<td[^>]*>Export groep 3-8<\/td>/);
    const stored = await database()
      .db.selectFrom('lvs_result')
      .select(['provider', 'subject', 'moment'])
      .where('school_id', '=', fx.schoolId)
      .execute();
    assert.equal(stored.length, rows.length);
    assert.ok(stored.every((r) => r.provider === 'cito' && r.moment !== ('B' as string)));
    assert.deepEqual([...new Set(stored.map((r) => r.subject))].sort(), [
      'begrijpend-lezen',
      'rekenen-wiskunde',
      'spelling',
      'technisch-lezen',
    ]);
    const importRow = await database()
      .db.selectFrom('lvs_import')
      .select(['mapping_name', 'warnings'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(importRow.mapping_name, 'Export groep 3-8');
    assert.ok(!JSON.stringify(importRow.warnings).includes('Sanne'));
  });

  test('with a mapping, a bad line is still refused whole and the report names the mapping', async () => {
    const text = toLayoutFile(rows.slice(0, 20), 'a')
      .toString('utf8')
      .replace(/;RW-3;/, ';GYM-1;');
    const res = await upload(app, leader, fx.schoolId, text);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Het is gelezen met de koppeling &quot;Export groep 3-8&quot;/);
    assert.match(res.body, /Onbekend vakgebied &quot;GYM-1&quot;.*koppeling &quot;Export groep 3-8&quot;/);
  });

  test('a second mapping for the same columns is refused with 409; the same form posted twice saves once', async () => {
    const page = await readColumns(leader, layoutA);
    // The columns are recognised: the page offers the existing mapping to change.
    assert.match(
      page.body,
      /Uw school heeft al een koppeling voor deze kolommen: &quot;Export groep 3-8&quot;/,
    );
    const form = { ...layoutAForm(hidden(page.body, 'bestand')), naam: 'Nog een' };
    const res = await leader.post(base(), form);
    assert.equal(res.statusCode, 409);
    assert.match(
      res.body,
      /al een koppeling voor een export met deze kolommen: &quot;Export groep 3-8&quot;/,
    );
    const again = await leader.post(base(), { ...form, naam: 'Export groep 3-8' });
    assert.equal(again.statusCode, 303);
    assert.equal(await mappingCount(), 1);
  });

  test('a mapping is shown, changed and deleted (each audited); another school’s staff cannot reach it', async () => {
    const list = await team.get(base());
    assert.equal(list.statusCode, 200);
    const id = Number(/koppelingen\/(\d+)"/.exec(list.body)![1]);
    const url = `${base()}/${id}`;
    const show = await team.get(url);
    assert.equal(show.statusCode, 200);
    assert.match(show.body, /Koppeling &quot;Export groep 3-8&quot;/);
    assert.match(show.body, /value="WS-3"/);

    // Another school's leader: not with their own school in the path, nor with ours.
    const otherUrl = `/scholen/${fx.otherSchoolId}/schoolscan/toetsgegevens/koppelingen/${id}`;
    assert.equal((await other.get(otherUrl)).statusCode, 404);
    assert.equal((await other.get(url)).statusCode, 403);
    assert.equal((await other.post(`${otherUrl}/verwijderen`)).statusCode, 404);
    assert.equal((await other.post(otherUrl, { naam: 'Overgenomen', aanbieder: 'iep' })).statusCode, 404);

    // Changed: the test provider and a new code added by hand.
    const form = {
      ...layoutAForm(''),
      aanbieder: 'iep',
      nieuw_van_vakgebied: 'NL-1',
      nieuw_naar_vakgebied: 'overslaan',
    };
    delete (form as Record<string, unknown>).bestand;
    const changed = await team.post(url, form);
    assert.equal(changed.statusCode, 303, changed.body.slice(0, 2000));
    const row = await database()
      .db.selectFrom('lvs_mapping')
      .select(['provider', 'value_map'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.provider, 'iep');
    assert.equal(row.value_map.vakgebied!['NL-1'], 'overslaan');
    assert.equal((await auditRows('schoolscan.koppeling-gewijzigd')).at(-1)!.result, 'ok');
    const bad = await team.post(url, { ...form, kolom_vakgebied: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies de kolom met vakgebied of toets/);

    const deleted = await leader.post(`${url}/verwijderen`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${base()}?verwijderd=1`);
    assert.match((await leader.get(String(deleted.headers.location))).body, /De koppeling is verwijderd/);
    assert.equal(await mappingCount(), 0);
    assert.equal((await leader.post(`${url}/verwijderen`)).statusCode, 404);
    assert.deepEqual(
      (await auditRows('schoolscan.koppeling-verwijderd')).map((r) => [r.result, r.object_id]),
      [['ok', String(id)]],
    );
    // Without the mapping the export is not recognised any more.
    assert.equal((await upload(app, leader, fx.schoolId, layoutA)).statusCode, 422);
  });

  test('a 50 MB file gets a clear message with the 20 MB limit, on the upload page and the mapping page', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const res = await upload(app, leader, fx.schoolId, big, { name: 'groot.csv' });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /Het bestand is groter dan 20 MB\. Splits het/);
    const map = await readColumns(leader, big, 'groot.csv');
    assert.equal(map.statusCode, 413);
    assert.match(map.body, /Het bestand is groter dan 20 MB/);
    assert.equal((await auditRows('schoolscan.koppeling-bestand-gelezen')).at(-1)!.result, 'mislukt');
  });

  test('reading columns of an empty file or one without a CSRF token is refused', async () => {
    const empty = await readColumns(leader, '\n\n');
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Het bestand is leeg/);
    const headerOnly = await readColumns(leader, 'LVS-nr;Gr.\n');
    assert.equal(headerOnly.statusCode, 422);
    assert.match(headerOnly.body, /geen regels met uitslagen/);
    const body = multipart({}, { name: 'x.csv', data: layoutA });
    const noToken = await app.inject({
      method: 'POST',
      url: `${base()}/nieuw`,
      payload: body.payload,
      headers: { cookie: leader.cookieHeader, 'content-type': body.contentType },
    });
    assert.equal(noToken.statusCode, 403);
  });

  test('in demo mode the school leader imports a generated flat file, and a layout-B file through the saved demo mapping', async () => {
    const db = database().db;
    const orgs = await seedDemoOrganisations(db);
    await schoolscanDemoStep.run(db, orgs);
    const demoLeader = new TestClient(
      app,
      (await signInAs(database(), 'schoolleider', orgs.schools.bo)).cookie,
    );
    const more = generateLvs({ pupils: 40, fromYear: 2022, toYear: 2022, seed: 99 });
    const flat = await upload(app, demoLeader, orgs.schools.bo, toFlatCsv(more), { name: 'plat.csv' });
    assert.equal(flat.statusCode, 303, flat.body.slice(0, 1000));
    const b = await upload(app, demoLeader, orgs.schools.bo, toLayoutFile(more, 'b'), {
      name: 'indeling-b.csv',
    });
    assert.equal(b.statusCode, 303, b.body.slice(0, 1000));
    const done = await demoLeader.get(String(b.headers.location));
    assert.match(
      done.body,
      /Het bestand indeling-b\.csv is ingelezen: .* met de koppeling &quot;Voorbeeldindeling B&quot;/,
    );
    assert.match(done.body, /De kolom &quot;Voornaam&quot; lijkt namen/);
  });
});
