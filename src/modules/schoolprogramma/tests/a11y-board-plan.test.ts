// The board-level plan's pages in Chromium with axe (WCAG 2.1 A/AA) and without CSP errors: the
// board fills the plan and submits it through the forms (with a refused input on the way), the GMR
// reads, comments and decides, the school reads what was reserved; and the funding page's
// reservation form with its new fields, after a refusal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  testConfig,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { ensureExampleAmount } from '../../funding/repository/reservations.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let dataDir: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-boardplan-a11y-'));
  database = await createTestDatabase();
  fx = await createFixtures(database);
  app = await createTestApp(database, { config: testConfig({ DATA_DIR: dataDir, FORM_RATE_LIMIT: '1000' }) });
  baseUrl = await listen(app);
  browser = await launchBrowser();
  await ensureExampleAmount(database.db, fx.schoolId, fx.boardId);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(cookie: string, csp: string[]): Promise<Page> {
  const context = await contextFor(browser, baseUrl, cookie);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  return page;
}

test('the board-level plan, its versions, the GMR decision and the school page have 0 axe violations', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/besturen/${fx.boardId}/bovenschools`;

  const board = await open((await signInAs(database, 'bestuur', fx.boardId)).cookie, csp);
  await board.goto(base);
  await check(board, 'plan (leeg)', problems);
  await board.goto(`${base}/interventies/nieuw`);
  await board.fill('#titel', 'Zomerschool voor alle scholen');
  await board.selectOption('#categorie', 'B');
  await board.selectOption('#interventie', 'A3');
  await board.fill('#verantwoordelijke', 'Coördinator');
  await board.getByRole('button', { name: 'Opslaan' }).click();
  assert.match(await board.content(), /De interventie is niet opgeslagen/);
  await check(board, 'interventie (fout)', problems);
  await board.selectOption('#categorie', 'A');
  await board.getByRole('button', { name: 'Opslaan' }).click();
  assert.match(await board.content(), /is toegevoegd/);

  // A reservation from the school's money for it, on the funding page (first refused).
  await board.goto(`/besturen/${fx.boardId}/bekostiging?schooljaar=2021-2022`);
  await board.fill('#bedrag', '2.500,00');
  await board.fill('#doel', 'Bijdrage aan de zomerschool');
  await board.fill('#mrInstemming', '2021-06-01');
  await board.selectOption('#categorie', 'F');
  await board.selectOption('#interventie', 'A3');
  await board.getByRole('button', { name: 'Reservering vastleggen' }).click();
  assert.match(await board.content(), /hoort bij categorie A/);
  await check(board, 'bekostiging reservering (fout)', problems);
  await board.selectOption('#categorie', '');
  await board.selectOption('#interventie', '');
  await board.selectOption('#bovenschoolsPlan', { label: 'Zomerschool voor alle scholen (categorie A)' });
  await board.getByRole('button', { name: 'Reservering vastleggen' }).click();
  assert.match(await board.content(), /De reservering is vastgelegd/);
  await check(board, 'bekostiging', problems);

  await board.goto(base);
  await check(board, 'plan met interventie', problems);
  await board.getByRole('link', { name: 'Nieuwe versie aan de GMR voorleggen' }).click();
  await check(board, 'indienen', problems);
  await board.fill('#toelichting', 'Eerste versie');
  await board.getByRole('button', { name: 'Versie 1 voorleggen' }).click();
  assert.match(await board.content(), /aan de GMR voorgelegd/);
  await check(board, 'plan met versie', problems);

  const gmr = await open((await signInAs(database, 'gmr-lid', fx.boardId)).cookie, csp);
  await gmr.goto(`${base}/versies/1`);
  await check(gmr, 'versie 1', problems);
  await gmr.fill('#reactie', 'Goed plan.');
  await gmr.getByRole('button', { name: 'Reactie plaatsen' }).click();
  assert.match(await gmr.content(), /Goed plan\./);
  await check(gmr, 'versie 1 met reactie', problems);
  await gmr.goto(`${base}/versies/1/verschil`);
  await check(gmr, 'verschil', problems);
  await gmr.goto(`${base}/versies/1/besluit`);
  await gmr.selectOption('#besluit', 'geen-instemming');
  await gmr.fill('#vergaderdatum', new Date().toISOString().slice(0, 10));
  await gmr.getByRole('button', { name: 'Besluit vastleggen' }).click();
  assert.match(await gmr.content(), /Het besluit is nog niet opgeslagen/);
  await check(gmr, 'besluit (fout)', problems);
  await gmr.selectOption('#besluit', 'instemming');
  await gmr.getByRole('button', { name: 'Besluit vastleggen' }).click();
  assert.match(await gmr.content(), /Het besluit van de GMR is vastgelegd/);
  await gmr.goto('/overzicht');
  await check(gmr, 'overzicht GMR', problems);

  const mr = await open((await signInAs(database, 'mr-lid', fx.schoolId)).cookie, csp);
  await mr.goto(`/scholen/${fx.schoolId}/schoolprogramma/bovenschools`);
  assert.match(await mr.content(), /De GMR stemde in met versie 1/);
  await check(mr, 'school: bovenschoolse inzet', problems);

  assert.deepEqual([...problems, ...csp], []);
});
