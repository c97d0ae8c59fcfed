// The redactie's new pages in Chromium with axe (WCAG 2.1 A/AA): the preview of the menu and of
// an intervention, the publish form (empty and with an error), the confirmation, the home page
// with a scheduled version, cancelling it, the word-level diff, withdrawing a kennisplein
// example (with an error) and the public page of a withdrawn example. (axe needs JavaScript in the
// page; the forms without it are covered by the app.inject tests.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { checkAxe, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { importPraktijkkaarten } from '../services/praktijkkaart-import.ts';
import { publishedExampleItem } from '../routes/support.ts';
import { draftWithEffect } from './kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let editorContext: BrowserContext;
let page: Page;
const problems: string[] = [];

before(async () => {
  database = await createTestDatabase();
  await importPraktijkkaarten(database.db, { strict: false });
  fx = await createFixtures(database);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
  const signedIn = await signInAs(database, 'redactie', fx.ministryId);
  await draftWithEffect(database.db, new TestClient(app, signedIn.cookie), 7);
  editorContext = await contextFor(browser, baseUrl, signedIn.cookie);
  page = await editorContext.newPage();
  // A missing element fails the test within seconds instead of waiting for ever.
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function visit(url: string, label: string, status = 200) {
  const res = await page.goto(url);
  assert.equal(res?.status(), status, label);
  await checkAxe(page, label, problems);
}

test('preview, publish with an error, confirmation, scheduled, cancel, diff: 0 axe violations', async () => {
  await visit('/redactie/menukaart/concept/voorbeeld', 'voorbeeld menukaart');
  await page.getByRole('link', { name: 'Feedback' }).first().click();
  assert.match(page.url(), /\/redactie\/menukaart\/concept\/voorbeeld\/B6$/);
  await checkAxe(page, 'voorbeeld B6', problems);
  await visit('/redactie/menukaart/concept/verschil', 'verschil met woordmarkering');
  assert.ok((await page.locator('td ins').count()) > 0, 'words marked');

  await visit('/redactie/menukaart/concept/publiceren', 'publiceren: formulier');
  await page.fill('#titel', 'Menukaart proef');
  await page.fill('#geldigVanaf', '1-1-2020');
  await page.fill('#toelichting', 'Feedback: nieuwe cijfers.');
  await page.getByRole('button', { name: 'Controleren' }).click();
  assert.match(await page.content(), /of een latere datum/);
  assert.equal(await page.locator('#geldigVanaf').inputValue(), '1-1-2020', 'the value is kept');
  await checkAxe(page, 'publiceren: met fout', problems);

  const later = new Date(Date.now() + 40 * 86_400_000);
  await page.fill(
    '#geldigVanaf',
    `${later.getUTCDate()}-${later.getUTCMonth() + 1}-${later.getUTCFullYear()}`,
  );
  await page.getByRole('button', { name: 'Controleren' }).click();
  assert.match(await page.content(), /Deze versie publiceren\?/);
  await checkAxe(page, 'publiceren: bevestigen', problems);
  await page.getByRole('button', { name: 'Ja, publiceren en plannen' }).click();
  assert.match(page.url(), /melding=gepland$/);
  await checkAxe(page, 'redactie met geplande versie', problems);

  await page.getByRole('link', { name: /Planning annuleren/ }).click();
  await checkAxe(page, 'planning annuleren: bevestigen', problems);
  await page.getByRole('button', { name: 'Planning annuleren' }).click();
  assert.match(page.url(), /melding=geannuleerd$/);
  assert.deepEqual(problems, []);
});

test('withdrawing a kennisplein example, and its public page afterwards: 0 axe violations', async () => {
  const itemId = await publishedExampleItem(database.db, fx.schoolId);
  await visit('/redactie/kennisplein', 'kennisplein redactie met gepubliceerde voorbeelden');
  await visit(`/redactie/kennisplein/${itemId}/intrekken`, 'intrekken: bevestigen');
  await page.getByRole('button', { name: 'Intrekken' }).click();
  assert.match(await page.content(), /Schrijf waarom het wordt ingetrokken/);
  await checkAxe(page, 'intrekken: met fout', problems);
  await page.fill('#reden', 'Op verzoek van de school.');
  await page.getByRole('button', { name: 'Intrekken' }).click();
  assert.match(page.url(), /melding=ingetrokken$/);
  const visitor = await contextFor(browser, baseUrl);
  page = await visitor.newPage();
  page.setDefaultTimeout(20_000);
  await visit(`/kennisplein/${itemId}`, 'ingetrokken voorbeeld (publiek)', 410);
  assert.deepEqual(problems, []);
});
