// The mapped import journey in Chromium WITHOUT JavaScript, as a school leader does it: a
// generated layout-A export is refused as flat, its columns are read on the mapping page, a
// first save with mistakes shows the error summary, the mapping is saved, the same file is then
// imported with it; the mapping is opened and deleted. Every page is checked with axe (WCAG 2.1
// A/AA: 0 violations, on the page as served without JavaScript) and for Content-Security-Policy
// errors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { generateLvs, toLayoutFile } from '../services/generator.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

/**
 * axe needs scripts, and the journey runs without them: the page as the browser shows it is
 * served again, at its own address (so its styles load), to a page with scripts, and checked there.
 */
async function check(page: Page, label: string, problems: string[]) {
  const html = await page.content();
  const url = page.url();
  const context = await contextFor(browser, baseUrl, undefined, true);
  const axePage = await context.newPage();
  await axePage.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await axePage.goto(url);
  assert.equal(await axePage.title(), await page.title(), `${label}: the same page is checked`);
  const result = await new AxeBuilder({ page: axePage })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await context.close();
  for (const v of result.violations)
    problems.push(
      `${label}: ${v.id} (${v.impact}) ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
    );
}

test('a school leader maps and imports a generated layout-A export without JavaScript; the mapping pages have 0 axe violations', async () => {
  const rows = generateLvs({ pupils: 90, fromYear: 2019, toYear: 2021, seed: 4 });
  const exportFile = {
    name: 'export-indeling-a.csv',
    mimeType: 'text/csv',
    buffer: toLayoutFile(rows, 'a'),
  };
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie, false);
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const problems: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolscan`;

  // The export is not the flat format: refused, with the way to the mapping.
  await page.goto(`${base}/toetsgegevens`);
  await page.setInputFiles('#bestand', exportFile);
  await page.getByRole('button', { name: 'Gegevens inlezen' }).click();
  assert.match(await page.content(), /ontbreken verplichte kolommen/);
  await page.getByRole('link', { name: 'Koppel de kolommen' }).first().click();
  assert.equal(new URL(page.url()).pathname, `${base}/toetsgegevens/koppelingen`);
  await check(page, 'koppelingen (leeg)', problems);

  // Reading the columns without a file: the field says what to do.
  await page.getByRole('button', { name: 'Kolommen lezen' }).click();
  assert.match(await page.content(), /Kies het exportbestand met de toetsuitslagen/);
  await check(page, 'koppelingen (geen bestand)', problems);

  await page.setInputFiles('#bestand', exportFile);
  await page.getByRole('button', { name: 'Kolommen lezen' }).click();
  const form = await page.content();
  assert.match(form, /De kolom "Naam leerling" lijkt namen/);
  assert.ok(!/Sanne|Daan|de Vries/.test(form), 'no names on the page');
  await check(page, 'koppeling (nieuw)', problems);

  // First save with mistakes: no name, the codes not chosen.
  await page.getByRole('button', { name: 'Koppeling opslaan' }).click();
  const refused = await page.content();
  assert.match(refused, /De koppeling is niet opgeslagen/);
  assert.match(refused, /Geef de koppeling een naam/);
  await check(page, 'koppeling (fouten)', problems);

  // The columns were guessed; fill in the name, the provider and the meaning of each code.
  await page.fill('#naam', 'Export A groep 3 tot en met 8');
  await page.selectOption('#aanbieder', 'cito');
  const codes: Record<string, string> = {
    'BL-3': 'begrijpend-lezen',
    'RW-3': 'rekenen-wiskunde',
    'SP-3': 'spelling',
    'TL-3': 'technisch-lezen',
    'WS-3': 'overslaan',
  };
  for (const [code, target] of Object.entries(codes))
    await page.getByLabel(`"${code}" in het bestand betekent`).selectOption(target);
  await page.getByLabel('"B" in het bestand betekent').selectOption('overslaan');
  await page.getByRole('button', { name: 'Koppeling opslaan' }).click();
  assert.match(await page.content(), /De koppeling "Export A groep 3 tot en met 8" is opgeslagen/);
  await check(page, 'toetsgegevens (koppeling opgeslagen)', problems);

  // The same file again: recognised and imported with the mapping.
  await page.setInputFiles('#bestand', exportFile);
  await page.getByRole('button', { name: 'Gegevens inlezen' }).click();
  const done = await page.content();
  assert.match(done, /Het bestand export-indeling-a\.csv is ingelezen/);
  assert.match(done, /met de koppeling "Export A groep 3 tot en met 8"/);
  assert.match(done, /regels zijn overgeslagen, zoals de koppeling zegt/);
  await check(page, 'toetsgegevens (ingelezen met koppeling)', problems);
  const stored = await database.db
    .selectFrom('lvs_result')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', fx.schoolId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(stored.n), rows.length);

  // The saved mapping: listed, opened, deleted.
  await page.goto(`${base}/toetsgegevens/koppelingen`);
  await check(page, 'koppelingen (een koppeling)', problems);
  await page.getByRole('link', { name: /Export A groep 3 tot en met 8/ }).click();
  assert.match(await page.content(), /Koppeling "Export A groep 3 tot en met 8"/);
  await check(page, 'koppeling (wijzigen)', problems);
  await page.getByRole('button', { name: /verwijderen/ }).click();
  assert.match(await page.content(), /De koppeling is verwijderd/);
  await check(page, 'koppelingen (verwijderd)', problems);
  await context.close();

  assert.deepEqual([...problems, ...csp], []);
});
