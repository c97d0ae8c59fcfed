// After a failed submit the keyboard starts at what went wrong: the error summary has the focus
// (document.activeElement), with JavaScript and without, and the title starts with "Fout: ".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../support/db.ts';
import { createTestApp } from '../support/app.ts';
import { contextFor, launchBrowser, listen } from '../support/browser.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

before(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

for (const javaScript of [true, false]) {
  test(`submitting the empty sign-in form puts the focus on the error summary (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
    const context = await contextFor(browser, baseUrl, undefined, javaScript);
    try {
      const page = await context.newPage();
      await page.goto('/inloggen');
      await page.locator('main button[type=submit]').first().click();
      await page.waitForLoadState('load');
      assert.match(await page.title(), /^Fout: Inloggen/);
      // Autofocus is applied after the document loads; allow it a moment.
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-foutoverzicht'), null, {
        timeout: 5000,
      });
      const active = await page.evaluate(() => ({
        marked: document.activeElement?.hasAttribute('data-foutoverzicht'),
        text: (document.activeElement as HTMLElement | null)?.innerText ?? '',
      }));
      assert.equal(active.marked, true);
      assert.match(active.text, /Controleer de volgende velden/);
      // The browser showed no bubble of its own: the server answered (novalidate).
      assert.equal((await page.locator('.utrecht-form-field-error-message').count()) > 0, true);
    } finally {
      await context.close();
    }
  });
}
