// The answering pages in Chromium with axe (WCAG 2.1 A/AA) and without Content-Security-Policy
// errors: the list, the overview, a section with prefill, a refused save, a conflict, the money
// table and the interventions, the check page (with open questions and complete), after submit,
// read-only after the close date, and the board's pages. Also: a conditional question appears
// at once with scripting.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { seedQuestionnaire, type SeededQuestionnaire } from './kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let school: SeededQuestionnaire;
let board: SeededQuestionnaire;
let clock = new Date('2021-09-01T09:00:00Z');

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  school = await seedQuestionnaire(database.db, { audience: 'school' });
  board = await seedQuestionnaire(database.db, { audience: 'bestuur' });
  app = await createTestApp(database, { now: () => clock });
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

test('the answering pages have 0 axe violations and no CSP errors; a conditional question appears with scripting', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/scholen/${fx.schoolId}/verantwoording/${school.id}`;
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie);
  const page = await context.newPage();
  watchCsp(page, csp);

  await page.goto(`/scholen/${fx.schoolId}/verantwoording`);
  await check(page, 'vragenlijsten', problems);
  await page.goto(base);
  await check(page, 'vragenlijst: overzicht', problems);
  await page.goto(`${base}/onderdelen/schoolscan`);
  await check(page, 'onderdeel (vooraf ingevuld)', problems);
  assert.equal(await page.isVisible('#vraag-bronnen'), false);
  await page.check('#v-schoolscan-gedaan-ja');
  assert.equal(await page.isVisible('#vraag-bronnen'), true, 'shown at once with scripting');
  // Saved as complete without the required sources: the error summary, focus, values kept.
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  assert.match(await page.title(), /^Fout: /);
  await check(page, 'onderdeel (fout)', problems);
  await page.check('#v-bronnen-lvs');
  await page.check('#v-aandachtsgebieden-cognitief');
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  assert.match(page.url(), /onderdelen\/programma$/);
  await check(page, 'onderdeel met interventies en geldtabel', problems);
  await page.fill('#v-besteding-A', '100');
  await page.fill('#v-besteding-totaal', '200');
  await page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
  assert.match(await page.content(), /tellen op tot/);
  await check(page, 'geldtabel telt niet op', problems);
  // Someone else saves in between: the conflict page.
  await database.db.updateTable('questionnaire_response').set({ revision: 9 }).execute();
  await page.fill('#v-besteding-totaal', '100');
  await page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
  assert.match(await page.content(), /Iemand anders heeft dit onderdeel opgeslagen/);
  await check(page, 'onderdeel (conflict)', problems);
  await page.goto(`${base}/controleren`);
  await check(page, 'controleren (open vragen)', problems);
  await page.goto(`${base}/onderdelen/programma`);
  await page.locator('input[name="v-interventies"]').first().check();
  await page.check('#v-mr-instemming-ja');
  await page.check('#v-team-betrokken-geraadpleegd');
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  assert.match(page.url(), /controleren$/);
  await check(page, 'controleren (compleet)', problems);
  await page.getByRole('button', { name: 'Antwoorden indienen' }).click();
  assert.match(await page.content(), /Uw antwoorden zijn ingediend/);
  await check(page, 'na indienen', problems);
  clock = new Date('2021-09-20T09:00:00Z');
  await page.goto(`${base}/onderdelen/schoolscan`);
  assert.match(await page.content(), /gesloten sinds/);
  await check(page, 'onderdeel (gesloten)', problems);
  await page.goto(`${base}/controleren`);
  await check(page, 'controleren (gesloten)', problems);
  clock = new Date('2021-09-01T09:00:00Z');
  await context.close();

  const bestuur = await signInAs(database, 'bestuur', fx.boardId);
  const boardContext = await contextFor(browser, baseUrl, bestuur.cookie);
  const boardPage = await boardContext.newPage();
  watchCsp(boardPage, csp);
  await boardPage.goto(`/besturen/${fx.boardId}/verantwoording`);
  await check(boardPage, 'bestuur: vragenlijsten', problems);
  await boardPage.goto(`/besturen/${fx.boardId}/verantwoording/${board.id}/onderdelen/programma`);
  await check(boardPage, 'bestuur: onderdeel', problems);
  await boardContext.close();
  assert.deepEqual([...problems, ...csp], []);
});
