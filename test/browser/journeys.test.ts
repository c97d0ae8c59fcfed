// The important journeys, as a person does them in Chromium: signing in (with and without a
// second factor), a wrong password, signing out, finding a school's amounts and reading the menu.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../support/db.ts';
import { createTestApp, testConfig } from '../support/app.ts';
import { contextFor, launchBrowser, listen } from '../support/browser.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { demoEmail, demoPassword, demoTotpSecret } from '../../src/modules/accounts/demo.ts';
import { totpCode } from '../../src/modules/accounts/services/totp.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;

before(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  app = await createTestApp(database, { config: testConfig({ DEMO: 'true' }) });
  baseUrl = await listen(app);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function newPage(): Promise<Page> {
  return (await contextFor(browser, baseUrl)).newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/inloggen');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=wachtwoord]', password);
  await page.locator('main button[type=submit]').first().click();
}

test('a school leader signs in, sees the overview and signs out again', async () => {
  const page = await newPage();
  await signIn(page, demoEmail('schoolleider'), demoPassword);
  await page.waitForURL('**/overzicht');
  assert.match(await page.locator('main').innerText(), /De Uiterwaard/);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForLoadState();
  assert.equal(await page.getByRole('link', { name: 'Inloggen' }).count(), 1);
  await page.goto('/overzicht');
  assert.match(page.url(), /\/inloggen\?terug=/);
});

test('a wrong password is refused with a message, and the e-mail address stays filled in', async () => {
  const page = await newPage();
  await signIn(page, demoEmail('teamlid'), 'niet-het-goede-wachtwoord');
  assert.match(page.url(), /\/inloggen/);
  assert.equal(await page.inputValue('input[name=email]'), demoEmail('teamlid'));
  assert.ok((await page.locator('[role=alert], .utrecht-form-field-error-message').count()) > 0);
});

test('a board member signs in with a second factor and reaches the board', async () => {
  const page = await newPage();
  await signIn(page, demoEmail('bestuur'), demoPassword);
  await page.waitForSelector('input[name=code]');
  await page.fill('input[name=code]', totpCode(demoTotpSecret, new Date()));
  await page.locator('main button[type=submit]').first().click();
  await page.waitForURL('**/overzicht');
  assert.match(await page.locator('main').innerText(), /Rivierenland/);
});

test('a visitor finds a school and sees its amounts', async () => {
  const page = await newPage();
  await page.goto('/bedragen');
  await page.locator('main input[type=search], main input[name=q]').first().fill('Uiterwaard');
  await page.locator('main form button[type=submit]').first().click();
  await page
    .getByRole('link', { name: /De Uiterwaard/ })
    .first()
    .click();
  const text = await page.locator('main').innerText();
  assert.match(text, /De Uiterwaard/);
  assert.match(text, /€\s?[\d.]+,\d{2}/);
});

test('a visitor reads the menu and opens an intervention with its praktijkkaart', async () => {
  const page = await newPage();
  await page.goto('/menukaart');
  await page.getByRole('link', { name: 'Feedback', exact: true }).first().click();
  assert.match(await page.locator('h1').innerText(), /Feedback/);
  assert.match(await page.locator('main').innerText(), /Wat onderzoek zegt/);
});
