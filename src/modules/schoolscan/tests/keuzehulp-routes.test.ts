// The keuzehulp over HTTP (app.inject) on both engines: who may open and use it, the ranked
// lists with estimates against the school's money, choosing and removing an intervention (with
// the estimate written and audited), every refusal (not on the menu, withdrawn, not fitting, F
// without an A–E choice, removing the last A–E choice under an F choice, another school's focus
// point, a completed scan) leaving nothing half-written.
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
import { ensureExampleAmount } from '../../funding/repository/reservations.ts';

eachEngine('keuzehulp routes', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let yearId: number;
  let otherYearId: number;
  let scanId: number;
  let rekenen: number;
  let welbevinden: number;
  let otherFocus: number;
  const clients = new Map<string, TestClient>();

  const db = () => database().db;

  async function scanWithFocus(schoolId: number, domain: string, pupils: number, position = 1) {
    await db()
      .insertInto('schoolscan')
      .values({ school_id: schoolId, school_year_id: yearId })
      .onConflict((oc) => oc.columns(['school_id', 'school_year_id']).doNothing())
      .execute();
    const scan = await db()
      .selectFrom('schoolscan')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('school_year_id', '=', yearId)
      .executeTakeFirstOrThrow();
    const fp = await db()
      .insertInto('schoolscan_focus_point')
      .values({
        scan_id: scan.id,
        domain,
        grades: [5],
        pupils,
        severity: 'zorg',
        evidence: 'Uit de analyse.',
        evidence_links: '[]',
        goal: 'Weer op het niveau van eerdere jaargangen.',
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { scanId: scan.id, focusPointId: fp.id };
  }

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    const years = await db().selectFrom('school_year').select(['id', 'label']).orderBy('starts_on').execute();
    yearId = years.find((y) => y.label === '2021-2022')!.id;
    otherYearId = years.find((y) => y.label !== '2021-2022')!.id;
    const a = await scanWithFocus(fx.schoolId, 'rekenen-wiskunde', 28, 1);
    scanId = a.scanId;
    rekenen = a.focusPointId;
    welbevinden = (await scanWithFocus(fx.schoolId, 'welbevinden', 50, 2)).focusPointId;
    otherFocus = (await scanWithFocus(fx.otherSchoolId, 'spelling', 20, 1)).focusPointId;
    // € 100.000,00 for the school in 2021-2022, of which the board reserved € 30.000,00.
    await ensureExampleAmount(db(), fx.schoolId, fx.boardId);
    await db()
      .insertInto('board_reservation')
      .values({
        board_id: fx.boardId,
        school_id: fx.schoolId,
        school_year_id: yearId,
        amount_cents: 3_000_000,
        purpose: 'Bovenschoolse rekencoach',
        mr_consent_on: '2021-06-01',
        created_by: null,
      })
      .execute();
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
  const base = () => `/scholen/${fx.schoolId}/schoolscan/${yearId}/keuzehulp`;
  const choose = (who: string, fp: number, code: string, terug = 'aandachtspunt') =>
    as(who).post(`${base()}/${fp}/kiezen`, { interventie: code, terug });
  const unchoose = (who: string, fp: number, code: string) =>
    as(who).post(`${base()}/${fp}/verwijderen`, { interventie: code, terug: 'aandachtspunt' });
  /** The codes and estimates chosen for a focus point (bigint as a number on both engines). */
  const choices = async (fp: number) =>
    (
      await db()
        .selectFrom('schoolscan_focus_choice as c')
        .innerJoin('menukaart_intervention as i', 'i.id', 'c.intervention_id')
        .select(['i.code', 'c.estimated_cents'])
        .where('c.focus_point_id', '=', fp)
        .orderBy('i.code')
        .execute()
    ).map((c) => ({
      code: c.code,
      estimated_cents: c.estimated_cents === null ? null : Number(c.estimated_cents),
    }));
  const lastAudit = async (action: string) =>
    db()
      .selectFrom('audit_event')
      .select(['result', 'details', 'object_id'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  const setStatus = (status: 'concept' | 'afgerond') =>
    db()
      .updateTable('schoolscan')
      .set({ status, completed_at: status === 'afgerond' ? new Date() : null })
      .where('id', '=', scanId)
      .execute();

  test('only the school’s leader and team open the keuzehulp; MR, board, ministry and another school do not', async () => {
    for (const url of [base(), `${base()}/${rekenen}`]) {
      for (const who of ['schoolleider', 'teamlid'])
        assert.equal((await as(who).get(url)).statusCode, 200, `${who} ${url}`);
      for (const who of ['mr-lid', 'bestuur', 'analist', 'helpdesk', 'other-leider'])
        assert.equal((await as(who).get(url)).statusCode, 403, `${who} ${url}`);
    }
  });

  test('the keuzehulp page shows the money left in Dutch notation, the suggestion and each focus point’s ranked interventions', async () => {
    const res = await as('teamlid').get(base());
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /€\s100\.000,00/);
    assert.match(html, /€\s30\.000,00/);
    assert.match(html, /€\s70\.000,00/);
    assert.match(html, /Voorstel binnen het geld dat over is/);
    assert.match(html, /Voorgestelde interventies/);
    // Rekenen: Feedback (+6, 4, €) ranks first among the A, B and E interventions.
    assert.match(html, /best passende interventies voor Rekenen-wiskunde/);
    assert.match(html, /B6 Feedback/);
    // Welbevinden: C interventions; C1 has no scores, so the suggestion leaves it out and says so.
    assert.match(html, /C1 /);
    assert.match(html, /Niet meegenomen omdat de menukaart er geen effect of bewijs bij geeft: [^<]*C1/);
    assert.match(html, /Databank Effectieve Jeugdinterventies/);
    // 28 pupils × € 92 = € 2.576,00.
    assert.match(html, /tot €\s2\.576,00/);
  });

  test('the focus point page lists scored interventions before those without a score and says why', async () => {
    const res = await as('teamlid').get(`${base()}/${rekenen}`);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.ok(html.indexOf('Interventies met een score') < html.indexOf('Interventies zonder score'));
    assert.match(html, /de menukaart geeft geen effect en bewijs en kosten/);
    assert.match(html, /Ondersteunend \(categorie F\)/);
    assert.match(html, /Kies eerst een interventie uit A tot en met E/);
  });

  test('a team member chooses an intervention: the choice is stored with its estimate and audited, and the money left shrinks', async () => {
    const res = await choose('teamlid', rekenen, 'B6');
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `${base()}/${rekenen}?gekozen=B6`);
    assert.deepEqual(await choices(rekenen), [{ code: 'B6', estimated_cents: 257600 }]);
    const row = await lastAudit('schoolscan.interventie-gekozen');
    assert.equal(row?.result, 'ok');
    assert.equal(row?.object_id, String(rekenen));
    const page = await as('teamlid').get(`${base()}?gekozen=B6`);
    assert.match(page.body, /B6 is gekozen/);
    assert.match(page.body, /€\s67\.424,00/); // 70.000 − 2.576
    // Choosing it again changes nothing.
    assert.equal((await choose('schoolleider', rekenen, 'B6', 'overzicht')).statusCode, 303);
    assert.equal((await choices(rekenen)).length, 1);
  });

  test('an F intervention is refused without an A–E choice on the focus point, and allowed next to one', async () => {
    const refused = await choose('teamlid', welbevinden, 'F4');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Kies eerst een interventie uit A tot en met E/);
    assert.deepEqual(await choices(welbevinden), []);
    const row = await lastAudit('schoolscan.interventie-gekozen');
    assert.equal(row?.result, 'mislukt');
    assert.equal((row?.details as { reden: string }).reden, 'steun-zonder-hoofdkeuze');
    // Rekenen has B6: F4 may support it.
    assert.equal((await choose('teamlid', rekenen, 'F4')).statusCode, 303);
    assert.deepEqual(
      (await choices(rekenen)).map((c) => c.code),
      ['B6', 'F4'],
    );
  });

  test('removing the last A–E choice under an F choice is refused; removing the F first, then the A–E choice, works and is audited', async () => {
    const refused = await unchoose('teamlid', rekenen, 'B6');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Verwijder eerst de ondersteunende interventie/);
    assert.equal((await choices(rekenen)).length, 2);
    assert.equal((await unchoose('teamlid', rekenen, 'F4')).statusCode, 303);
    const res = await unchoose('schoolleider', rekenen, 'B6');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${base()}/${rekenen}?verwijderd=B6`);
    assert.deepEqual(await choices(rekenen), []);
    assert.equal((await lastAudit('schoolscan.interventie-verwijderd'))?.result, 'ok');
    const again = await unchoose('teamlid', rekenen, 'B6');
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /was niet gekozen/);
  });

  test('an intervention not on the menu, withdrawn, or not fitting the focus point is refused with what to do', async () => {
    for (const [code, text] of [
      ['Z9', /staat niet op de menukaart/],
      ['A1', /van de menukaart gehaald/],
      ['C1', /past niet bij dit aandachtspunt/],
      ['B10', /past niet bij dit aandachtspunt/], // phonics: not for rekenen
      ['B12', /past niet bij dit aandachtspunt of niet bij de sector/], // careers, and VO only
    ] as const) {
      const res = await choose('teamlid', rekenen, code);
      assert.equal(res.statusCode, 400, code);
      assert.match(res.body, text, code);
    }
    assert.deepEqual(await choices(rekenen), []);
  });

  test('another school’s focus point in the own school’s path, or the own focus point under another year, is not found and nothing is written', async () => {
    assert.equal((await as('teamlid').get(`${base()}/${otherFocus}`)).statusCode, 404);
    assert.equal((await choose('teamlid', otherFocus, 'B6')).statusCode, 404);
    assert.deepEqual(await choices(otherFocus), []);
    assert.equal((await lastAudit('schoolscan.interventie-gekozen'))?.result, 'mislukt');
    const wrongYear = `/scholen/${fx.schoolId}/schoolscan/${otherYearId}/keuzehulp/${rekenen}`;
    assert.equal((await as('teamlid').get(wrongYear)).statusCode, 404);
    assert.equal(
      (await as('teamlid').post(`${wrongYear}/kiezen`, { interventie: 'B6', terug: 'aandachtspunt' }))
        .statusCode,
      404,
    );
    assert.deepEqual(await choices(rekenen), []);
  });

  test('after the scan is completed the keuzehulp is read-only: no choose buttons, and choosing or removing is refused and audited', async () => {
    assert.equal((await choose('teamlid', rekenen, 'B6')).statusCode, 303);
    await setStatus('afgerond');
    try {
      const page = await as('teamlid').get(`${base()}/${rekenen}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /de keuzes staan vast/);
      assert.doesNotMatch(page.body, /\/kiezen"/);
      assert.doesNotMatch(page.body, /\/verwijderen"/);
      const chosen = await choose('schoolleider', rekenen, 'B2');
      assert.equal(chosen.statusCode, 409);
      assert.match(chosen.body, /De schoolscan is afgerond/);
      const removed = await unchoose('schoolleider', rekenen, 'B6');
      assert.equal(removed.statusCode, 409);
      assert.deepEqual(
        (await choices(rekenen)).map((c) => c.code),
        ['B6'],
      );
      const row = await lastAudit('schoolscan.interventie-verwijderd');
      assert.equal(row?.result, 'mislukt');
      assert.equal((row?.details as { reden: string }).reden, 'afgerond');
    } finally {
      await setStatus('concept');
    }
  });

  test('a choose form without a CSRF token is refused', async () => {
    const res = await as('teamlid').post(
      `${base()}/${welbevinden}/kiezen`,
      { interventie: 'C2', terug: 'aandachtspunt' },
      { csrf: false },
    );
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await choices(welbevinden), []);
  });
});
