// Steps 3 and 4 in Chromium: the school leader assigns a team member to a group and the team
// member fills in the group's assessment, both without JavaScript; then the new pages (groups,
// the assessment form with and without errors, the scan page with the overview, the monitoring
// page with a refused paste and with results) are checked with axe for WCAG 2.1 A/AA and CSP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';

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
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

test('a leader assigns a group and the team member fills in its assessment, without JavaScript; the pages have 0 axe violations', async () => {
  const base = `/scholen/${fx.schoolId}/schoolscan/${yearId}`;
  const leader = await signInAs(database, 'schoolleider', fx.schoolId);
  const teamlid = await signInAs(database, 'teamlid', fx.schoolId);

  // Without JavaScript: assign, then fill in.
  const leaderNoJs = await contextFor(browser, baseUrl, leader.cookie, false);
  const assign = await leaderNoJs.newPage();
  await assign.goto(`${base}/groepen`);
  await assign.check(`#groep-5-${teamlid.personId}`);
  await assign.getByRole('button', { name: 'Koppeling opslaan' }).click();
  assert.match(await assign.content(), /De koppeling van teamleden aan groepen is opgeslagen/);
  await leaderNoJs.close();

  const teamNoJs = await contextFor(browser, baseUrl, teamlid.cookie, false);
  const fill = await teamNoJs.newPage();
  await fill.goto(`${base}/stappen/sociaal-emotioneel/groepen/5`);
  await fill.check('#score-veiligheid-4');
  await fill.check('#score-omgang-3');
  await fill.check('#score-zelfvertrouwen-3');
  await fill.check('#score-plezier-2');
  await fill.check('#score-betrokkenheid-4');
  await fill.fill('#toelichting-plezier', 'Na de schoolsluiting veel onrust in de groep.');
  await fill.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  const saved = await fill.content();
  assert.match(saved, /De beoordeling van groep 5 is opgeslagen/);
  assert.match(saved, /Na de schoolsluiting veel onrust in de groep\./);
  assert.ok(await fill.isChecked('#score-plezier-2'));
  await teamNoJs.close();

  // With JavaScript, as the leader: every new page through axe.
  const context = await contextFor(browser, baseUrl, leader.cookie);
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const problems: string[] = [];

  await page.goto(`${base}/groepen`);
  await check(page, 'groepen', problems);
  await page.goto(`${base}/stappen/sociaal-emotioneel/groepen/5`);
  await check(page, 'groep 5 (ingevuld)', problems);
  // An empty form: the error summary and the fields with their message.
  await page.goto(`${base}/stappen/executieve-functies/groepen/6`);
  await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  assert.match(await page.content(), /Er is nog niets ingevuld/);
  await check(page, 'groep 6 (fout)', problems);
  await page.goto(base);
  assert.match(await page.content(), /Groep 5: Welbevinden en plezier — 2 \(Zorg\)/);
  await check(page, 'scan met overzicht', problems);

  await page.goto(`${base}/volginstrument`);
  await check(page, 'volginstrument (leeg)', problems);
  await page.fill(
    '#regels',
    'groep;instrument;maat;aantal leerlingen;waarde\n5;Volg;aandeel extra aandacht;24;12,5\n9;Volg;x;20;3',
  );
  await page.getByRole('button', { name: 'Regels inlezen' }).click();
  assert.match(await page.content(), /er is niets opgeslagen/);
  await check(page, 'volginstrument (rapport)', problems);
  await page.fill(
    '#regels',
    'groep;instrument;maat;aantal leerlingen;waarde\n5;Volg;aandeel extra aandacht;24;12,5\n3;Volg;aandeel extra aandacht;8;25',
  );
  await page.getByRole('button', { name: 'Regels inlezen' }).click();
  assert.match(await page.content(), /2 uitkomsten zijn opgeslagen/);
  await check(page, 'volginstrument (uitkomsten)', problems);
  await page.selectOption('#groep', '');
  await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
  assert.match(await page.content(), /Vul de groep in als getal/);
  await check(page, 'volginstrument (fout)', problems);
  await context.close();

  assert.deepEqual([...problems, ...csp], []);
});
