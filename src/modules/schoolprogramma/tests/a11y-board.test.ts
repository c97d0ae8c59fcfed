// The board part's pages in Chromium with axe (WCAG 2.1 A/AA) and without Content-Security-
// Policy errors: the evaluation list, new and change forms (also after a refused save and after
// a conflict), the read-only evaluation for a team member, the board overview and drill-down.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let plan: SeededPlan;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  plan = await seedPlan(database.db, fx.schoolId);
  await database.db
    .insertInto('schoolscan')
    .values({
      school_id: fx.schoolId,
      school_year_id: plan.schoolYearIds[1]!,
      status: 'concept',
      created_at: new Date(),
    })
    .execute();
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const watchCsp = (page: Page, csp: string[]) =>
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });

test('the evaluation pages and the board overview have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolprogramma/interventies/${plan.planInterventionIds[0]}/evaluatie`;

  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie);
  const page = await context.newPage();
  watchCsp(page, csp);
  await page.goto(base);
  await check(page, 'evaluaties (leeg)', problems);
  await page.goto(`${base}/nieuw`);
  await check(page, 'evaluatie toevoegen', problems);
  // A refused save: the error summary and the values kept.
  await page.fill('#datum', '1-1-2020');
  await page.fill('#resultaten', 'De groep leest beter.');
  await page.selectOption('#besluit', 'stoppen');
  await page.getByRole('button', { name: 'Evaluatie opslaan' }).click();
  assert.match(await page.content(), /De evaluatie is niet opgeslagen/);
  await check(page, 'evaluatie toevoegen (fout)', problems);
  await page.fill('#datum', '14-6-2022');
  await page.fill('#reden', 'Het doel is bereikt.');
  await page.check('#link-1');
  await page.getByRole('button', { name: 'Evaluatie opslaan' }).click();
  assert.match(await page.content(), /De evaluatie is opgeslagen/);
  await check(page, 'evaluaties (met besluit)', problems);
  await page.getByRole('link', { name: /14 juni 2022/ }).click();
  await check(page, 'evaluatie wijzigen', problems);
  // Someone else saves in between: the conflict page.
  await database.db
    .updateTable('school_plan_evaluation')
    .set({ revision: 5, results: 'Door een ander' })
    .execute();
  await page.fill('#resultaten', 'Mijn wijziging');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  assert.match(await page.content(), /Iemand anders heeft deze evaluatie opgeslagen/);
  await check(page, 'evaluatie wijzigen (conflict)', problems);
  await context.close();

  const team = await signInAs(database, 'teamlid', fx.schoolId);
  const teamContext = await contextFor(browser, baseUrl, team.cookie);
  const teamPage = await teamContext.newPage();
  watchCsp(teamPage, csp);
  await teamPage.goto(base);
  await teamPage.getByRole('link', { name: /14 juni 2022/ }).click();
  await check(teamPage, 'evaluatie lezen (teamlid)', problems);
  await teamContext.close();

  const board = await signInAs(database, 'bestuur', fx.boardId);
  const boardContext = await contextFor(browser, baseUrl, board.cookie);
  const boardPage = await boardContext.newPage();
  watchCsp(boardPage, csp);
  await boardPage.goto(`/besturen/${fx.boardId}/schoolprogrammas`);
  await check(boardPage, 'bestuursoverzicht', problems);
  await boardPage.getByRole('link', { name: /Testschool A/ }).click();
  assert.match(await boardPage.content(), /Geld per schooljaar/);
  await check(boardPage, 'bestuur: school', problems);
  await boardContext.close();
  assert.deepEqual([...problems, ...csp], []);
});
