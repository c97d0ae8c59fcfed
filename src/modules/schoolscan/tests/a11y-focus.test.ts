// Focus points (aandachtspunten) in Chromium: adding one from a comparison on the analysis page
// without JavaScript, and axe (WCAG 2.1 A/AA) on the list, the form (empty, with errors and
// when changing), the confirmation before removing, the analysis with its links, and the pages
// of the MR and the board with focus points, without Content-Security-Policy errors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { generateLvs, toFlatCsv } from '../services/generator.ts';
import { upload } from './kit.ts';

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
  const leader = new TestClient(app, (await signInAs(database, 'schoolleider', fx.schoolId)).cookie);
  const csv = toFlatCsv(generateLvs({ pupils: 150, fromYear: 2017, toYear: 2021, seed: 4 }));
  const res = await upload(app, leader, fx.schoolId, csv);
  assert.equal(res.statusCode, 303);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const base = () => `/scholen/${fx.schoolId}/schoolscan/${yearId}`;

test('a focus point is added from the analysis link without JavaScript', async () => {
  const teamlid = await signInAs(database, 'teamlid', fx.schoolId);
  const context = await contextFor(browser, baseUrl, teamlid.cookie, false);
  const page = await context.newPage();
  await page.goto(`${base()}/analyse`);
  await page.locator('a[href*="vergelijking=vgl-rekenen-wiskunde-cito-5m"]').click();
  assert.match(page.url(), /\/aandachtspunten\/nieuw\?vergelijking=vgl-rekenen-wiskunde-cito-5m&jaar=2021$/);
  assert.equal(await page.locator('#domein').inputValue(), 'rekenen-wiskunde');
  assert.ok(await page.locator('#groep-5').isChecked());
  assert.ok(Number(await page.locator('#leerlingen').inputValue()) > 0);
  await page.locator('#ernst-zorg').check();
  await page.fill('#doel', 'Aan het eind van het jaar rekent groep 5 weer zoals eerdere jaargangen.');
  await page.getByRole('button', { name: 'Aandachtspunt toevoegen' }).click();
  const html = await page.content();
  assert.match(html, /Het aandachtspunt is toegevoegd/);
  assert.match(html, /Rekenen-wiskunde, groep 5/);
  assert.match(html, /Rekenen-wiskunde \(Cito\), groep 5 midden, 2021-2022/);
  // The evidence link leads back to the comparison on the analysis page.
  const link = page.getByRole('link', { name: 'Rekenen-wiskunde (Cito), groep 5 midden, 2021-2022' });
  assert.match(String(await link.getAttribute('href')), /\/analyse\?jaar=2021#vgl-rekenen-wiskunde-cito-5m$/);
  await link.click();
  assert.equal(await page.locator('#vgl-rekenen-wiskunde-cito-5m').count(), 1);
  await context.close();
});

test('the focus point pages have 0 axe violations and no CSP errors', async () => {
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie);
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const problems: string[] = [];

  await page.goto(`${base()}/aandachtspunten/nieuw`);
  await check(page, 'formulier (leeg)', problems);
  await page.getByRole('button', { name: 'Aandachtspunt toevoegen' }).click();
  assert.match(await page.content(), /Het aandachtspunt is niet opgeslagen/);
  await check(page, 'formulier (fouten)', problems);
  await page.selectOption('#domein', 'welbevinden');
  await page.locator('#groep-7').check();
  await page.locator('#groep-8').check();
  await page.fill('#leerlingen', '40');
  await page.locator('#ernst-aandacht').check();
  await page.fill(
    '#onderbouwing',
    'Leerlingen vertellen in de kringgesprekken dat zij zich minder thuis voelen.',
  );
  await page.fill('#doel', 'Leerlingen van groep 7 en 8 voelen zich weer veilig en thuis op school.');
  await page.getByRole('button', { name: 'Aandachtspunt toevoegen' }).click();
  assert.match(await page.content(), /Het aandachtspunt is toegevoegd/);
  await check(page, 'lijst', problems);

  await page.getByRole('link', { name: /Wijzigen\s*: Welbevinden, groep 7 en 8/ }).click();
  await check(page, 'formulier (wijzigen)', problems);
  await page.goto(`${base()}/aandachtspunten`);
  await page.getByRole('link', { name: /Verwijderen\s*: Welbevinden, groep 7 en 8/ }).click();
  assert.match(await page.content(), /Weet u zeker/);
  await check(page, 'verwijderen (bevestigen)', problems);
  await page.goto(`${base()}/analyse`);
  await check(page, 'analyse met links', problems);

  // Completed: the read-only pages, the MR's conclusions and the board's overview.
  const scan = await database.db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', fx.schoolId)
    .where('school_year_id', '=', yearId)
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('schoolscan_section')
    .values({ scan_id: scan.id, section: 'conclusies', body: 'Rekenen en welbevinden vragen aandacht.' })
    .onConflict((oc) => oc.columns(['scan_id', 'section']).doNothing())
    .execute();
  await page.goto(base());
  await page.getByRole('button', { name: 'Schoolscan afronden' }).click();
  assert.match(await page.content(), /De schoolscan is afgerond/);
  await page.goto(`${base()}/aandachtspunten`);
  await check(page, 'lijst (afgerond)', problems);
  await context.close();

  const mr = await signInAs(database, 'mr-lid', fx.schoolId);
  const mrContext = await contextFor(browser, baseUrl, mr.cookie);
  const mrPage = await mrContext.newPage();
  await mrPage.goto(`/scholen/${fx.schoolId}/schoolscan/conclusies`);
  assert.match(await mrPage.content(), /Welbevinden, groep 7 en 8/);
  await check(mrPage, 'conclusies (MR)', problems);
  await mrContext.close();

  const board = await signInAs(database, 'bestuur', fx.boardId);
  const boardContext = await contextFor(browser, baseUrl, board.cookie);
  const boardPage = await boardContext.newPage();
  await boardPage.goto(`/besturen/${fx.boardId}/schoolscans`);
  assert.match(await boardPage.content(), /Leerlingen van groep 7 en 8 voelen zich weer veilig/);
  await check(boardPage, 'bestuur', problems);
  await boardContext.close();

  assert.deepEqual([...problems, ...csp], []);
});
