// The annual report pages in Chromium with axe (WCAG 2.1 A/AA) and without Content-Security-Policy
// errors: the years, a concept report with prefilled texts, a refused save, a conflict, the
// confirmation page, a confirmed report, the reopen page, the text page and a refused confirmation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { seedPlan } from '../../schoolprogramma/tests/kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  const plan = await seedPlan(database.db, fx.schoolId);
  await database.db
    .insertInto('school_plan_evaluation')
    .values({
      plan_intervention_id: plan.planInterventionIds[0]!,
      evaluated_on: '2022-06-14',
      results: 'Twee derde van de groep leest op niveau.',
      evidence_links: '[]',
      decision: 'bijstellen',
      created_at: new Date(),
      updated_at: new Date(),
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

test('the annual report pages have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/besturen/${fx.boardId}/jaarverslag`;
  const board = await signInAs(database, 'bestuur', fx.boardId);
  const context = await contextFor(browser, baseUrl, board.cookie);
  const page = await context.newPage();
  watchCsp(page, csp);

  await page.goto(base);
  await check(page, 'jaarverslag: jaren', problems);
  await page.getByRole('link', { name: 'Jaarverslag 2022' }).click();
  await check(page, 'jaarverslag 2022 (concept)', problems);
  await page.goto(`${base}/2022/bevestigen`);
  assert.match(await page.content(), /Sla eerst de teksten/);
  await check(page, 'bevestigen (nog niet mogelijk)', problems);

  // A refused save: too long a text; the error summary and the values kept.
  await page.goto(`${base}/2022`);
  await page.fill('#betrokkenheid', 'Ouders en leraren dachten mee.');
  // The browser stops at maxlength; a pasted text from elsewhere may not, so lift it here.
  await page.evaluate(() => document.querySelector('#bovenschools')!.removeAttribute('maxlength'));
  await page.fill('#bovenschools', 'x'.repeat(5001));
  await page.getByRole('button', { name: 'Teksten opslaan' }).click();
  assert.match(await page.title(), /^Fout: /);
  await check(page, 'jaarverslag (fout)', problems);
  await page.fill('#bovenschools', '');
  await page.fill('#eerste-resultaten', 'De groepjes werken.');
  await page.getByRole('button', { name: 'Teksten opslaan' }).click();
  assert.match(await page.content(), /Uw teksten zijn opgeslagen/);

  // Someone else saves in between: the conflict page.
  await database.db.updateTable('board_report').set({ revision: 7 }).execute();
  await page.fill('#betrokkenheid', 'Mijn wijziging');
  await page.getByRole('button', { name: 'Teksten opslaan' }).click();
  assert.match(await page.content(), /Iemand anders heeft dit verslag opgeslagen/);
  await check(page, 'jaarverslag (conflict)', problems);
  await page.getByRole('button', { name: 'Teksten opslaan' }).click();

  await page.getByRole('link', { name: 'Jaarverslag 2022 bevestigen' }).click();
  await check(page, 'jaarverslag bevestigen', problems);
  await page.getByRole('button', { name: /Ja, jaarverslag 2022 bevestigen/ }).click();
  assert.match(await page.content(), /Het jaarverslag is bevestigd/);
  await check(page, 'jaarverslag (bevestigd)', problems);
  await page.getByRole('link', { name: 'Tekst om in uw bestuursverslag te plakken' }).click();
  await check(page, 'jaarverslag (tekst)', problems);
  await page.goto(`${base}/2022/heropenen`);
  await check(page, 'jaarverslag heropenen', problems);
  await context.close();
  assert.deepEqual([...problems, ...csp], []);
});
