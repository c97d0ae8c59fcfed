// The dashboard with key figures in Chromium with axe (WCAG 2.1 A/AA), without Content-Security-
// Policy errors, and at 320 CSS pixels wide without sideways scrolling (WCAG 1.4.10 reflow): for a
// school leader (amounts, reservation, plan state) and for a board member (totals, reservations).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { ensureExampleAmount, insertExampleReservation } from '../../funding/repository/reservations.ts';
import { seedPlanWithVersion } from './dashboard-kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  await ensureExampleAmount(database.db, fx.schoolId, fx.boardId);
  await insertExampleReservation(database.db, fx.boardId, fx.schoolId);
  await seedPlanWithVersion(database.db, fx.schoolId);
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

/** Whether the page scrolls sideways at its current width. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test('the dashboard with figures has 0 axe violations, no CSP errors and reflows at 320 px', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  for (const [role, org, figure] of [
    ['schoolleider', fx.schoolId, 'Bedrag 2021-2022'],
    ['bestuur', fx.boardId, 'Totaal voor uw scholen 2021-2022'],
  ] as const) {
    const { cookie } = await signInAs(database, role, org);
    const context = await contextFor(browser, baseUrl, cookie);
    const page = await context.newPage();
    watchCsp(page, csp);
    await page.goto('/overzicht');
    assert.equal(await page.getByRole('heading', { level: 3, name: figure }).count(), 1, role);
    // The cards are a list a screen reader can count.
    assert.ok(
      (await page
        .getByRole('list', { name: /^Kerncijfers/ })
        .getByRole('listitem')
        .count()) >= 2,
      role,
    );
    await check(page, `overzicht (${role})`, problems);
    await page.setViewportSize({ width: 320, height: 800 });
    assert.equal(await scrollsSideways(page), false, `${role}: sideways scroll at 320 px`);
    await check(page, `overzicht (${role}, 320 px)`, problems);
    await context.close();
  }
  assert.deepEqual([...problems, ...csp], []);
});
