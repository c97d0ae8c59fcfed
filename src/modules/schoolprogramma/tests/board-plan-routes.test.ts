// The board-level plan over HTTP on both engines: what a reservation funds is checked against the
// menu in force (refusals keep the input); the draft is edited with optimistic locking; a submitted
// version never changes; only GMR members record the GMR's one decision per version; a school sees
// only reservations of its own money; other boards' objects are not found; ministry roles get nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  testConfig,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { ensureExampleAmount, insertReservation } from '../../funding/repository/reservations.ts';
import { exampleIntervention } from '../repository/board-plan-examples.ts';
import { sendGmrReminders } from '../services/reminders.ts';

eachEngine('board-level plan', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let dataDir: string;
  const clients = new Map<string, TestClient>();
  let gmrEmail = '';
  const as = (who: string) => clients.get(who)!;
  const db = () => database().db;
  const planBase = () => `/besturen/${fx.boardId}/bovenschools`;
  const reservationUrl = () => `/besturen/${fx.boardId}/bekostiging/reserveringen`;
  const reservationForm = (extra: Record<string, string>) => ({
    schooljaar: '2021-2022',
    school: String(fx.schoolId),
    bedrag: '1.000,00',
    doel: 'Bovenschoolse zomerschool',
    mrInstemming: '2021-06-01',
    ...extra,
  });
  const reservationCount = async () =>
    Number(
      (
        await db()
          .selectFrom('board_reservation')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const plan = async () =>
    db().selectFrom('board_plan').selectAll().where('board_id', '=', fx.boardId).executeTakeFirstOrThrow();
  const interventionIds = async () =>
    (
      await db()
        .selectFrom('board_plan_intervention as b')
        .innerJoin('board_plan as p', 'p.id', 'b.plan_id')
        .select('b.id')
        .where('p.board_id', '=', fx.boardId)
        .orderBy('b.id')
        .execute()
    ).map((r) => r.id);

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-boardplan-'));
    app = await createTestApp(database(), {
      config: testConfig({ DATA_DIR: dataDir, FORM_RATE_LIMIT: '1000' }),
    });
    fx = await createFixtures(database());
    const people: [string, Role, number][] = [
      ['bestuur', 'bestuur', fx.boardId],
      ['gmr', 'gmr-lid', fx.boardId],
      ['mr', 'mr-lid', fx.schoolId],
      ['leider', 'schoolleider', fx.schoolId],
      ['bestuurB', 'bestuur', fx.otherBoardId],
      ['gmrB', 'gmr-lid', fx.otherBoardId],
      ['leiderB', 'schoolleider', fx.otherSchoolId],
      ['analist', 'analist', fx.ministryId],
      ['beheerder', 'beheerder', fx.ministryId],
      ['helpdesk', 'helpdesk', fx.ministryId],
    ];
    for (const [who, role, org] of people) {
      const email = `${who}-${process.pid}-${org}@test.example`;
      if (who === 'gmr') gmrEmail = email;
      clients.set(who, new TestClient(app, (await signInAs(database(), role, org, { email })).cookie));
    }
    await ensureExampleAmount(db(), fx.schoolId, fx.boardId);
  });
  after(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a reservation with a category or intervention not on the menu in force is refused, with the input kept', async () => {
    const before = await reservationCount();
    const wrongCategory = await as('bestuur').post(
      reservationUrl(),
      reservationForm({ categorie: 'B', interventie: 'A3' }),
    );
    assert.equal(wrongCategory.statusCode, 422);
    assert.match(wrongCategory.body, /hoort bij categorie A, niet bij B/);
    assert.match(wrongCategory.body, /Bovenschoolse zomerschool/);
    assert.match(wrongCategory.body, /value="1\.000,00"/);
    assert.match(wrongCategory.body, /<option[^>]*value="B"[^>]*selected/);
    const unknown = await as('bestuur').post(
      reservationUrl(),
      reservationForm({ categorie: 'A', interventie: 'Z99' }),
    );
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /staat niet op de menukaart die nu geldt/);
    const noCategory = await as('bestuur').post(reservationUrl(), reservationForm({ categorie: 'Q' }));
    assert.equal(noCategory.statusCode, 422);
    assert.equal(await reservationCount(), before, 'nothing was written');
  });

  test('the board adds and edits board-level interventions; a 400 keeps the input, a stale save gets 409 with both versions', async () => {
    const bad = await as('bestuur').post(`${planBase()}/interventies/nieuw`, {
      titel: 'Zomerschool voor iedereen',
      categorie: '',
      interventie: '',
      beschrijving: 'Twee weken in augustus',
      verantwoordelijke: 'Coördinator',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies de categorie/);
    assert.match(bad.body, /value="Zomerschool voor iedereen"/);
    assert.match(bad.body, /Twee weken in augustus/);
    const ok = await as('bestuur').post(`${planBase()}/interventies/nieuw`, {
      titel: 'Zomerschool voor iedereen',
      categorie: 'A',
      interventie: 'A3',
      beschrijving: 'Twee weken in augustus',
      verantwoordelijke: 'Coördinator',
    });
    assert.equal(ok.statusCode, 303);
    const [id] = await interventionIds();
    const edit = (responsible: string) =>
      as('bestuur').post(`${planBase()}/interventies/${id}`, {
        titel: 'Zomerschool voor iedereen',
        categorie: 'A',
        interventie: 'A3',
        beschrijving: 'Twee weken in augustus',
        verantwoordelijke: responsible,
        revisie: '1',
      });
    assert.equal((await edit('Bovenschools coördinator')).statusCode, 303);
    const stale = await edit('Mijn eigen invoer');
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Iemand anders heeft deze interventie gewijzigd/);
    assert.match(stale.body, /value="Mijn eigen invoer"/);
    assert.match(stale.body, /Bovenschools coördinator/);
    assert.equal(
      (
        await db()
          .selectFrom('board_plan_intervention')
          .select('responsible')
          .where('id', '=', id!)
          .executeTakeFirstOrThrow()
      ).responsible,
      'Bovenschools coördinator',
    );
    const staleDelete = await as('bestuur').post(`${planBase()}/interventies/${id}/verwijderen`, {
      revisie: '1',
    });
    assert.equal(staleDelete.statusCode, 409);
    assert.match(staleDelete.body, /er is niets verwijderd/);
    assert.deepEqual(await interventionIds(), [id]);
    // The GMR reads the plan but cannot edit it.
    assert.equal((await as('gmr').get(planBase())).statusCode, 200);
    assert.equal((await as('gmr').get(`${planBase()}/interventies/nieuw`)).statusCode, 403);
  });

  test("a reservation is linked to a board-level intervention of the board's own plan only", async () => {
    const [id] = await interventionIds();
    const otherId = await exampleIntervention(db(), fx.otherBoardId);
    const foreign = await as('bestuur').post(
      reservationUrl(),
      reservationForm({ bovenschoolsPlan: String(otherId) }),
    );
    assert.equal(foreign.statusCode, 422);
    assert.match(foreign.body, /eigen bestuur/);
    const linked = await as('bestuur').post(
      reservationUrl(),
      reservationForm({ bovenschoolsPlan: String(id) }),
    );
    assert.equal(linked.statusCode, 303);
    const row = await db()
      .selectFrom('board_reservation as r')
      .innerJoin('menukaart_intervention as i', 'i.id', 'r.intervention_id')
      .select(['r.category_code', 'i.code', 'r.board_plan_intervention_id'])
      .where('r.board_plan_intervention_id', '=', id!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { category_code: 'A', code: 'A3', board_plan_intervention_id: id });
  });

  test('submitting freezes version 1 and mails the GMR; only a GMR member records the one decision', async () => {
    const stale = await as('bestuur').post(`${planBase()}/indienen`, { toelichting: '', revisie: '0' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /gewijzigd sinds u deze pagina opende/);
    const submitted = await as('bestuur').post(`${planBase()}/indienen`, {
      toelichting: 'De zomerschool',
      revisie: String((await plan()).revision),
    });
    assert.equal(submitted.statusCode, 303);
    const mails = (await app.platform.mailer.outbox(50)).filter((m) => m.to === gmrEmail);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /versie 1 wacht op het besluit van de GMR/);
    assert.match(mails[0]!.text, new RegExp(`/besturen/${fx.boardId}/bovenschools/versies/1`));
    const again = await as('bestuur').post(`${planBase()}/indienen`, {
      toelichting: '',
      revisie: String((await plan()).revision),
    });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /niet veranderd sinds de vorige versie/);

    const decision = {
      besluit: 'instemming',
      redenen: '',
      vergaderdatum: new Date().toISOString().slice(0, 10),
    };
    const url = `${planBase()}/versies/1/besluit`;
    for (const who of ['bestuur', 'mr', 'leider', 'gmrB', 'analist'])
      assert.equal((await as(who).post(url, decision)).statusCode, 403, who);
    const noReasons = await as('gmr').post(url, {
      ...decision,
      besluit: 'geen-instemming',
      vergaderdatum: '2031-01-01',
    });
    assert.equal(noReasons.statusCode, 400);
    assert.match(noReasons.body, /waarom de GMR niet instemt/);
    assert.match(noReasons.body, /value="2031-01-01"/);
    assert.equal((await as('gmr').post(url, decision)).statusCode, 303);
    const second = await as('gmr').post(url, {
      ...decision,
      besluit: 'geen-instemming',
      redenen: 'Toch niet',
    });
    assert.equal(second.statusCode, 409);
    const rows = await db().selectFrom('board_plan_decision').select('decision').execute();
    assert.deepEqual(
      rows.map((r) => r.decision),
      ['instemming'],
    );
    // Every write left its audit row with the declared action.
    const audited = await db()
      .selectFrom('audit_event')
      .select(['action', 'result'])
      .where('action', 'like', 'bovenschools.%')
      .execute();
    for (const action of [
      'bovenschools.interventie.toegevoegd',
      'bovenschools.interventie.gewijzigd',
      'bovenschools.versie.ingediend',
      'bovenschools.besluit.vastgelegd',
    ])
      assert.ok(
        audited.some((r) => r.action === action && r.result === 'ok'),
        `audit ${action}`,
      );
    assert.ok(audited.some((r) => r.action === 'bovenschools.besluit.vastgelegd' && r.result === 'mislukt'));
    const comment = await as('gmr').post(`${planBase()}/versies/1/reacties`, {
      reactie: 'Fijn dat alle scholen meedoen.',
    });
    assert.equal(comment.statusCode, 303);
    const page = await as('bestuur').get(`${planBase()}/versies/1`);
    assert.match(page.body, /Fijn dat alle scholen meedoen/);
    assert.match(page.body, /Instemming in de vergadering/);
  });

  test('a submitted version never changes: edits go into a new version that needs a new decision', async () => {
    const v1 = async () =>
      db()
        .selectFrom('board_plan_version')
        .select(['snapshot'])
        .where('number', '=', 1)
        .executeTakeFirstOrThrow();
    const frozen = JSON.stringify((await v1()).snapshot);
    const [id] = await interventionIds();
    const current = await db()
      .selectFrom('board_plan_intervention')
      .select('revision')
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    const edit = await as('bestuur').post(`${planBase()}/interventies/${id}`, {
      titel: 'Zomerschool voor iedereen',
      categorie: 'A',
      interventie: 'A3',
      beschrijving: 'Drie weken in augustus',
      verantwoordelijke: 'Bovenschools coördinator',
      revisie: String(current.revision),
    });
    assert.equal(edit.statusCode, 303);
    assert.equal(JSON.stringify((await v1()).snapshot), frozen);
    const home = await as('bestuur').get(planBase());
    assert.match(home.body, /nieuwe versie met een nieuw besluit van de GMR nodig/);
    await assert.rejects(
      sql`update board_plan_version set note = 'anders' where number = 1`.execute(db()),
      /nooit gewijzigd/,
    );
    await assert.rejects(
      sql`update board_plan_decision set decision = 'geen-instemming'`.execute(db()),
      /nooit gewijzigd/,
    );
    const v2 = await as('bestuur').post(`${planBase()}/indienen`, {
      toelichting: 'Een week langer',
      revisie: String((await plan()).revision),
    });
    assert.equal(v2.statusCode, 303);
    const diff = await as('gmr').get(`${planBase()}/versies/2/verschil`);
    assert.equal(diff.statusCode, 200);
    assert.match(diff.body, /Drie weken in augustus/);
    assert.match(diff.body, /Twee weken in augustus/);
    const dashboard = await as('gmr').get('/overzicht');
    assert.match(dashboard.body, /Bovenschools plan versie 2 wacht op uw besluit/);
    // Version 1 keeps its decision; the old version can no longer be decided.
    const late = await as('gmr').post(`${planBase()}/versies/1/besluit`, {
      besluit: 'geen-instemming',
      redenen: 'Alsnog',
      vergaderdatum: new Date().toISOString().slice(0, 10),
    });
    assert.equal(late.statusCode, 409);
  });

  test('a school sees only the reservations of its own money, with its MR and the GMR status', async () => {
    const year = await db()
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', '2021-2022')
      .executeTakeFirstOrThrow();
    await insertReservation(db(), {
      boardId: fx.otherBoardId,
      schoolId: fx.otherSchoolId,
      schoolYearId: year.id,
      amountCents: 777_700,
      purpose: 'Geheim doel van bestuur B',
      mrConsentOn: '2021-06-01',
      personId: null,
    });
    const url = `/scholen/${fx.schoolId}/schoolprogramma/bovenschools`;
    for (const who of ['leider', 'mr', 'bestuur']) {
      const page = await as(who).get(url);
      assert.equal(page.statusCode, 200, who);
      assert.match(page.body, /Bovenschoolse zomerschool/);
      assert.match(page.body, /1\.000,00/);
      assert.match(page.body, /Versie 2 wacht op het besluit van de GMR/);
      assert.match(page.body, /A3 /);
      assert.doesNotMatch(page.body, /Geheim doel van bestuur B/);
      assert.doesNotMatch(page.body, /7\.777,00/);
    }
    assert.equal((await as('leiderB').get(url)).statusCode, 403);
    assert.equal((await as('gmr').get(url)).statusCode, 403);
  });

  test("another board's objects are not found under the own board; other boards and ministry roles get nothing", async () => {
    const otherId = await exampleIntervention(db(), fx.otherBoardId);
    assert.equal((await as('bestuur').get(`${planBase()}/interventies/${otherId}`)).statusCode, 404);
    assert.equal(
      (await as('bestuur').post(`${planBase()}/interventies/${otherId}/verwijderen`, { revisie: '1' }))
        .statusCode,
      404,
    );
    assert.equal((await as('bestuur').get(`${planBase()}/versies/99`)).statusCode, 404);
    for (const who of ['bestuurB', 'gmrB', 'mr', 'leider'])
      assert.equal((await as(who).get(planBase())).statusCode, 403, who);
    for (const who of ['analist', 'beheerder', 'helpdesk']) {
      for (const url of [
        planBase(),
        `${planBase()}/versies/1`,
        `/scholen/${fx.schoolId}/schoolprogramma/bovenschools`,
      ])
        assert.equal((await as(who).get(url)).statusCode, 403, `${who} ${url}`);
    }
  });

  test('a version waiting more than six weeks for the GMR gets one reminder to the GMR and the board; a decided one none', async () => {
    const pending = await db()
      .selectFrom('board_plan_version as v')
      .innerJoin('board_plan as p', 'p.id', 'v.plan_id')
      .leftJoin('board_plan_decision as d', 'd.version_id', 'v.id')
      .select(['v.id', 'v.number', 'v.submitted_at', 'd.decision'])
      .where('p.board_id', '=', fx.boardId)
      .orderBy('v.number')
      .execute();
    const open = pending.filter((v) => v.decision === null);
    assert.ok(open.length === 1 && pending.length > 1, 'one version waits, an earlier one was decided');
    const waiting = open[0]!;
    const mail = { mailer: app.platform.mailer, baseUrl: 'https://npo.example' };
    const day = 24 * 3600 * 1000;
    const at = (days: number) => new Date(new Date(waiting.submitted_at).getTime() + days * day);
    const reminders = async () =>
      (await app.platform.mailer.outbox(200)).filter(
        (m) => m.to === gmrEmail && /Herinnering: versie \d+ van het bovenschools plan/.test(m.subject),
      );
    assert.equal(await sendGmrReminders(db(), mail, at(41)), 0, 'not yet: under six weeks');
    assert.equal(await sendGmrReminders(db(), mail, at(43)), 1);
    const sent = await reminders();
    assert.equal(sent.length, 1);
    assert.ok(sent[0]!.text.includes(`https://npo.example${planBase()}/versies/${waiting.number}`));
    assert.equal(await sendGmrReminders(db(), mail, at(44)), 0, 'sent once');
    assert.equal((await reminders()).length, 1);
    const audited = await db()
      .selectFrom('audit_event')
      .select('object_id')
      .where('action', '=', 'schoolprogramma.gmr-herinnering-verstuurd')
      .execute();
    assert.deepEqual(
      audited.map((a) => Number(a.object_id)),
      [waiting.id],
      'only the waiting version, audited',
    );
  });
});
