// The budget and spending pages in Chromium with axe (WCAG 2.1 A/AA) and without CSP errors: the
// overview, the grid (leader with a refused save, team member without fields), the expenses
// list with a correction, the booking and correction forms after a refusal, and the import with
// its mapping step and its report; and the grid saved without JavaScript.
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
    .insertInto('school_plan_expense')
    .values({
      plan_id: plan.planId,
      plan_intervention_id: plan.planInterventionIds[0]!,
      cost_type: 'extern-personeel',
      school_year_id: plan.schoolYearIds[0]!,
      spent_on: '2021-11-20',
      amount_cents: -25_000,
      description: 'Creditnota',
      corrects_id: plan.expenseId,
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

test('the budget and spending pages have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolprogramma`;
  const grid = `${base}/interventies/${plan.planInterventionIds[0]}/begroting`;

  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie);
  const page = await context.newPage();
  watchCsp(page, csp);
  await page.goto(`${base}/begroting`);
  assert.match(await page.content(), /Geld per schooljaar/);
  await check(page, 'begroting (overzicht)', problems);
  await page.goto(grid);
  await check(page, 'begroting interventie', problems);
  await page.fill(`#gepland-${plan.schoolYearIds[0]}-overig`, 'heel veel');
  await page.getByRole('button', { name: 'Begroting opslaan' }).click();
  assert.match(await page.content(), /De begroting is niet opgeslagen/);
  await check(page, 'begroting interventie (fout)', problems);
  await page.goto(`${base}/uitgaven`);
  assert.match(await page.content(), /Correctie op de uitgave hierboven/);
  await check(page, 'uitgaven', problems);
  await page.goto(`${base}/uitgaven/nieuw`);
  await page.getByRole('button', { name: 'Uitgave boeken' }).click();
  assert.match(await page.content(), /De uitgave is niet geboekt/);
  await check(page, 'uitgave boeken (fout)', problems);
  await page.goto(`${base}/uitgaven/${plan.expenseId}/correctie`);
  await check(page, 'correctie', problems);
  await page.goto(`${base}/uitgaven/importeren`);
  await check(page, 'importeren', problems);
  await page.fill('#regels', 'Dag;Euro;Tekst;Project;Soort\n01-12-2021;10;Pennen;Leesproject;Kantoor');
  await page.getByRole('button', { name: 'Inlezen' }).click();
  assert.match(await page.content(), /Koppelen/);
  await check(page, 'importeren (koppelen)', problems);
  await page.fill('#regels', '').catch(() => undefined);
  await page.goto(`${base}/uitgaven/importeren`);
  await page.fill(
    '#regels',
    'datum;bedrag;omschrijving;interventie;kostensoort\n01-12-2021;tien;Pennen;X;overig',
  );
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await page.selectOption('#kolom-datum', '0').catch(() => undefined);
  await check(page, 'importeren (na inlezen)', problems);
  await context.close();

  const team = await signInAs(database, 'teamlid', fx.schoolId);
  const teamContext = await contextFor(browser, baseUrl, team.cookie);
  const teamPage = await teamContext.newPage();
  watchCsp(teamPage, csp);
  await teamPage.goto(grid);
  assert.match(await teamPage.content(), /Alleen de schoolleider/);
  await check(teamPage, 'begroting interventie (teamlid)', problems);
  await teamContext.close();
  assert.deepEqual([...problems, ...csp], []);
});

test('the school leader saves the grid without JavaScript', async () => {
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie, false);
  const page = await context.newPage();
  await page.goto(
    `/scholen/${fx.schoolId}/schoolprogramma/interventies/${plan.planInterventionIds[1]}/begroting`,
  );
  await page.fill(`#vastgelegd-${plan.schoolYearIds[0]}-eigen-personeel`, '2.500,50');
  await page.getByRole('button', { name: 'Begroting opslaan' }).click();
  assert.match(await page.content(), /De begroting is opgeslagen/);
  assert.match(await page.content(), /value="2.500,50"/);
  await context.close();
});
