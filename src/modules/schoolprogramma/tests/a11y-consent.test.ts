// The consent pages in Chromium with axe (WCAG 2.1 A/AA) and no CSP errors, walked as the people
// who use them: the school leader submits (with a refused and a good note), the MR member reads
// the version and the diff, comments and records the decision (after a refused try), the leader
// changes the draft and submits version 2, writes and publishes the summary, which the public
// school page then shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { checkAxe as check, contextFor, launchBrowser, listen } from '../../../../test/support/browser.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let fx: Fixtures;
let plan: SeededPlan;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
  plan = await seedPlan(database.db, fx.schoolId);
  app = await createTestApp(database);
  baseUrl = await listen(app);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function pageAs(role: 'schoolleider' | 'mr-lid', csp: string[]): Promise<Page> {
  const who = await signInAs(database, role, fx.schoolId);
  const context = await contextFor(browser, baseUrl, who.cookie);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  return page;
}

test('the consent pages have 0 axe violations and no CSP errors', async () => {
  const problems: string[] = [];
  const csp: string[] = [];
  const base = `/scholen/${fx.schoolId}/schoolprogramma`;
  const leader = await pageAs('schoolleider', csp);
  const mr = await pageAs('mr-lid', csp);

  await leader.goto(`${base}/indienen`);
  await check(leader, 'indienen', problems);
  // A note past the limit (the browser's own maxlength taken away, as a tampered form would).
  await leader.evaluate(() => document.querySelector('#toelichting')!.removeAttribute('maxlength'));
  await leader.fill('#toelichting', 'x'.repeat(4001));
  await leader.getByRole('button', { name: 'Versie 1 indienen bij de MR' }).click();
  assert.match(await leader.content(), /De versie is niet ingediend/);
  await check(leader, 'indienen (fout)', problems);
  await leader.fill('#toelichting', 'Graag bespreken in de vergadering van november.');
  await leader.getByRole('button', { name: 'Versie 1 indienen bij de MR' }).click();
  assert.match(await leader.content(), /De versie is ingediend/);
  await check(leader, 'versie 1 (ingediend)', problems);
  await leader.goto(`${base}/indienen`);
  await check(leader, 'indienen (wacht op besluit)', problems);

  await mr.goto(`${base}/versies/1/verschil`);
  await check(mr, 'verschil versie 1', problems);
  await mr.goto(`${base}/versies/1`);
  await mr.getByRole('button', { name: 'Reactie plaatsen' }).click();
  assert.match(await mr.content(), /Uw reactie is niet geplaatst/);
  await check(mr, 'versie 1 (reactie fout)', problems);
  await mr.fill('#reactie', 'Hoe meet u het effect?');
  await mr.getByRole('button', { name: 'Reactie plaatsen' }).click();
  await check(mr, 'versie 1 (reactie geplaatst)', problems);
  await mr.goto(`${base}/versies/1/besluit`);
  await check(mr, 'besluit', problems);
  await mr.check('#besluit-geen-instemming');
  await mr.getByRole('button', { name: 'Besluit vastleggen' }).click();
  assert.match(await mr.content(), /Het besluit is nog niet opgeslagen/);
  await check(mr, 'besluit (fout)', problems);
  await mr.check('#besluit');
  await mr.fill('#vergaderdatum', new Date().toISOString().slice(0, 10));
  await mr.getByRole('button', { name: 'Besluit vastleggen' }).click();
  assert.match(await mr.content(), /Het besluit van de MR is vastgelegd/);
  await mr.goto(`${base}/versies/1/besluit`);
  await check(mr, 'besluit (al vastgelegd)', problems);

  await database.db
    .updateTable('school_plan_intervention')
    .set({ pupils: 60, approach: 'Vier keer per week in kleine groepjes.' })
    .where('id', '=', plan.planInterventionIds[0]!)
    .execute();
  await database.db
    .updateTable('school_plan_budget')
    .set({ planned_cents: 1_750_000 })
    .where('plan_intervention_id', '=', plan.planInterventionIds[0]!)
    .where('cost_type', '=', 'eigen-personeel')
    .execute();
  await leader.goto(`${base}/versies`);
  assert.match(await leader.content(), /Het concept wijkt af van versie 1/);
  await check(leader, 'versies (concept wijkt af)', problems);
  await leader.goto(`${base}/indienen`);
  await leader.getByRole('button', { name: 'Versie 2 indienen bij de MR' }).click();
  await mr.goto(`${base}/versies/2/verschil`);
  assert.match(await mr.content(), /<ins>/);
  await check(mr, 'verschil versie 2', problems);

  await leader.goto(`${base}/samenvatting`);
  await check(leader, 'samenvatting', problems);
  await leader.getByRole('button', { name: 'Opslaan en publiceren' }).click();
  assert.match(await leader.content(), /De samenvatting is niet opgeslagen/);
  await check(leader, 'samenvatting (fout)', problems);
  await leader.fill('#samenvatting', 'Onze school geeft extra leesles in groep 4 en 5.');
  await leader.getByRole('button', { name: 'Opslaan en publiceren' }).click();
  assert.match(await leader.content(), /De samenvatting is gepubliceerd/);
  await check(leader, 'samenvatting (gepubliceerd)', problems);
  await leader.goto(`${base}/samenvatting/intrekken`);
  await check(leader, 'samenvatting intrekken', problems);
  const code = (
    await database.db
      .selectFrom('organisation')
      .select('code')
      .where('id', '=', fx.schoolId)
      .executeTakeFirstOrThrow()
  ).code!;
  await leader.goto(`/bedragen/scholen/${encodeURIComponent(code)}`);
  assert.match(await leader.content(), /extra leesles in groep 4 en 5/);
  await check(leader, 'openbare schoolpagina met samenvatting', problems);

  assert.deepEqual([...problems, ...csp], []);
});
