// Every HTML page of the route registry (config.page), rendered in Chromium and checked with
// axe for WCAG 2.1 A/AA: 0 violations allowed. Pages behind a sign-in are visited as a role
// that may open them. Also: no Content-Security-Policy errors in the console, and no sideways
// scrolling at 1280 or at 320 px (reflow, WCAG 1.4.10).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../support/db.ts';
import { createFixtures, createTestApp, orgForRole, signInAs, type Fixtures } from '../support/app.ts';
import { checkReflow, contextFor, launchBrowser, listen } from '../support/browser.ts';
import { expectedOutcome, someoneAllowed, type Subject } from '../support/subjects.ts';
import { boardRoles, platformRoles, schoolRoles } from '../../src/platform/auth/principal.ts';
import { seedDemo } from '../../src/demo/seed.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;

before(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
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

async function pagesToVisit() {
  const pages: { label: string; path: string; cookie?: string }[] = [];
  for (const route of app.platform.routes) {
    if (route.method !== 'GET' || !route.config.page) continue;
    const a = route.config.access!;
    const subject = someoneAllowed(a);
    const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: database.db };
    const params = route.url.includes(':') ? await route.config.examples!.params!(tenant) : {};
    const q = route.config.examples?.query;
    const query = typeof q === 'function' ? await q(tenant) : (q ?? '');
    const path =
      route.url.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String(params[k]))) + query;
    const cookie =
      subject === 'bezoeker'
        ? undefined
        : (await signInAs(database, subject, orgForRole(fx, subject))).cookie;
    pages.push({ label: `${route.url} als ${subject}`, path, cookie });
  }
  return pages;
}

test('every page has 0 axe violations (WCAG 2.1 A/AA), no CSP errors and no sideways scrolling at 1280 and 320 px', async () => {
  const pages = await pagesToVisit();
  assert.ok(pages.length >= 3, 'the registry lists pages');
  const problems: string[] = [];
  const visit = async (p: (typeof pages)[number]) => {
    const context = await contextFor(browser, baseUrl, p.cookie);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    const res = await page.goto(p.path);
    if (!res || res.status() >= 400) problems.push(`${p.label}: HTTP ${res?.status()}`);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const v of result.violations) {
      problems.push(
        `${p.label}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
      );
    }
    for (const c of csp) problems.push(`${p.label}: ${c}`);
    await checkReflow(page, p.label, problems);
    await context.close();
  };
  // Two pages at a time: the server, the browser and axe each wait on the others part of the time.
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < pages.length) await visit(pages[next++]!);
    }),
  );
  assert.deepEqual(problems, []);
});

test('every page also fits 1280 and 320 px as each other role that may open it', async () => {
  const roles = [...schoolRoles, ...boardRoles, ...platformRoles];
  const cookies = new Map<Subject, string>();
  for (const role of roles) cookies.set(role, (await signInAs(database, role, orgForRole(fx, role))).cookie);
  const visits: { label: string; path: string; cookie: string }[] = [];
  for (const p of await pagesToVisit()) {
    const route = app.platform.routes.find((r) => p.label.startsWith(`${r.url} als `) && r.method === 'GET')!;
    const access = route.config.access!;
    for (const role of roles)
      if (role !== someoneAllowed(access) && expectedOutcome(access, role, true) === 'allow')
        visits.push({ label: `${route.url} als ${role}`, path: p.path, cookie: cookies.get(role)! });
  }
  assert.ok(visits.length > 50, 'many pages are open to more than one role');
  const problems: string[] = [];
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < visits.length) {
        const v = visits[next++]!;
        const context = await contextFor(browser, baseUrl, v.cookie);
        const page = await context.newPage();
        await page.goto(v.path);
        await checkReflow(page, v.label, problems);
        await context.close();
      }
    }),
  );
  assert.deepEqual(problems, []);
});

test('the pages whose header and content depend on the role fit 1280 and 320 px as every role', async () => {
  const problems: string[] = [];
  for (const role of [...schoolRoles, ...boardRoles, ...platformRoles]) {
    const { cookie } = await signInAs(database, role, orgForRole(fx, role));
    const context = await contextFor(browser, baseUrl, cookie);
    const page = await context.newPage();
    for (const path of ['/', '/overzicht', '/account']) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path);
      await checkReflow(page, `${path} als ${role}`, problems);
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('signed in on a phone, the account links sit behind a Menu button that opens by keyboard', async () => {
  const { cookie } = await signInAs(database, 'schoolleider', fx.schoolId);
  const context = await contextFor(browser, baseUrl, cookie);
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/overzicht');
  const signOut = page.getByRole('button', { name: 'Uitloggen' });
  assert.equal(await signOut.isVisible(), false, 'folded away at first');
  await page.locator('.npo-tools-menu summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await signOut.isVisible(), true, 'Uitloggen shows after opening the menu');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.locator('.npo-tools-menu').isVisible(), false, 'no Menu button on a wide window');
  assert.equal(await signOut.isVisible(), true, 'Uitloggen in the row on a wide window');
  await context.close();
});

test('the first Tab lands on the skip link, which moves focus to the content', async () => {
  const context = await contextFor(browser, baseUrl);
  const page = await context.newPage();
  await page.goto('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Naar de inhoud');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');
  await context.close();
});

test('pages work without JavaScript', async () => {
  const context = await contextFor(browser, baseUrl, undefined, false);
  const page = await context.newPage();
  await page.goto('/');
  assert.equal(await page.locator('h1').first().textContent(), 'Nationaal Programma Onderwijs');
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});
