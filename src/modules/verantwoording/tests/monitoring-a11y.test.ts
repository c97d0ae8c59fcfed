// The monitoring pages in Chromium with axe (WCAG 2.1 A/AA) and without Content-Security-Policy
// errors: the dashboard (with figures, with a filter of too few schools, with an empty filter),
// one submitted answer, the list of a round's submissions (found and empty), and the public open
// data page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { seedQuestionnaire, testDefinition } from './kit.ts';
import { seedSubmissions, times } from './monitoring-kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let submissionIds: number[];
let roundId: number;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  const { id } = await seedQuestionnaire(database.db, { slug: 'monitoring-a11y' });
  roundId = id;
  const answers = {
    'schoolscan-gedaan': 'ja',
    bronnen: ['lvs', 'team'],
    aandachtsgebieden: ['cognitief'],
    interventies: ['B2'],
    'mr-instemming': 'ja',
    besteding: { A: 100_000 },
    'team-betrokken': 'meebeslist',
    'uren-extra': 4,
    'extra-kosten': 12_345,
    toelichting: 'Het team werkt in kleine groepen.',
  };
  submissionIds = await seedSubmissions(database.db, fx.boardId, id, testDefinition, [
    ...times(12, { sector: 'BO', answers }),
    ...times(4, { sector: 'VO', answers: { ...answers, 'mr-instemming': 'nee' } }),
  ]);
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

test('the monitoring pages have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const analist = await signInAs(database, 'analist', fx.ministryId);
  const context = await contextFor(browser, baseUrl, analist.cookie);
  const page = await context.newPage();
  watchCsp(page, csp);
  await page.goto('/monitoring');
  assert.match(await page.content(), /Schoolscan gemaakt/);
  await check(page, 'monitoring', problems);
  await page.selectOption('#sector', 'vo');
  await page.getByRole('button', { name: 'Cijfers tonen' }).click();
  assert.match(await page.content(), /In deze selectie zitten minder dan 5 scholen/);
  await check(page, 'monitoring (te weinig scholen)', problems);
  await page.goto('/monitoring?provincie=Zeeland');
  assert.match(await page.content(), /Er zijn geen scholen/);
  await check(page, 'monitoring (geen scholen)', problems);
  await page.goto(`/monitoring/inzendingen/${submissionIds[0]}`);
  await check(page, 'inzending', problems);
  await page.goto(`/monitoring/vragenlijsten/${roundId}/inzendingen`);
  await page.getByLabel('Zoeken').fill('Monitorschool');
  await page.getByRole('button', { name: 'Inzendingen tonen' }).click();
  assert.match(await page.content(), /16 inzendingen met zoekterm/);
  await check(page, 'inzendingen', problems);
  await page.goto(`/monitoring/vragenlijsten/${roundId}/inzendingen?provincie=Zeeland`);
  assert.match(await page.content(), /Er zijn geen inzendingen met provincie Zeeland/);
  await check(page, 'inzendingen (geen)', problems);
  await context.close();

  const visitor = await browser.newContext({ baseURL: baseUrl });
  const open = await visitor.newPage();
  watchCsp(open, csp);
  await open.goto('/open-data/verantwoording');
  await check(open, 'open data verantwoording', problems);
  await visitor.close();
  assert.deepEqual([...problems, ...csp], []);
});
