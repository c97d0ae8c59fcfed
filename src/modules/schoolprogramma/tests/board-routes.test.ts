// The board overview, its drill-down and its Excel export on both engines: a board member sees
// only the board's own schools, with scan, plan, consent and money; another board's school is a
// 404; the workbook opens with exceljs and has the same figures as euro numbers; the export is
// audited; the overview costs the same number of queries for 1 school as for 6 (no N+1).
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
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { loadBoardOverview } from '../services/board-data.ts';
import { generateBoard } from '../services/bench-seed.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

eachEngine('schoolprogramma board overview', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let plan: SeededPlan;
  let board: TestClient;

  before(async () => {
    const db = database().db;
    app = await createTestApp(database());
    fx = await createFixtures(database());
    plan = await seedPlan(db, fx.schoolId);
    await seedPlan(db, fx.otherSchoolId);
    // School A: version 1 submitted, no decision yet; a completed scan of the current year.
    await db
      .insertInto('school_plan_version')
      .values({ plan_id: plan.planId, number: 1, snapshot: '{}', submitted_at: new Date() })
      .execute();
    const programme = await loadProgramme(db);
    const years = await listSchoolYears(db, programme.id);
    const today = new Date().toISOString().slice(0, 10);
    const current = years.find((y) => y.starts_on <= today && today <= y.ends_on) ?? years.at(-1)!;
    await db
      .insertInto('schoolscan')
      .values({
        school_id: fx.schoolId,
        school_year_id: current.id,
        status: 'afgerond',
        created_at: new Date(),
        completed_at: new Date(),
      })
      .execute();
    // An allocation of € 50.000 in the first year's current run: less than the € 80.000 planned.
    const run = await db
      .insertInto('allocation_run')
      .values({
        school_year_id: years[0]!.id,
        reason: 'Test',
        school_count: 1,
        total_cents: 5_000_000,
        rates: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('allocation')
      .values({
        run_id: run.id,
        school_id: fx.schoolId,
        board_id: fx.boardId,
        school_type: 'BAS',
        status: 'volledig',
        supplement_cents: 0,
        total_cents: 5_000_000,
        lines: '[]',
      })
      .execute();
    await db
      .updateTable('funding_year')
      .set({ current_run_id: run.id })
      .where('school_year_id', '=', years[0]!.id)
      .execute();
    board = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  test('the overview lists the board’s own schools only, with scan, plan, consent, money and the over-planning flag', async () => {
    const res = await board.get(`/besturen/${fx.boardId}/schoolprogrammas`);
    assert.equal(res.statusCode, 200);
    const html = res.body.replace(/\u00a0/g, ' ');
    assert.match(html, /Testschool A/);
    assert.doesNotMatch(html, /Testschool B/);
    assert.match(html, /Afgerond/);
    assert.match(html, /Versie 1/);
    assert.match(html, /Wacht op de MR/);
    assert.match(html, /€ 80\.000,00/, 'planned: 2 interventions × 2 years × € 20.000');
    assert.match(html, /€ 2\.500,00/, 'spent');
    assert.match(html, /Te veel gepland: € 30\.000,00 meer dan beschikbaar/);
    assert.match(html, /1 school wacht op het besluit van de MR/);
    assert.match(html, /schoolprogrammas\.xlsx/);
  });

  test('the drill-down shows the own school per year and category; another board’s school is a 404', async () => {
    const own = await board.get(`/besturen/${fx.boardId}/schoolprogrammas/${fx.schoolId}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Geld per schooljaar/);
    assert.match(own.body, /Per schooljaar en categorie/);
    assert.match(own.body, /Nog niet geëvalueerd/);
    const other = await board.get(`/besturen/${fx.boardId}/schoolprogrammas/${fx.otherSchoolId}`);
    assert.equal(other.statusCode, 404);
    const otherBoard = await board.get(`/besturen/${fx.otherBoardId}/schoolprogrammas/${fx.otherSchoolId}`);
    assert.equal(otherBoard.statusCode, 403);
  });

  test('the dashboard shows the board member the way to the overview with what needs attention', async () => {
    const res = await board.get('/overzicht');
    assert.equal(res.statusCode, 200);
    const html = res.body.replace(/\u00a0/g, ' ');
    assert.match(html, /Schoolprogramma's van uw scholen|Schoolprogramma&#39;s van uw scholen/);
    assert.match(
      html,
      /1 school wacht op instemming van de MR; bij 1 school is meer gepland dan beschikbaar\./,
    );
  });

  test('ministry roles and school staff never see the overview', async () => {
    for (const [role, org] of [
      ['beheerder', fx.ministryId],
      ['analist', fx.ministryId],
      ['schoolleider', fx.schoolId],
    ] as const) {
      const c = new TestClient(app, (await signInAs(database(), role, org)).cookie);
      const res = await c.get(`/besturen/${fx.boardId}/schoolprogrammas`);
      assert.equal(res.statusCode, 403, role);
      const x = await c.get(`/besturen/${fx.boardId}/schoolprogrammas.xlsx`);
      assert.equal(x.statusCode, 403, role);
    }
  });

  test('the workbook opens with exceljs: a sheet per view, a header row, euro numbers with a euro format; the export is audited', async () => {
    const res = await board.get(`/besturen/${fx.boardId}/schoolprogrammas.xlsx`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename=".+\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Scholen', 'Per categorie', 'Per school, jaar en categorie'],
    );
    const schools = wb.getWorksheet('Scholen')!;
    const head = (schools.getRow(1).values as unknown[]).slice(1);
    assert.equal(head[0], 'School');
    const col = (name: string) => head.indexOf(name) + 1;
    assert.equal(schools.rowCount, 2, 'header and school A only');
    const row = schools.getRow(2);
    assert.equal(row.getCell(1).value, 'Testschool A');
    assert.equal(row.getCell(col('Gepland')).value, 80_000);
    assert.equal(row.getCell(col('Uitgegeven')).value, 2_500);
    assert.equal(row.getCell(col('Toegekend')).value, 50_000);
    assert.match(row.getCell(col('Gepland')).numFmt, /€/);
    assert.equal(row.getCell(col('Instemming MR')).value, 'Wacht op de MR');
    const detail = wb.getWorksheet('Per school, jaar en categorie')!;
    const plannedSum = (detail.getSheetValues() as unknown[][])
      .slice(2)
      .reduce((n, r) => n + Number(r?.[4] ?? 0), 0);
    assert.equal(plannedSum, 80_000);
    const audited = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'export.schoolprogrammas-bestuur')
      .execute();
    assert.deepEqual(audited, [{ action: 'export.schoolprogrammas-bestuur', object_id: String(fx.boardId) }]);
  });

  test('the overview takes the same number of queries for a board of 1 school as for one of 6 (no query per school)', async () => {
    const db = database().db;
    const big = await generateBoard(db, { schools: 6, seed: 7, tag: `t${process.pid}` });
    const programme = await loadProgramme(db);
    let count = 0;
    const counting = db.withPlugin({
      transformQuery: (a) => {
        count++;
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    const queries = async (boardId: number) => {
      count = 0;
      const data = await loadBoardOverview(counting, boardId, programme.id, new Date());
      return { count, schools: data.overview.schools.length };
    };
    const small = await queries(fx.boardId);
    const large = await queries(big.boardId);
    assert.equal(small.schools, 1);
    assert.equal(large.schools, 6);
    assert.equal(large.count, small.count);
    assert.ok(small.count <= 16, `${small.count} queries`);
  });
});
