// The board's annual report on both engines: the figures come from the board's own schools only
// (scan, MR consent, categories, money in the calendar year, PNIL, evaluations); the texts are
// saved under a revision (a stale save is a 409 that keeps the input); confirming freezes the
// figures, reopening makes them live again; exports are audited; other boards and ministry roles
// get nothing (hard rule 1 and 3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { seedPlan, type SeededPlan } from '../../schoolprogramma/tests/kit.ts';

const texts = {
  betrokkenheid: 'Ouders en leraren dachten in de MR mee over elke keuze.',
  'eerste-resultaten': 'De leerlingen in de leesgroepjes lezen sneller.',
  bovenschools: '',
  gmr: '',
};

eachEngine('verantwoording annual report', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let plan: SeededPlan;
  let board: TestClient;
  const base = () => `/besturen/${fx.boardId}/jaarverslag`;
  const norm = (html: string) => html.replace(/\u00a0/g, ' ').replace(/&#x27;|&#39;/g, "'");
  const audits = async (action: string) =>
    (
      await database()
        .db.selectFrom('audit_event')
        .select(['action', 'result', 'organisation_id'])
        .where('action', '=', action)
        .execute()
    ).filter((r) => r.organisation_id === fx.boardId);

  before(async () => {
    const db = database().db;
    app = await createTestApp(database());
    fx = await createFixtures(database());
    plan = await seedPlan(db, fx.schoolId);
    await seedPlan(db, fx.otherSchoolId);
    // A scan of 2021-2022 completed in October 2021; version 1 with the MR's consent; an evaluation.
    await db
      .insertInto('schoolscan')
      .values({
        school_id: fx.schoolId,
        school_year_id: plan.schoolYearIds[0]!,
        status: 'afgerond',
        created_at: new Date('2021-09-01T09:00:00Z'),
        completed_at: new Date('2021-10-01T09:00:00Z'),
      })
      .execute();
    const version = await db
      .insertInto('school_plan_version')
      .values({
        plan_id: plan.planId,
        number: 1,
        snapshot: '{}',
        submitted_at: new Date('2021-11-01T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('school_plan_decision')
      .values({
        version_id: version.id,
        decision: 'instemming',
        meeting_on: '2021-11-20',
        recorded_at: new Date('2021-11-20T19:00:00Z'),
      })
      .execute();
    await db
      .insertInto('school_plan_evaluation')
      .values({
        plan_intervention_id: plan.planInterventionIds[0]!,
        evaluated_on: '2022-06-14',
        results: 'Twee derde van de groep leest op niveau.',
        evidence_links: '[]',
        decision: 'doorgaan',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    // The board's own plan: version 1 with the GMR's consent.
    const bp = await db
      .insertInto('board_plan')
      .values({
        board_id: fx.boardId,
        programme_id: plan.programmeId,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bv = await db
      .insertInto('board_plan_version')
      .values({ plan_id: bp.id, number: 1, snapshot: '{}', submitted_at: new Date('2021-06-25T09:00:00Z') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('board_plan_decision')
      .values({
        version_id: bv.id,
        decision: 'instemming',
        meeting_on: '2021-07-05',
        recorded_at: new Date(),
      })
      .execute();
    board = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  test('the list shows the calendar years 2021–2025 of the programme', async () => {
    const res = await board.get(base());
    assert.equal(res.statusCode, 200);
    for (const y of [2021, 2022, 2023, 2024, 2025]) assert.match(res.body, new RegExp(`Jaarverslag ${y}`));
    assert.doesNotMatch(res.body, /Jaarverslag 2026/);
  });

  test('a year’s report shows the own schools’ figures of that calendar year, and the GMR status prefilled', async () => {
    const res = await board.get(`${base()}/2021`);
    assert.equal(res.statusCode, 200);
    const html = norm(res.body);
    assert.match(html, /Testschool A/);
    assert.doesNotMatch(html, /Testschool B/, 'another board’s school never appears');
    assert.match(html, /Ja \(2021-2022\)/, 'the completed scan');
    assert.match(html, /Ja, versie 1 \(20 november 2021\)/, 'the MR’s consent on the newest version');
    assert.match(html, /€ 2\.500,00/, 'spent in 2021 (the November expense)');
    assert.match(html, /100% van het uitgegeven geld/, 'all of it went to external staff (PNIL)');
    assert.match(html, /De GMR heeft op 5 juli 2021 ingestemd met versie 1 van het bovenschools plan\./);
    assert.match(html, /Ingevuld vanuit het platform/);
    const y2022 = norm((await board.get(`${base()}/2022`)).body);
    assert.match(y2022, /Twee derde van de groep leest op niveau/, 'the evaluation of June 2022');
    assert.match(y2022, /nog niets uitgegeven/, 'no expense dated in 2022');
  });

  test('saving the texts is audited; a stale revision is a 409 that keeps the typed input', async () => {
    const ok = await board.post(`${base()}/2022`, { ...texts, revisie: '0' });
    assert.equal(ok.statusCode, 303);
    assert.match(ok.headers.location as string, /opgeslagen=1/);
    assert.equal((await audits('jaarverslag.opgeslagen')).filter((a) => a.result === 'ok').length, 1);
    const stale = await board.post(`${base()}/2022`, {
      ...texts,
      betrokkenheid: 'Mijn eigen versie',
      revisie: '0',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Iemand anders heeft dit verslag opgeslagen/);
    assert.match(stale.body, /Mijn eigen versie/);
    assert.match(stale.body, /name="revisie" value="1"/, 'the new revision, so saving again overwrites');
    assert.equal((await board.post(`${base()}/2022`, { ...texts, revisie: '1' })).statusCode, 303);
    const stale2 = await board.post(`${base()}/2022`, {
      ...texts,
      betrokkenheid: 'Ook van mij',
      revisie: '1',
    });
    assert.equal(stale2.statusCode, 409, 'a save from revision 1 after revision 2 was saved');
    assert.match(stale2.body, /Ook van mij/);
    const long = await board.post(`${base()}/2022`, { ...texts, gmr: 'x'.repeat(5001), revisie: '2' });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /<title>Fout: /);
    assert.match(long.body, /ten hoogste 5000 tekens/);
    assert.match(long.body, /Ouders en leraren dachten/, 'the other values are kept');
  });

  test('confirming needs the required texts, freezes the figures and is audited; reopening makes them live again', async () => {
    const db = database().db;
    // 2021: save without the first results, so confirming is refused with the field named.
    await board.post(`${base()}/2021`, { ...texts, 'eerste-resultaten': '', revisie: '0' });
    const ask = await board.get(`${base()}/2021/bevestigen`);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Jaarverslag 2021 bevestigen\?/);
    const refused = await board.post(`${base()}/2021/bevestigen`, { revisie: '1' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Vul eerst .*Eerste resultaten/);
    await board.post(`${base()}/2021`, { ...texts, revisie: '1' });
    const stale = await board.post(`${base()}/2021/bevestigen`, { revisie: '1' });
    assert.equal(stale.statusCode, 409, 'a confirmation of an older revision is refused');
    const done = await board.post(`${base()}/2021/bevestigen`, { revisie: '2' });
    assert.equal(done.statusCode, 303);
    assert.equal((await audits('jaarverslag.bevestigd')).filter((a) => a.result === 'ok').length, 1);
    const row = await db
      .selectFrom('board_report')
      .select(['status', 'confirmed_figures'])
      .where('board_id', '=', fx.boardId)
      .where('calendar_year', '=', 2021)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'bevestigd');
    assert.equal((row.confirmed_figures as { totals: { spentCents: number } }).totals.spentCents, 250_000);

    // A later expense dated in 2021 does not change the confirmed report.
    await db
      .insertInto('school_plan_expense')
      .values({
        plan_id: plan.planId,
        plan_intervention_id: plan.planInterventionIds[0]!,
        cost_type: 'eigen-personeel',
        school_year_id: plan.schoolYearIds[0]!,
        spent_on: '2021-12-01',
        amount_cents: 100_000,
        description: 'Late boeking',
        created_at: new Date(),
      })
      .execute();
    const frozen = norm((await board.get(`${base()}/2021`)).body);
    assert.match(frozen, /heeft dit verslag bevestigd/);
    assert.doesNotMatch(frozen, /€ 3\.500,00/);
    assert.doesNotMatch(frozen, /name="betrokkenheid"/, 'no form once confirmed');
    const late = await board.post(`${base()}/2021`, { ...texts, betrokkenheid: 'Te laat', revisie: '3' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Te laat/, 'what was typed stays visible');

    assert.equal((await board.get(`${base()}/2021/heropenen`)).statusCode, 200);
    const reopened = await board.post(`${base()}/2021/heropenen`);
    assert.equal(reopened.statusCode, 303);
    assert.equal((await audits('jaarverslag.heropend')).filter((a) => a.result === 'ok').length, 1);
    const live = norm((await board.get(`${base()}/2021`)).body);
    assert.match(live, /€ 3\.500,00/, 'the figures are live again');
    assert.match(live, /name="betrokkenheid"/);
  });

  test('PDF, workbook and text are exports of the same figures, each audited', async () => {
    const pdf = await board.get(`${base()}/2021/jaarverslag.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.rawPayload.toString('latin1'), /\/StructTreeRoot/, 'a tagged PDF');
    const xlsx = await board.get(`${base()}/2021/jaarverslag.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Scholen', 'Per school en categorie', 'Per categorie', 'Evaluaties', 'Toelichting bestuur'],
    );
    assert.equal(wb.getWorksheet('Scholen')!.getRow(2).getCell(9).value, 3500, 'spent in euros (€ 3.500,00)');
    const txt = await board.get(`${base()}/2021/jaarverslag.txt`);
    assert.equal(txt.statusCode, 200);
    assert.match(txt.body, /^Nationaal Programma Onderwijs: verantwoording over 2021/);
    assert.match(txt.body, /Instemming van de MR\n1 van de 1 school had aan het eind van 2021 instemming/);
    const page = await board.get(`${base()}/2021/tekst`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<textarea[^>]*readonly/);
    for (const a of ['export.jaarverslag-pdf', 'export.jaarverslag-xlsx', 'export.jaarverslag-tekst'])
      assert.equal((await audits(a)).length, 1, a);
  });

  test('a year outside the programme is a 404; another board and ministry roles are refused', async () => {
    assert.equal((await board.get(`${base()}/2020`)).statusCode, 404);
    assert.equal((await board.get(`${base()}/abc`)).statusCode, 404);
    assert.equal((await board.get(`/besturen/${fx.otherBoardId}/jaarverslag/2021`)).statusCode, 403);
    for (const role of ['analist', 'helpdesk', 'redactie'] as const) {
      const c = new TestClient(app, (await signInAs(database(), role, fx.ministryId)).cookie);
      assert.equal((await c.get(`${base()}/2021`)).statusCode, 403, role);
      assert.equal((await c.get(`${base()}/2021/jaarverslag.xlsx`)).statusCode, 403, role);
    }
    const mr = new TestClient(app, (await signInAs(database(), 'mr-lid', fx.schoolId)).cookie);
    assert.equal((await mr.get(`${base()}/2021`)).statusCode, 403);
  });

  test('a year that has not ended yet cannot be confirmed; the page says from when it can', async () => {
    const early = await createTestApp(database(), { now: () => new Date('2023-06-01T10:00:00Z') });
    try {
      const c = new TestClient(early, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
      const list = await c.get(base());
      assert.match(list.body, /Concept: het jaar loopt nog|Het jaar loopt nog/);
      await c.post(`${base()}/2023`, { ...texts, revisie: '0' });
      const ask = await c.get(`${base()}/2023/bevestigen`);
      assert.match(
        ask.body,
        /2023 is nog niet voorbij\. U kunt het verslag bevestigen vanaf 1 januari 2024\./,
      );
      const refused = await c.post(`${base()}/2023/bevestigen`, { revisie: '1' });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /<title>Fout: /);
      assert.equal(
        (await audits('jaarverslag.bevestigd')).filter((a) => a.result === 'mislukt').length >= 1,
        true,
      );
    } finally {
      await early.close();
    }
  });
});
