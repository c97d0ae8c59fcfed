// The dashboard's key figures on both engines: a school leader sees the school's amount per school
// year and what its board reserved of it, and the plan's state; a board member the total over its
// schools and what it reserved (the same sums as the board's funding page); a person with two
// memberships sees each organisation's figures under its own heading; one tenant's figures never
// appear on another's dashboard; the ministry roles see national counts. The figures cost the same
// number of queries for a board of 1 school as for a board of 6.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Membership, Principal } from '../../../platform/auth/principal.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { modules } from '../../index.ts';
import {
  boardWithSchools,
  openQuestionnaire,
  reserve,
  seedPlanWithVersion,
  setAmount,
  submit,
} from './dashboard-kit.ts';

/** The page's text with non-breaking spaces as spaces (Intl puts one after the euro sign). */
const text = (html: string) => html.replace(/\u00a0/g, ' ').replace(/&nbsp;/g, ' ');

/** The HTML of the dashboard section headed by this title (up to the next section). */
function section(html: string, title: string): string {
  const parts = text(html).split('<section');
  const found = parts.find((p) => p.includes(`>${title}</h2>`));
  assert.ok(found, `no section "${title}"`);
  return found;
}

eachEngine('dashboard figures', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;

  before(async () => {
    const db = database().db;
    app = await createTestApp(database());
    fx = await createFixtures(database());
    // School A (board A): € 123.456,78, of which board A reserved € 10.000,00 (and withdrew € 1,00).
    const yearId = await setAmount(db, fx.schoolId, fx.boardId, 12_345_678);
    await reserve(db, fx.boardId, fx.schoolId, yearId, 1_000_000);
    await reserve(db, fx.boardId, fx.schoolId, yearId, 100);
    await db
      .updateTable('board_reservation')
      .set({ withdrawn_at: new Date() })
      .where('amount_cents', '=', 100)
      .execute();
    // School B (board B): € 98.765,43, of which board B reserved € 5.555,55.
    await setAmount(db, fx.otherSchoolId, fx.otherBoardId, 9_876_543);
    await reserve(db, fx.otherBoardId, fx.otherSchoolId, yearId, 555_555);
    // School A has a plan whose version 1 waits for the MR.
    await seedPlanWithVersion(db, fx.schoolId);
  });

  const dashboardOf = async (role: 'schoolleider' | 'bestuur' | 'analist' | 'redactie', org: number) => {
    const c = new TestClient(app, (await signInAs(database(), role, org)).cookie);
    const res = await c.get('/overzicht');
    assert.equal(res.statusCode, 200);
    return { html: text(res.body), client: c };
  };

  test('a school leader sees its amount per school year, what its board reserved of it, and the plan', async () => {
    const { html, client } = await dashboardOf('schoolleider', fx.schoolId);
    const own = section(html, 'Schoolleider · Testschool A');
    assert.match(own, /<ul class="npo-figures" aria-label="Kerncijfers: Schoolleider · Testschool A">/);
    assert.match(own, /Bedrag 2021-2022<\/a><\/h3><p class="npo-figure__value">€ 123\.456,78<\/p>/);
    assert.match(own, /Gereserveerd door het bestuur: € 10\.000,00; over voor de school: € 113\.456,78\./);
    assert.match(own, /Schoolprogramma<\/a><\/h3><p class="npo-figure__value">Wacht op de MR<\/p>/);
    assert.match(own, /Versie 1 is op 4 oktober 2021 ingediend bij de MR\./);
    // After the programme's last year: what the whole plan budgets and spent, as the budget page sums it.
    assert.match(
      own,
      /Begroot in het hele programma<\/a><\/h3><p class="npo-figure__value">€ 40\.000,00<\/p>/,
    );
    assert.match(own, /Uitgegeven: € 2\.500,00\./);
    const budget = text((await client.get(`/scholen/${fx.schoolId}/schoolprogramma/begroting`)).body);
    assert.match(budget, /€ 40\.000,00/);
    assert.match(budget, /€ 2\.500,00/);
    // The figures come first, then the actions under their own heading.
    assert.ok(own.indexOf('npo-figures') < own.indexOf('Wat u nu kunt doen'));
  });

  test('a board member sees the totals over its schools and what it reserved, as on the funding page', async () => {
    const { html, client } = await dashboardOf('bestuur', fx.boardId);
    const own = section(html, 'Bestuur · Testbestuur A');
    assert.match(
      own,
      /Totaal voor uw scholen 2021-2022<\/a><\/h3><p class="npo-figure__value">€ 123\.456,78</,
    );
    assert.match(own, /Gereserveerd: € 10\.000,00; over voor de scholen: € 113\.456,78\./);
    assert.match(
      own,
      /Gereserveerd voor bovenschoolse inzet<\/a><\/h3><p class="npo-figure__value">€ 10\.000,00</,
    );
    // The board's funding page shows the same sums.
    const page = text((await client.get(`/besturen/${fx.boardId}/bekostiging?schooljaar=2021-2022`)).body);
    assert.match(page, /€ 123\.456,78/);
    assert.match(page, /€ 10\.000,00/);
    assert.match(page, /€ 113\.456,78/);
  });

  test("one organisation's figures never appear on another's dashboard", async () => {
    const leaderA = (await dashboardOf('schoolleider', fx.schoolId)).html;
    const boardA = (await dashboardOf('bestuur', fx.boardId)).html;
    const leaderB = (await dashboardOf('schoolleider', fx.otherSchoolId)).html;
    const boardB = (await dashboardOf('bestuur', fx.otherBoardId)).html;
    for (const html of [leaderA, boardA]) {
      assert.doesNotMatch(html, /98\.765,43|5\.555,55|93\.209,88/);
      assert.doesNotMatch(html, /Testschool B|Testbestuur B/);
    }
    for (const html of [leaderB, boardB]) {
      assert.doesNotMatch(html, /123\.456,78|10\.000,00|113\.456,78/);
      assert.doesNotMatch(html, /Wacht op de MR/);
    }
    assert.match(leaderB, /€ 98\.765,43/);
    assert.match(leaderB, /Gereserveerd door het bestuur: € 5\.555,55; over voor de school: € 93\.209,88\./);
    assert.match(leaderB, /Schoolprogramma<\/a><\/h3><p class="npo-figure__value">Nog niet begonnen/);
    assert.match(
      boardB,
      /Totaal voor uw scholen 2021-2022<\/a><\/h3><p class="npo-figure__value">€ 98\.765,43</,
    );
  });

  test('a person with two memberships sees both, each under its own heading with its own figures', async () => {
    const db = database().db;
    const signedIn = await signInAs(database(), 'schoolleider', fx.otherSchoolId);
    await db
      .insertInto('membership')
      .values({ person_id: signedIn.personId, organisation_id: fx.boardId, role: 'bestuur' })
      .execute();
    const res = await new TestClient(app, signedIn.cookie).get('/overzicht');
    assert.equal(res.statusCode, 200);
    const school = section(res.body, 'Schoolleider · Testschool B');
    const board = section(res.body, 'Bestuur · Testbestuur A');
    assert.match(school, /€ 98\.765,43/);
    assert.doesNotMatch(school, /123\.456,78/);
    assert.match(board, /€ 123\.456,78/);
    assert.doesNotMatch(board, /98\.765,43/);
  });

  test("the questionnaire's and the annual report's state are each organisation's own", async () => {
    const db = database().db;
    const school = await openQuestionnaire(db, 'school');
    await openQuestionnaire(db, 'bestuur');
    await submit(db, school, fx.otherSchoolId);
    const leaderA = section(
      (await dashboardOf('schoolleider', fx.schoolId)).html,
      'Schoolleider · Testschool A',
    );
    assert.match(leaderA, /Vragenlijst 2021-2022<\/a><\/h3><p class="npo-figure__value">Open</);
    assert.match(leaderA, /Vragenlijst voor schoolleiders: open tot en met 31 december 2099\./);
    const leaderB = section(
      (await dashboardOf('schoolleider', fx.otherSchoolId)).html,
      'Schoolleider · Testschool B',
    );
    assert.match(leaderB, /Vragenlijst 2021-2022<\/a><\/h3><p class="npo-figure__value">Ingediend</);
    assert.match(leaderB, new RegExp(`ingediend op ${text(formatDate(new Date()))}\\.`));
    const board = section((await dashboardOf('bestuur', fx.boardId)).html, 'Bestuur · Testbestuur A');
    assert.match(board, /Vragenlijst 2021-2022<\/a><\/h3><p class="npo-figure__value">Open</);
    assert.match(board, /Jaarverslag \d{4}<\/a><\/h3><p class="npo-figure__value">Nog niet begonnen</);
    const analist = (await dashboardOf('analist', fx.ministryId)).html;
    assert.match(analist, /Respons 2021-2022<\/a><\/h3><p class="npo-figure__value">(Verborgen|\d)/);
  });

  test('the ministry roles see national counts, never one school', async () => {
    const analist = section(
      (await dashboardOf('analist', fx.ministryId)).html,
      'Analist · Ministerie van Onderwijs, Cultuur en Wetenschap',
    );
    assert.match(analist, /Scholen<\/a><\/h3><p class="npo-figure__value">\d/);
    assert.match(analist, /Voorstellen voor bedragen per leerling<\/a><\/h3><p class="npo-figure__value">0</);
    assert.match(analist, /Respons/);
    assert.doesNotMatch(analist, /123\.456,78|Testschool/);
    const redactie = section(
      (await dashboardOf('redactie', fx.ministryId)).html,
      'Redactie · Ministerie van Onderwijs, Cultuur en Wetenschap',
    );
    assert.match(redactie, /Voorbeelden die wachten<\/a><\/h3><p class="npo-figure__value">0</);
    assert.match(redactie, /Laatst gepubliceerd<\/a><\/h3><p class="npo-figure__value">\d+ \w+ \d{4}</);
  });

  test('the figures cost the same number of queries for a board of 1 school as for one of 6', async (t) => {
    const db = database().db;
    const big = await boardWithSchools(db, 6, `d${process.pid}`);
    const one = await boardWithSchools(db, 1, `e${process.pid}`);
    const programme = await loadProgramme(db);
    let count = 0;
    const counting = db.withPlugin({
      transformQuery: (a) => {
        count++;
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    const measure = async (m: Membership) => {
      count = 0;
      const input = { membership: m, principal: {} as Principal, db: counting, now: new Date(), programme };
      const figures = [];
      for (const d of modules) figures.push(...((await d.dashboard?.figures?.(input)) ?? []));
      return { count, figures };
    };
    const board = (id: number): Membership => ({
      organisationId: id,
      organisationKind: 'bestuur',
      organisationName: 'Bestuur',
      parentId: null,
      role: 'bestuur',
    });
    const small = await measure(board(one));
    const large = await measure(board(big));
    assert.ok(
      large.figures.some((f) => text(f.value) === '€ 60.000,15'),
      'the six schools summed',
    );
    assert.equal(large.count, small.count);
    assert.ok(small.count <= 3, `${small.count} queries for a board`);
    const school = await measure({
      organisationId: fx.schoolId,
      organisationKind: 'school',
      organisationName: 'Testschool A',
      parentId: fx.boardId,
      role: 'schoolleider',
    });
    assert.ok(school.count <= 4, `${school.count} queries for a school leader`);
    t.diagnostic(`figures: ${small.count} queries for a board, ${school.count} for a school leader`);
  });
});
