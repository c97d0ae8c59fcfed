// The plan's pages in Chromium with axe (WCAG 2.1 A/AA) and without Content-Security-Policy
// errors: the home page without and with a plan, the introduction, a goal and an intervention
// (new, with errors, changed, withdrawn), both confirmation pages (and the refusal when money was
// spent); and a goal added without JavaScript.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { exampleNewFocusPoint } from '../../schoolscan/repository/examples.ts';
import { planMenu } from '../services/plan-menu.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let seeded: SeededPlan;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
  await exampleNewFocusPoint(database.db, fx.schoolId);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

test('the plan pages have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolprogramma`;
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const team = await signInAs(database, 'teamlid', fx.schoolId);
  const open = async (cookie: string) => {
    const context = await contextFor(browser, baseUrl, cookie);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    return { context, page };
  };

  const t = await open(team.cookie);
  await t.page.goto(base);
  assert.match(await t.page.content(), /Wat is een schoolprogramma/);
  await check(t.page, 'zonder plan (teamlid)', problems);

  const { context, page } = await open(leader.cookie);
  await page.goto(base);
  await check(page, 'zonder plan (schoolleider)', problems);
  await page.getByRole('button', { name: 'Schoolprogramma starten' }).click();
  assert.match(await page.content(), /Het schoolprogramma is gestart/);
  await check(page, 'leeg plan', problems);

  seeded = await seedPlan(database.db, fx.schoolId, new Date());
  // The second seeded intervention is withdrawn from the menu in force: it stays, marked.
  const menu = await planMenu(database.db, new Date(), 'BO');
  await database.db
    .updateTable('menukaart_entry')
    .set({ withdrawn: true })
    .where('version_id', '=', menu.version.id)
    .where('intervention_id', '=', seeded.interventionIds[1]!)
    .execute();

  await page.goto(`${base}/inleiding`);
  await check(page, 'inleiding', problems);
  await page.goto(`${base}/doelen/nieuw`);
  await check(page, 'nieuw doel', problems);
  await page.getByRole('button', { name: 'Doel toevoegen' }).click();
  assert.match(await page.content(), /Het doel is niet opgeslagen/);
  await check(page, 'nieuw doel (fouten)', problems);
  await page.goto(`${base}/doelen/${seeded.goalIds[0]}`);
  await check(page, 'doel wijzigen', problems);
  await page.goto(`${base}/doelen/${seeded.goalIds[0]}/verwijderen`);
  await check(page, 'doel verwijderen', problems);
  await page.goto(`${base}/interventies/nieuw`);
  await check(page, 'nieuwe interventie', problems);
  await page.getByRole('button', { name: 'Interventie toevoegen' }).click();
  assert.match(await page.content(), /De interventie is niet opgeslagen/);
  await check(page, 'nieuwe interventie (fouten)', problems);
  await page.goto(`${base}/interventies/${seeded.planInterventionIds[1]}`);
  assert.match(await page.content(), /Ingetrokken uit de menukaart/);
  await check(page, 'interventie wijzigen (ingetrokken)', problems);
  await page.goto(`${base}/interventies/${seeded.planInterventionIds[0]}/verwijderen`);
  assert.match(await page.content(), /kan niet worden verwijderd/);
  await check(page, 'interventie verwijderen (met uitgaven)', problems);
  await page.goto(`${base}/interventies/${seeded.planInterventionIds[1]}/verwijderen`);
  await check(page, 'interventie verwijderen', problems);
  await page.goto(base);
  assert.match(await page.content(), /Ingetrokken uit de menukaart/);
  await check(page, 'plan (schoolleider)', problems);
  await t.page.goto(base);
  await check(t.page, 'plan (teamlid)', problems);
  await context.close();
  await t.context.close();
  assert.deepEqual([...problems, ...csp], []);
});

test('the school leader adds a goal without JavaScript', async () => {
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie, false);
  const page = await context.newPage();
  await page.goto(`/scholen/${fx.schoolId}/schoolprogramma/doelen/nieuw`);
  await page.fill('#wat', 'Groep 6 rekent weer op niveau.');
  await page.fill('#voorwie', 'Groep 6');
  await page.fill('#datum', '14-07-2023');
  await page.fill('#meting', 'Toets rekenen in juni.');
  await page.getByRole('button', { name: 'Doel toevoegen' }).click();
  assert.match(await page.content(), /Het doel is toegevoegd/);
  assert.match(await page.content(), /Groep 6 rekent weer op niveau\./);
  await context.close();
});
