// The schoolscan pages in Chromium with real data (imported generated results, saved steps, a
// refused upload's report, a completed scan), checked with axe for WCAG 2.1 A/AA, without
// Content-Security-Policy errors, and the upload and a step save done without JavaScript.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { generateLvs, toFlatCsv } from '../services/generator.ts';
import { file, line } from './kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let yearId: number;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
  yearId = (
    await database.db
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', '2021-2022')
      .executeTakeFirstOrThrow()
  ).id;
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

test('the schoolscan pages with data have 0 axe violations and no CSP errors', async () => {
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie);
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const problems: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolscan`;

  // A refused upload: the report per line.
  await page.goto(`${base}/toetsgegevens`);
  await check(page, 'toetsgegevens (leeg)', problems);
  await page.setInputFiles('#bestand', {
    name: 'fout.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file(line(), line({ vakgebied: 'gym' }))),
  });
  await page.getByRole('button', { name: 'Gegevens inlezen' }).click();
  assert.match(await page.content(), /Onbekend vakgebied/);
  await check(page, 'toetsgegevens (rapport)', problems);

  // A good upload, with a dropped name column.
  const csv = toFlatCsv(generateLvs({ pupils: 150, fromYear: 2016, toYear: 2021, seed: 11 }))
    .replace(/^leerlingsleutel;/, 'naam;leerlingsleutel;')
    .replace(/\r\nLL/g, '\r\nPiet;LL');
  await page.setInputFiles('#bestand', {
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Gegevens inlezen' }).click();
  assert.match(await page.content(), /is ingelezen/);
  await check(page, 'toetsgegevens (ingelezen)', problems);

  // A step saved without JavaScript, then the scan, the analysis, completion and the MR page.
  await page.goto(`${base}/${yearId}`);
  await page.fill('#tekst-conclusies', 'Technisch lezen in groep 4 vraagt aandacht.');
  await page.locator('form[action$="/stappen/conclusies"] button').click();
  assert.match(await page.content(), /Stap 5. Conclusies is opgeslagen/);
  await check(page, 'scan', problems);
  for (const path of [
    base,
    `${base}/${yearId}/analyse`,
    `${base}/${yearId}/analyse?jaar=2018`,
    `${base}/${yearId}/analyse/rekenen-wiskunde-cito`,
  ]) {
    await page.goto(path);
    await check(page, path, problems);
  }
  await page.goto(`${base}/${yearId}`);
  await page.getByRole('button', { name: 'Schoolscan afronden' }).click();
  assert.match(await page.content(), /De schoolscan is afgerond/);
  await check(page, 'scan (afgerond)', problems);
  await page.goto(`${base}/conclusies`);
  await check(page, 'conclusies', problems);
  await context.close();

  const board = await signInAs(database, 'bestuur', fx.boardId);
  const boardContext = await contextFor(browser, baseUrl, board.cookie);
  const boardPage = await boardContext.newPage();
  await boardPage.goto(`/besturen/${fx.boardId}/schoolscans`);
  await check(boardPage, 'bestuur', problems);
  await boardContext.close();

  assert.deepEqual([...problems, ...csp], []);
});

test('uploading and saving a step work without JavaScript', async () => {
  const teamlid = await signInAs(database, 'teamlid', fx.schoolId);
  const context = await contextFor(browser, baseUrl, teamlid.cookie, false);
  const page = await context.newPage();
  const base = `/scholen/${fx.schoolId}/schoolscan`;
  await page.goto(`${base}/toetsgegevens`);
  await page.setInputFiles('#bestand', {
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file(line({ leerlingsleutel: 'NJ1' }))),
  });
  await page.getByRole('button', { name: 'Gegevens inlezen' }).click();
  assert.match(await page.content(), /Het bestand export\.csv is ingelezen/);
  await context.close();
  // The scan was completed above: the leader reopens it, then saves a step, all without JavaScript.
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const leaderContext = await contextFor(browser, baseUrl, leader.cookie, false);
  const leaderPage = await leaderContext.newPage();
  await leaderPage.goto(`${base}/${yearId}`);
  await leaderPage.getByRole('button', { name: 'Scan opnieuw openen' }).click();
  assert.match(await leaderPage.content(), /weer geopend/);
  await leaderPage.fill('#tekst-context', 'De school was acht weken dicht.');
  await leaderPage.locator('form[action$="/stappen/context"] button').click();
  assert.match(await leaderPage.content(), /Stap 1. De school en de coronatijd is opgeslagen/);
  assert.match(await leaderPage.content(), /De school was acht weken dicht\./);
  await leaderContext.close();
});
