// Steps 3 and 4 over HTTP (app.inject) on both engines: the school leader assigns team members to
// groups; a team member saves the assessment of their own groups only (refusals audited); a
// colleague's save in between is not overwritten; the scan page summarises all groups; the
// monitoring results per group (one by hand, or a pasted CSV, all or nothing, no pupil rows);
// and the dashboard shows each person what is waiting.
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
import { currentSchoolYear } from '../services/scan.ts';
import { multipart } from './kit.ts';

eachEngine('schoolscan steps 3 and 4', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let yearId: number;
  const clients = new Map<string, TestClient>();
  const ids = new Map<string, number>();

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    yearId = (
      await database()
        .db.selectFrom('school_year')
        .select('id')
        .where('label', '=', '2021-2022')
        .executeTakeFirstOrThrow()
    ).id;
    const people: [string, Role, number][] = [
      ['schoolleider', 'schoolleider', fx.schoolId],
      ['juf-5', 'teamlid', fx.schoolId],
      ['meester-3', 'teamlid', fx.schoolId],
      ['teamlid-zonder-groep', 'teamlid', fx.schoolId],
      ['mr-lid', 'mr-lid', fx.schoolId],
      ['bestuur', 'bestuur', fx.boardId],
      ['analist', 'analist', fx.ministryId],
      ['other-leider', 'schoolleider', fx.otherSchoolId],
      ['other-teamlid', 'teamlid', fx.otherSchoolId],
    ];
    for (const [who, role, org] of people) {
      const s = await signInAs(database(), role, org);
      clients.set(who, new TestClient(app, s.cookie));
      ids.set(who, s.personId);
    }
  });
  after(async () => {
    await app?.close();
  });

  const as = (who: string) => clients.get(who)!;
  const scanUrl = () => `/scholen/${fx.schoolId}/schoolscan/${yearId}`;
  const groupUrl = (step: string, grade: number) => `${scanUrl()}/stappen/${step}/groepen/${grade}`;
  const auditRows = (action: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['result', 'details', 'actor_person_id'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  const assessments = () =>
    database()
      .db.selectFrom('schoolscan_group_assessment')
      .select(['step', 'grade', 'scores', 'version'])
      .orderBy('grade')
      .execute();

  test('the school leader assigns team members of the school to groups; anyone else is refused', async () => {
    const page = await as('schoolleider').get(`${scanUrl()}/groepen`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<legend class="utrecht-form-fieldset__legend">Groep 8<\/legend>/);
    const form = {
      'groep-5': String(ids.get('juf-5')),
      'groep-3': [String(ids.get('meester-3'))],
    };
    assert.equal((await as('juf-5').post(`${scanUrl()}/groepen`, form)).statusCode, 403);
    // A person of another school is not on the team: the whole form is refused.
    const foreign = await as('schoolleider').post(`${scanUrl()}/groepen`, {
      ...form,
      'groep-7': String(ids.get('other-teamlid')),
    });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.body, /Bij groep 7 staat iemand die geen teamlid van deze school is/);
    assert.equal(
      (await database().db.selectFrom('schoolscan_group_assignment').select('grade').execute()).length,
      0,
    );
    const saved = await as('schoolleider').post(`${scanUrl()}/groepen`, form);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${scanUrl()}/groepen?opgeslagen=ja`);
    const read = await as('teamlid-zonder-groep').get(`${scanUrl()}/groepen`);
    assert.equal(read.statusCode, 200);
    assert.match(read.body, /Groep 5<\/td><td[^>]*>Test teamlid/);
    assert.doesNotMatch(read.body, /Koppeling opslaan/, 'a team member reads, without the form');
    assert.deepEqual(
      (await auditRows('schoolscan.groepen-gekoppeld')).map((r) => r.result),
      ['mislukt', 'ok'],
    );
  });

  test('a team member saves the assessment of their own group; it is shown again and summarised on the scan page', async () => {
    const form = await as('juf-5').get(groupUrl('sociaal-emotioneel', 5));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<legend class="utrecht-form-fieldset__legend">Veiligheid in de groep<\/legend>/);
    assert.match(form.body, /1 Grote zorg: voor veel leerlingen in de groep een probleem/);
    const res = await as('juf-5').post(groupUrl('sociaal-emotioneel', 5), {
      versie: '0',
      'score-veiligheid': '4',
      'score-omgang': '3',
      'score-plezier': '2',
      'toelichting-plezier': 'Veel kinderen zijn moe.',
      groepsnotitie: 'Twee nieuwe leerlingen.',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `${groupUrl('sociaal-emotioneel', 5)}?opgeslagen=ja`);
    const again = await as('juf-5').get(String(res.headers.location));
    assert.match(again.body, /De beoordeling van groep 5 is opgeslagen/);
    assert.match(again.body, /id="score-plezier-2" name="score-plezier" value="2" checked/);
    assert.match(again.body, /Veel kinderen zijn moe\./);
    assert.match(again.body, /name="versie" value="1"/);

    const scan = await as('schoolleider').get(scanUrl());
    assert.match(scan.body, /Stap 3\. Sociaal-emotionele ontwikkeling en welbevinden/);
    assert.match(scan.body, /Stap 4\. Executieve functies/);
    assert.match(scan.body, /Stap 5\. Conclusies/);
    assert.match(scan.body, />2 \(laag\)</);
    assert.match(scan.body, /Groep 5: Welbevinden en plezier — 2 \(Zorg\)/);
    assert.match(scan.body, /Groepen met een lage score/);
    assert.match(scan.body, /Deels ingevuld/);
    const row = (await assessments())[0]!;
    assert.deepEqual(row.scores, { veiligheid: 4, omgang: 3, plezier: 2 });
  });

  test('a team member cannot save the assessment of a group that is not theirs: 403, audited, nothing stored', async () => {
    const before = (await auditRows('schoolscan.groep-beoordeeld')).length;
    const res = await as('juf-5').post(groupUrl('sociaal-emotioneel', 3), {
      versie: '0',
      'score-veiligheid': '1',
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /u bent niet aan deze groep gekoppeld\. Er is niets opgeslagen/);
    assert.match(
      res.body,
      /Uw keuzes, zodat u ze kunt bewaren:.*Veiligheid in de groep: 1 Grote zorg \(laag\)/s,
    );
    const unassigned = await as('teamlid-zonder-groep').post(groupUrl('executieve-functies', 5), {
      versie: '0',
      'score-werkhouding': '1',
    });
    assert.equal(unassigned.statusCode, 403);
    assert.ok(!(await assessments()).some((a) => a.grade === 3 || a.step === 'executieve-functies'));
    const rows = (await auditRows('schoolscan.groep-beoordeeld')).slice(before);
    assert.deepEqual(
      rows.map((r) => [r.result, r.details.reden, r.actor_person_id]),
      [
        ['geweigerd', 'niet-eigen-groep', ids.get('juf-5')],
        ['geweigerd', 'niet-eigen-groep', ids.get('teamlid-zonder-groep')],
      ],
    );
    // They can still read it, without a form.
    const read = await as('teamlid-zonder-groep').get(groupUrl('sociaal-emotioneel', 5));
    assert.equal(read.statusCode, 200);
    assert.doesNotMatch(read.body, /Beoordeling opslaan/);
    assert.match(
      read.body,
      /Welbevinden en plezier<\/dt><dd[^>]*>2 Zorg \(laag\)\. Veel kinderen zijn moe\./,
    );
    // The school leader saves any group.
    const leader = await as('schoolleider').post(groupUrl('sociaal-emotioneel', 3), {
      versie: '0',
      'score-veiligheid': '5',
    });
    assert.equal(leader.statusCode, 303);
  });

  test('a colleague’s save in between is not overwritten; the writer keeps their choices', async () => {
    // The leader opened group 5 at version 1; the team member saves first.
    assert.equal(
      (
        await as('juf-5').post(groupUrl('sociaal-emotioneel', 5), {
          versie: '1',
          'score-veiligheid': '4',
          'score-plezier': '3',
        })
      ).statusCode,
      303,
    );
    const clash = await as('schoolleider').post(groupUrl('sociaal-emotioneel', 5), {
      versie: '1',
      'score-veiligheid': '1',
      'toelichting-veiligheid': 'Pesten op het plein.',
    });
    assert.equal(clash.statusCode, 409);
    assert.match(clash.body, /Iemand anders \(Test teamlid\) heeft de beoordeling van deze groep opgeslagen/);
    assert.match(clash.body, /Wat intussen is opgeslagen/);
    assert.match(clash.body, /id="score-veiligheid-1" name="score-veiligheid" value="1" checked/);
    assert.match(clash.body, /Pesten op het plein\./);
    assert.match(clash.body, /name="versie" value="2"/);
    const row = (await assessments()).find((a) => a.grade === 5)!;
    assert.deepEqual([row.version, row.scores.veiligheid], [2, 4]);
    // Bad input: 400, every value back, nothing stored.
    const bad = await as('schoolleider').post(groupUrl('sociaal-emotioneel', 5), {
      versie: '2',
      'score-omgang': '7',
      'toelichting-omgang': 'Mijn toelichting.',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies bij &quot;Omgang met anderen&quot; een score van 1 tot en met 5/);
    assert.match(bad.body, /Mijn toelichting\./);
    assert.equal((await assessments()).find((a) => a.grade === 5)!.version, 2);
  });

  test('the MR, the board, the ministry and another school cannot open or save a group', async () => {
    for (const who of ['mr-lid', 'bestuur', 'analist', 'other-leider']) {
      assert.equal((await as(who).get(groupUrl('sociaal-emotioneel', 5))).statusCode, 403, who);
      assert.equal(
        (await as(who).post(groupUrl('sociaal-emotioneel', 5), { versie: '0', 'score-omgang': '1' }))
          .statusCode,
        403,
        who,
      );
      assert.equal((await as(who).get(`${scanUrl()}/volginstrument`)).statusCode, 403, who);
    }
    assert.equal((await as('schoolleider').get(groupUrl('sociaal-emotioneel', 9))).statusCode, 404);
  });

  test('the steps 3 and 4 texts are saved like the other steps', async () => {
    const res = await as('juf-5').post(`${scanUrl()}/stappen/executieve-functies`, {
      tekst: 'Groep 5 en 6 kunnen zich slecht concentreren.',
      versie: '0',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(
      res.headers.location,
      `${scanUrl()}?opgeslagen=executieve-functies#stap-executieve-functies`,
    );
    const page = await as('juf-5').get(String(res.headers.location));
    assert.match(page.body, /Stap 4\. Executieve functies is opgeslagen/);
    assert.match(page.body, /Groep 5 en 6 kunnen zich slecht concentreren\./);
  });

  test('monitoring results per group: one by hand, a pasted CSV all or nothing, no pupil rows, small groups flagged', async () => {
    const url = `${scanUrl()}/volginstrument`;
    const count = async () =>
      (await database().db.selectFrom('schoolscan_monitor_result').select('id').execute()).length;
    const one = await as('juf-5').post(url, {
      groep: '5',
      instrument: 'Ons volgsysteem',
      maat: 'aandeel extra aandacht',
      aantal: '24',
      waarde: '12,5',
    });
    assert.equal(one.statusCode, 303);
    const bad = await as('juf-5').post(url, {
      groep: '',
      instrument: 'X',
      maat: 'Y',
      aantal: 'veel',
      waarde: '1',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul het aantal leerlingen in als heel getal/);
    assert.match(bad.body, /value="veel"/);

    const header = 'groep;instrument;maat;aantal leerlingen;waarde';
    const refused = await as('juf-5').post(`${url}/importeren`, {
      regels: [header, '3;Ons volgsysteem;aandeel extra aandacht;8;25', '9;Ons volgsysteem;x;20;3'].join(
        '\n',
      ),
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /De regels zijn niet ingelezen; er is niets opgeslagen/);
    assert.match(refused.body, /<td[^>]*>3<\/td><td[^>]*>Vul de groep in als getal van 1 tot en met 8/);
    const pupils = await as('juf-5').post(`${url}/importeren`, {
      regels: ['leerlingsleutel;groep;instrument;maat;aantal leerlingen;waarde', 'A1;5;X;Y;20;1'].join('\n'),
    });
    assert.equal(pupils.statusCode, 400);
    assert.match(pupils.body, /lijkt gegevens van afzonderlijke leerlingen te bevatten/);
    assert.equal(await count(), 1);

    const lines = [
      header,
      '3;Ons volgsysteem;aandeel extra aandacht;8;25',
      '5;ons volgsysteem;Aandeel extra aandacht;24;10',
    ].join('\r\n');
    // A team member enters results of their own groups only: group 3 is not juf-5's.
    const notOwn = await as('juf-5').post(`${url}/importeren`, { regels: lines });
    assert.equal(notOwn.statusCode, 403);
    assert.match(notOwn.body, /U bent niet gekoppeld aan groep 3; er is niets opgeslagen/);
    const notOwnOne = await as('juf-5').post(url, {
      groep: '6',
      instrument: 'Ons volgsysteem',
      maat: 'aandeel extra aandacht',
      aantal: '20',
      waarde: '4',
    });
    assert.equal(notOwnOne.statusCode, 403);
    assert.match(notOwnOne.body, /U bent niet gekoppeld aan groep 6/);
    assert.match(notOwnOne.body, /value="Ons volgsysteem"/);
    assert.equal(await count(), 1);
    assert.deepEqual(
      (await auditRows('schoolscan.volginstrument-opgeslagen')).map((r) => [r.result, r.details]),
      [
        ['ok', { uitkomsten: 1 }],
        ['mislukt', { reden: 'invoer' }],
        ['geweigerd', { reden: 'niet-eigen-groep', groepen: '6' }],
      ],
    );

    // The leader uploads the same lines as a CSV file (Windows-1252, as a spreadsheet saves it).
    const leader = as('schoolleider');
    const uploadCsv = (client: TestClient, data: Buffer) => {
      const body = multipart({ _csrf: client.csrfToken() }, { name: 'uitkomsten.csv', data });
      return app.inject({
        method: 'POST',
        url: `${url}/importeren`,
        payload: body.payload,
        headers: { cookie: client.cookieHeader, 'content-type': body.contentType },
      });
    };
    await leader.get(url);
    const badFile = await uploadCsv(leader, Buffer.from(`${header}\n3;Volg;x;1;2\n`, 'latin1'));
    assert.equal(badFile.statusCode, 400);
    assert.match(badFile.body, /minder dan 2 leerlingen/);
    const good = await uploadCsv(leader, Buffer.from(lines.replace('Ons', 'Óns'), 'latin1'));
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, `${url}?opgeslagen=2`);
    assert.equal(await count(), 2, 'the same group, tool and measure replaces the earlier value');
    const page = await as('schoolleider').get(String(good.headers.location));
    assert.match(page.body, /2 uitkomsten zijn opgeslagen/);
    assert.match(page.body, /Óns volgsysteem/, 'read as Windows-1252');
    const scan = await as('schoolleider').get(scanUrl());
    assert.match(scan.body, /Te weinig leerlingen \(minder dan 10\) om conclusies uit te trekken/);
    assert.deepEqual(
      (await auditRows('schoolscan.volginstrument-geimporteerd')).map((r) => r.result),
      ['mislukt', 'mislukt', 'geweigerd', 'mislukt', 'ok'],
    );
    // A result is removed only through its own school's scan, and by a team member only for their groups.
    const small = await database()
      .db.selectFrom('schoolscan_monitor_result')
      .select('id')
      .where('grade', '=', 3)
      .executeTakeFirstOrThrow();
    const otherYearUrl = `/scholen/${fx.otherSchoolId}/schoolscan/${yearId}/volginstrument/${small.id}/verwijderen`;
    assert.equal((await as('other-leider').post(otherYearUrl)).statusCode, 404);
    assert.match(
      page.body,
      /Verwijder<span class="npo-visually-hidden"> groep 3, Óns volgsysteem, aandeel extra aandacht<\/span>/,
    );
    const notTheirs = await as('juf-5').post(`${url}/${small.id}/verwijderen`);
    assert.equal(notTheirs.statusCode, 403);
    assert.match(notTheirs.body, /U bent niet gekoppeld aan groep 3; er is niets verwijderd/);
    assert.equal((await auditRows('schoolscan.volginstrument-verwijderd')).at(-1)?.result, 'geweigerd');
    const removed = await as('schoolleider').post(`${url}/${small.id}/verwijderen`);
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `${url}?verwijderd=ja`);
    assert.equal(await count(), 1);
    assert.equal((await as('juf-5').post(`${url}/${small.id}/verwijderen`)).statusCode, 404);
  });

  test('the dashboard shows a team member their groups still to assess, and the leader the steps not done', async () => {
    const years = await database()
      .db.selectFrom('school_year')
      .select(['id', 'label', 'starts_on', 'ends_on'])
      .orderBy('starts_on')
      .execute();
    const current = currentSchoolYear(years, new Date().toISOString().slice(0, 10))!;
    const url = `/scholen/${fx.schoolId}/schoolscan/${current.id}`;
    const leaderBefore = await as('schoolleider').get('/overzicht');
    assert.match(leaderBefore.body, /Teamleden aan groepen koppelen/);
    assert.equal(
      (await as('schoolleider').post(`${url}/groepen`, { 'groep-2': String(ids.get('juf-5')) })).statusCode,
      303,
    );
    const before = await as('juf-5').get('/overzicht');
    assert.match(before.body, /Groep 2 beoordelen: sociaal-emotionele ontwikkeling en welbevinden/);
    assert.match(before.body, /Groep 2 beoordelen: executieve functies/);
    assert.doesNotMatch((await as('meester-3').get('/overzicht')).body, /beoordelen:/);
    const all = { versie: '0', 'score-veiligheid': '3', 'score-omgang': '3', 'score-zelfvertrouwen': '3' };
    assert.equal(
      (
        await as('juf-5').post(`${url}/stappen/sociaal-emotioneel/groepen/2`, {
          ...all,
          'score-plezier': '4',
          'score-betrokkenheid': '4',
        })
      ).statusCode,
      303,
    );
    const afterSave = await as('juf-5').get('/overzicht');
    assert.doesNotMatch(afterSave.body, /Groep 2 beoordelen: sociaal-emotionele/);
    assert.match(afterSave.body, /Groep 2 beoordelen: executieve functies/);
    const leader = await as('schoolleider').get('/overzicht');
    assert.match(leader.body, /Schoolscan [\d-]+ afronden/);
    assert.match(leader.body, /Nog niet gedaan: stap 1 \(de school en de coronatijd\)/);
    assert.doesNotMatch(leader.body, /Teamleden aan groepen koppelen/);
  });

  test('once the scan is completed, group assessments and monitoring results are read-only until it is reopened', async () => {
    assert.equal(
      (
        await as('schoolleider').post(`${scanUrl()}/stappen/conclusies`, {
          tekst: 'Welbevinden groep 5.',
          versie: '0',
        })
      ).statusCode,
      303,
    );
    assert.equal((await as('schoolleider').post(`${scanUrl()}/afronden`)).statusCode, 303);
    const page = await as('juf-5').get(groupUrl('sociaal-emotioneel', 5));
    assert.doesNotMatch(page.body, /Beoordeling opslaan/);
    assert.match(page.body, /De schoolscan is afgerond/);
    const late = await as('juf-5').post(groupUrl('sociaal-emotioneel', 5), {
      versie: '2',
      'score-omgang': '5',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /intussen afgerond; uw beoordeling is niet opgeslagen/);
    const monitor = await as('juf-5').post(`${scanUrl()}/volginstrument`, {
      groep: '5',
      instrument: 'Volg',
      maat: 'extra aandacht',
      aantal: '20',
      waarde: '5',
    });
    assert.equal(monitor.statusCode, 409);
    assert.equal((await assessments()).find((a) => a.grade === 5)!.version, 2);
    assert.equal((await as('schoolleider').post(`${scanUrl()}/heropenen`)).statusCode, 303);
  });
});
