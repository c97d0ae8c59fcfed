// The retention page (school leader with its form, team member without, after a refused and a
// saved choice) and the analysis page with its growth section, in Chromium with axe (WCAG 2.1
// A/AA), without Content-Security-Policy errors, and the choice saved without JavaScript.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { generateLvs, toFlatCsv } from '../services/generator.ts';
import { checkLvsFile, storeLvsImport } from '../services/import.ts';

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
  const checked = checkLvsFile({
    name: 'export.csv',
    data: Buffer.from(toFlatCsv(generateLvs({ pupils: 160, fromYear: 2017, toYear: 2021, seed: 3 }))),
  });
  assert.ok(checked.ok);
  await database.db
    .transaction()
    .execute((trx) => storeLvsImport(trx, checked, { schoolId: fx.schoolId, personId: null }));
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

test('the retention page and the analysis page with its growth section have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolscan`;
  for (const role of ['schoolleider', 'teamlid'] as const) {
    const who = await signInAs(database, role, fx.schoolId);
    const context = await contextFor(browser, baseUrl, who.cookie);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(`${base}/bewaartermijn`);
    assert.match(await page.content(), /Wat wordt verwijderd, en wanneer/);
    await check(page, `bewaartermijn (${role})`, problems);
    if (role === 'schoolleider') {
      // A tampered choice: the error summary; then a real choice.
      await page.evaluate(() => {
        const option = document.querySelector('#bewaartermijn option') as HTMLOptionElement;
        option.value = '7';
      });
      await page.selectOption('#bewaartermijn', '7');
      await page.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
      assert.match(await page.content(), /De bewaartermijn is niet opgeslagen/);
      await check(page, 'bewaartermijn (fout)', problems);
      await page.selectOption('#bewaartermijn', '12');
      await page.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
      assert.match(await page.content(), /De bewaartermijn is opgeslagen: 1 jaar/);
      await check(page, 'bewaartermijn (opgeslagen)', problems);
      await page.goto(`${base}/${yearId}/analyse`);
      assert.match(await page.content(), /Groei van dezelfde leerlingen/);
      await check(page, 'analyse met groei', problems);
    }
    await context.close();
  }
  assert.deepEqual([...problems, ...csp], []);
});

test('the school leader saves the period without JavaScript', async () => {
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, leader.cookie, false);
  const page = await context.newPage();
  await page.goto(`/scholen/${fx.schoolId}/schoolscan/bewaartermijn`);
  await page.selectOption('#bewaartermijn', '36');
  await page.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
  assert.match(await page.content(), /De bewaartermijn is opgeslagen: 3 jaar/);
  await context.close();
});
