// The keuzehulp pages in Chromium with JavaScript off: a team member chooses an intervention
// for a focus point and removes it again with plain forms, and every state of the pages (the
// overview with its suggestion, a focus point before and after choosing, the
// read-only view of a completed scan) has 0 axe violations (WCAG 2.1 A/AA).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { ensureExampleAmount } from '../../funding/repository/reservations.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let yearId: number;
let scanId: number;
const focus: number[] = [];

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
  const db = database.db;
  yearId = (
    await db.selectFrom('school_year').select('id').where('label', '=', '2021-2022').executeTakeFirstOrThrow()
  ).id;
  scanId = (
    await db
      .insertInto('schoolscan')
      .values({ school_id: fx.schoolId, school_year_id: yearId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const points = [
    ['rekenen-wiskunde', 28, 'zorg'],
    ['welbevinden', 60, 'aandacht'],
    ['executieve-functies', 24, 'ernstig'],
  ] as const;
  for (const [i, [domain, pupils, severity]] of points.entries())
    focus.push(
      (
        await db
          .insertInto('schoolscan_focus_point')
          .values({
            scan_id: scanId,
            domain,
            grades: [5, 6],
            pupils,
            severity,
            evidence: 'Uit de analyse van de toetsgegevens en de gesprekken met leerlingen.',
            evidence_links: '[]',
            goal: 'Aan het eind van het schooljaar is het verschil met eerdere jaargangen kleiner.',
            position: i + 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  await ensureExampleAmount(db, fx.schoolId, fx.boardId);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

test('a team member chooses and removes an intervention without JavaScript; every keuzehulp page has 0 axe violations', async () => {
  const teamlid = await signInAs(database, 'teamlid', fx.schoolId);
  // The forms are used with JavaScript off; axe (which runs as a script) checks each state in a
  // second, ordinary page of the same session.
  const noJs = await contextFor(browser, baseUrl, teamlid.cookie, false);
  const withJs = await contextFor(browser, baseUrl, teamlid.cookie);
  const page = await noJs.newPage();
  const axePage = await withJs.newPage();
  page.setDefaultTimeout(30_000);
  axePage.setDefaultTimeout(30_000);
  const problems: string[] = [];
  const check = async (label: string) => {
    await axePage.goto(page.url());
    const result = await new AxeBuilder({ page: axePage })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const v of result.violations)
      problems.push(
        `${label}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
      );
  };
  const base = `/scholen/${fx.schoolId}/schoolscan/${yearId}/keuzehulp`;

  await page.goto(base);
  assert.match(await page.content(), /Voorstel binnen het geld dat over is/);
  await check('keuzehulp');

  await page.goto(`${base}/${focus[0]}`);
  await check('aandachtspunt');
  await page.getByRole('button', { name: 'Kiezen B6 Feedback' }).click();
  assert.match(page.url(), /\?gekozen=B6$/);
  assert.match(await page.content(), /B6 is gekozen/);
  await check('aandachtspunt (gekozen)');

  // A focus point with C interventions, some without scores, and F not yet choosable.
  await page.goto(`${base}/${focus[1]}`);
  await check('welbevinden');

  // Choosing from the overview returns to the overview.
  await page.goto(base);
  await page.getByRole('button', { name: /^Kiezen D1 / }).click();
  assert.match(page.url(), /keuzehulp\?gekozen=D1#ap-/);
  await check('keuzehulp (gekozen)');

  await page.goto(`${base}/${focus[0]}`);
  await page.getByRole('button', { name: 'Verwijderen B6 Feedback' }).click();
  assert.match(await page.content(), /B6 is verwijderd/);

  // Read-only once the scan is completed.
  await database.db
    .updateTable('schoolscan')
    .set({ status: 'afgerond', completed_at: new Date() })
    .where('id', '=', scanId)
    .execute();
  await page.goto(base);
  assert.match(await page.content(), /de keuzes staan vast/);
  assert.equal(await page.getByRole('button', { name: /^Kiezen / }).count(), 0);
  await check('keuzehulp (afgerond)');
  await noJs.close();
  await withJs.close();

  assert.deepEqual(problems, []);
});
