// The builder's pages in Chromium with axe (WCAG 2.1 A/AA) and without Content-Security-Policy
// errors: the list, a new questionnaire (empty and with errors), its overview, its data, a new
// section, a question (new, with errors, changed), the preview, copying, the confirmation pages,
// a stale save, and the overview once answers exist.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { findQuestionnaireIdBySlug } from '../repository/questionnaires.ts';
import { loadProgramme } from '../../../platform/programme.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;

before(async () => {
  database = await createTestDatabase();
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

test('the builder pages have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const analist = await signInAs(database, 'analist', fx.ministryId);
  // axe runs inside the page, so this context has scripting (the builder's forms need none).
  const context = await contextFor(browser, baseUrl, analist.cookie);
  const page = await context.newPage();
  // A step that cannot happen fails within seconds instead of waiting for the test's timeout.
  page.setDefaultTimeout(15_000);
  // A step that cannot happen fails within seconds instead of waiting for the test's timeout.
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });

  await page.goto('/beheer/vragenlijsten');
  await check(page, 'lijst', problems);
  await page.getByRole('link', { name: 'Nieuwe vragenlijst' }).click();
  await check(page, 'nieuw', problems);
  await page.getByRole('button', { name: 'Vragenlijst maken' }).click();
  assert.match(await page.content(), /Fout: /);
  await check(page, 'nieuw met fouten', problems);
  await page.getByLabel('Titel', { exact: true }).fill('Peiling voorjaar 2022');
  await page.getByLabel('Schooljaar').selectOption({ label: '2021-2022' });
  await page.getByLabel('Wie vult de vragenlijst in?').selectOption('school');
  await page.getByLabel('Korte naam').fill('peiling-voorjaar-2022');
  await page.getByLabel('Opent op').fill('01-03-2022');
  await page.getByLabel('Sluit na').fill('31-03-2022');
  await page.getByRole('button', { name: 'Vragenlijst maken' }).click();
  assert.match(await page.content(), /De vragenlijst is gemaakt/);
  await check(page, 'overzicht', problems);
  const base = new URL(page.url()).pathname;

  for (const [path, label] of [
    ['/gegevens', 'gegevens'],
    ['/onderdelen/nieuw', 'nieuw onderdeel'],
    ['/onderdelen/algemeen', 'onderdeel'],
    ['/onderdelen/algemeen/vragen/toelichting', 'vraag'],
    ['/onderdelen/algemeen/vragen/toelichting/verwijderen', 'vraag verwijderen'],
    ['/onderdelen/algemeen/verwijderen', 'onderdeel verwijderen'],
    ['/kopieren', 'kopiëren'],
    ['/publiceren', 'publiceren'],
  ] as const) {
    await page.goto(`${base}${path}`);
    await check(page, label, problems);
  }

  await page.goto(`${base}/onderdelen/algemeen/vragen/nieuw`);
  await check(page, 'nieuwe vraag', problems);
  await page.getByLabel('Vraag', { exact: true }).fill('Hoe was het team betrokken?');
  await page.getByLabel('Sleutel').fill('team-betrokken');
  await page.getByLabel('Soort vraag').selectOption('een-keuze');
  await page.getByLabel('Antwoorden (bij één of meer antwoorden kiezen)').fill('Alleen één');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  assert.match(await page.content(), /minstens twee antwoorden/);
  await check(page, 'vraag met fouten', problems);
  await page
    .getByLabel('Antwoorden (bij één of meer antwoorden kiezen)')
    .fill('meebeslist | Meebeslist\nGeraadpleegd');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  assert.match(await page.content(), /Hoe was het team betrokken\?/);

  // A stale form: someone else saved in between.
  await page.goto(`${base}/gegevens`);
  await database.db
    .updateTable('questionnaire')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .execute();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  assert.match(await page.content(), /Iemand anders heeft deze vragenlijst intussen gewijzigd/);
  await check(page, 'verouderd', problems);

  // The seeded round with the preview, and the overview once a school answered.
  const programme = await loadProgramme(database.db);
  const seeded = await findQuestionnaireIdBySlug(database.db, programme.id, 'schoolleiders-2021-2022');
  await page.goto(`/beheer/vragenlijsten/${seeded}/voorbeeld`);
  await check(page, 'voorbeeld', problems);
  await page.goto(`/beheer/vragenlijsten/${seeded}/terugzetten`);
  assert.match(await page.content(), /terugzetten naar concept\?/);
  await check(page, 'terugzetten', problems);
  await database.db
    .insertInto('questionnaire_response')
    .values({ questionnaire_id: seeded!, organisation_id: fx.schoolId })
    .execute();
  await page.goto(`/beheer/vragenlijsten/${seeded}`);
  assert.match(await page.content(), /Er zijn al antwoorden op deze vragenlijst/);
  await check(page, 'overzicht met antwoorden', problems);
  await page.goto(`/beheer/vragenlijsten/${seeded}/terugzetten`);
  assert.match(await page.content(), /kan niet terug naar concept/);
  await check(page, 'terugzetten kan niet', problems);
  await page.goto(`/beheer/vragenlijsten/${seeded}/onderdelen/schoolscan/vragen/scan-bronnen`);
  await check(page, 'vraag met antwoorden', problems);
  await context.close();
  assert.deepEqual([...problems, ...csp], []);
});
