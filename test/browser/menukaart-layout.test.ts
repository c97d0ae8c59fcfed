// The menukaart in Chromium at a desktop (1280 px) and a phone (390 px) width, as table and as
// cards: nothing makes the page scroll sideways, card titles do not overlap, the compare boxes
// stay in view, axe finds nothing, and the design system's typeface (Fira Sans) is loaded.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../support/db.ts';
import { createTestApp } from '../support/app.ts';
import { checkAxe, contextFor, launchBrowser, listen } from '../support/browser.ts';
import { seedDemo } from '../../src/demo/seed.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
const screens = process.env.SCREENS_DIR;

before(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function open(view: 'tabel' | 'kaarten', width: number): Promise<Page> {
  const context = await contextFor(browser, baseUrl);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const res = await page.goto(`/menukaart?weergave=${view}`);
  assert.equal(res?.status(), 200);
  await page.evaluate(() => document.fonts.ready);
  if (screens) await page.screenshot({ path: `${screens}/menukaart-${view}-${width}.png`, fullPage: true });
  return page;
}

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

async function noAxeProblems(page: Page, label: string) {
  const problems: string[] = [];
  await checkAxe(page, label, problems);
  assert.deepEqual(problems, []);
}

for (const width of [1280, 390]) {
  test(`menukaart as cards at ${width} px: no sideways scroll, card titles do not overlap, 0 axe violations, Fira Sans loaded`, async () => {
    const page = await open('kaarten', width);
    await noSidewaysScroll(page);
    const boxes = (await page.locator('.npo-menu-cards > li h2').evaluateAll((hs) =>
      hs.map((h) => {
        const r = h.getBoundingClientRect();
        return { x: r.left, y: r.top, r: r.right, b: r.bottom };
      }),
    )) as { x: number; y: number; r: number; b: number }[];
    assert.ok(boxes.length > 3, 'the demo menu has cards');
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const c = boxes[j]!;
        const overlap = a.x < c.r && c.x < a.r && a.y < c.b && c.y < a.b;
        assert.ok(!overlap, `card titles ${i + 1} and ${j + 1} overlap`);
      }
    const titlesFit = await page
      .locator('.npo-menu-cards > li')
      .evaluateAll((cards) => cards.every((li) => li.scrollWidth <= li.clientWidth));
    assert.ok(titlesFit, 'no card content is wider than its card');
    await noAxeProblems(page, `kaarten ${width}`);
    assert.ok(await page.evaluate(() => document.fonts.check('16px "Fira Sans"')), 'Fira Sans is loaded');
    await page.context().close();
  });

  test(`menukaart as table at ${width} px: no sideways scroll of the page, compare boxes within the window, a labelled scroll region${width === 1280 ? ' that needs no scrolling and is no tab stop' : ' reachable by keyboard'}, 0 axe violations, Fira Sans loaded`, async () => {
    const page = await open('tabel', width);
    await noSidewaysScroll(page);
    const boxes = page.locator('table input[type="checkbox"][name="code"]');
    assert.ok((await boxes.count()) > 3, 'the demo menu has rows');
    const inView = await boxes.evaluateAll((inputs) =>
      inputs.every((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= 0 && r.right <= window.innerWidth && r.width > 0;
      }),
    );
    assert.ok(inView, 'every compare box is within the window');
    const region = page.getByRole('region', { name: /Interventies van de menukaart/ });
    if (width === 1280) {
      const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
      assert.ok(fits, 'at 1280 px the whole table fits without scrolling');
      assert.equal(
        await region.getAttribute('tabindex'),
        null,
        'a region that does not scroll is no tab stop',
      );
    } else {
      assert.equal(await region.getAttribute('tabindex'), '0', 'the scroll region is reachable by keyboard');
    }
    await noAxeProblems(page, `tabel ${width}`);
    assert.ok(await page.evaluate(() => document.fonts.check('16px "Fira Sans"')), 'Fira Sans is loaded');
    await page.context().close();
  });
}
