// The page memo (services/page-memo.ts and routes/page-memo-hook.ts): the busiest pages' figures
// are worked out once per state of their data, and every write that may change them — by this
// module or another, through a school's or a board's route, or by the ministry — makes the next
// view fresh.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { PageMemo } from '../services/page-memo.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

describe('PageMemo', () => {
  const counter = () => {
    let n = 0;
    return async () => ++n;
  };

  test('serves the computed value again until the owner’s data may have changed', async () => {
    const memo = new PageMemo();
    const compute = counter();
    assert.equal(await memo.get({ schoolId: 1, boardId: 10 }, 'plan:1', compute), 1);
    assert.equal(await memo.get({ schoolId: 1, boardId: 10 }, 'plan:1', compute), 1);
    memo.forgetSchool(2, 20);
    assert.equal(await memo.get({ schoolId: 1, boardId: 10 }, 'plan:1', compute), 1, 'another school');
    memo.forgetSchool(1, 10);
    assert.equal(await memo.get({ schoolId: 1, boardId: 10 }, 'plan:1', compute), 2);
  });

  test('a school’s write forgets its board’s pages; a board’s write forgets its schools’ pages', async () => {
    const memo = new PageMemo();
    const board = counter();
    const school = counter();
    await memo.get({ boardId: 10 }, 'bestuur:10', board);
    await memo.get({ schoolId: 1, boardId: 10 }, 'plan:1', school);
    memo.forgetSchool(1, 10);
    assert.equal(await memo.get({ boardId: 10 }, 'bestuur:10', board), 2);
    memo.forgetBoard(10);
    assert.equal(await memo.get({ schoolId: 1, boardId: 10 }, 'plan:1', school), 2);
  });

  test('forgetAll forgets everyone, and an entry older than its maximum age is computed again', async () => {
    let clock = 0;
    const memo = new PageMemo(() => clock, 1000);
    const compute = counter();
    await memo.get({ schoolId: 1, boardId: null }, 'k', compute);
    memo.forgetAll();
    assert.equal(await memo.get({ schoolId: 1, boardId: null }, 'k', compute), 2);
    clock = 999;
    assert.equal(await memo.get({ schoolId: 1, boardId: null }, 'k', compute), 2);
    clock = 1001;
    assert.equal(await memo.get({ schoolId: 1, boardId: null }, 'k', compute), 3);
  });

  test('a value computed while a write happened is served once but not kept', async () => {
    const memo = new PageMemo();
    let n = 0;
    const first = await memo.get({ schoolId: 1, boardId: 10 }, 'k', async () => {
      memo.forgetSchool(1, 10); // the write lands while the figures are read
      return ++n;
    });
    assert.equal(first, 1);
    assert.equal(await memo.get({ schoolId: 1, boardId: 10 }, 'k', async () => ++n), 2);
  });
});

eachEngine('schoolprogramma page memo over HTTP', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let plan: SeededPlan;
  let leader: TestClient;
  let boardMember: TestClient;
  let analist: TestClient;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    plan = await seedPlan(database().db, fx.schoolId);
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    boardMember = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    analist = new TestClient(app, (await signInAs(database(), 'analist', fx.ministryId)).cookie);
  });
  after(() => app.close());

  /** Changes the plan's introduction behind the app's back, as another process would. */
  const setIntro = (intro: string) =>
    database().db.updateTable('school_plan').set({ intro }).where('id', '=', plan.planId).execute();
  const home = async () => (await leader.get(`/scholen/${fx.schoolId}/schoolprogramma`)).body;

  test('the plan’s home page is worked out once and shown again while nothing was written', async () => {
    await setIntro('Eerste inleiding voor het geheugen.');
    await leader.post(`/scholen/${fx.schoolId}/schoolprogramma/starten`); // a write: fresh next time
    assert.match(await home(), /Eerste inleiding voor het geheugen/);
    await setIntro('Tweede inleiding, buiten de app om.');
    assert.match(await home(), /Eerste inleiding voor het geheugen/, 'no write came through the app');
  });

  test('a write of another module on the same school (the scan’s focus points) refreshes the page', async () => {
    await setIntro('Na een schrijfactie in de schoolscan.');
    // Refused or not, a write on the school's routes may have changed what the page shows.
    await leader.post(`/scholen/${fx.schoolId}/schoolscan/${plan.schoolYearIds[0]}/aandachtspunten`, {});
    assert.match(await home(), /Na een schrijfactie in de schoolscan/);
  });

  test('a write on the school’s board (a reservation) refreshes the school’s pages', async () => {
    await home();
    await setIntro('Na een schrijfactie van het bestuur.');
    await boardMember.post(`/besturen/${fx.boardId}/bekostiging/reserveringen`, {});
    assert.match(await home(), /Na een schrijfactie van het bestuur/);
  });

  test('a write by the ministry (a rate change) refreshes every school’s page', async () => {
    await home();
    await setIntro('Na een schrijfactie van het ministerie.');
    await analist.post('/beheer/bekostiging/tarieven/999999', {});
    assert.match(await home(), /Na een schrijfactie van het ministerie/);
  });

  describe('the kept page (platform/http/page-template.tsx) and the kept school row', () => {
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    const named = async (name: string) => {
      const who = await signInAs(database(), 'schoolleider', fx.schoolId);
      await database().db.updateTable('person').set({ name }).where('id', '=', who.personId).execute();
      return new TestClient(app, who.cookie);
    };

    for (const [label, suffix] of [
      ['plan’s home page', ''],
      ['budget overview', '/begroting'],
    ] as const) {
      test(`the ${label} shows each person their own name and a form token that works for them only`, async () => {
        const anna = await named('Anna <Eerste> & Co');
        const bram = await named('Bram Tweede');
        const url = `/scholen/${fx.schoolId}/schoolprogramma${suffix}`;
        const first = await anna.get(url);
        const again = await anna.get(url);
        const other = await bram.get(url);
        for (const r of [first, again, other]) {
          assert.equal(r.statusCode, 200);
          assert.equal(r.headers['cache-control'], 'private, no-store');
        }
        assert.match(first.body, /Anna &lt;Eerste&gt; &amp; Co/);
        assert.doesNotMatch(other.body, /Anna/, 'the second person never sees the first one’s name');
        assert.match(other.body, /Bram Tweede/);
        assert.doesNotMatch(other.body, /npopersoon|npoformtoken/, 'no marker is left in the page');
        const [a1, a2, b] = [token(first.body), token(again.body), token(other.body)];
        assert.ok(a1 && a2 && b);
        assert.notEqual(a1, b, 'the second person never gets the first one’s form token');
        assert.notEqual(a1, a2, 'every view has its own form token');
        // The token on the page is valid for its own reader, not for the other.
        assert.equal((await anna.post('/uitloggen', {}, { csrf: b })).statusCode, 403);
        assert.ok((await bram.post('/uitloggen', {}, { csrf: b })).statusCode < 400);
      });
    }

    test('after a write through the app, the plan’s home page shows the new introduction at once', async () => {
      await home();
      await home();
      const res = await leader.post(`/scholen/${fx.schoolId}/schoolprogramma/inleiding`, {
        inleiding: 'Een nieuwe inleiding, opgeslagen via het formulier.',
        revisie: String(
          (
            await database()
              .db.selectFrom('school_plan')
              .select('revision')
              .where('id', '=', plan.planId)
              .executeTakeFirstOrThrow()
          ).revision,
        ),
      });
      assert.equal(res.statusCode, 303);
      assert.match(await home(), /Een nieuwe inleiding, opgeslagen via het formulier/);
    });

    test('after a write on the school’s route, both pages show the school’s new name', async () => {
      const budget = async () => (await leader.get(`/scholen/${fx.schoolId}/schoolprogramma/begroting`)).body;
      await home();
      await budget();
      const { name } = await database()
        .db.selectFrom('organisation')
        .select('name')
        .where('id', '=', fx.schoolId)
        .executeTakeFirstOrThrow();
      await database()
        .db.updateTable('organisation')
        .set({ name: 'Hernoemde Testschool' })
        .where('id', '=', fx.schoolId)
        .execute();
      try {
        assert.doesNotMatch(await home(), /Hernoemde Testschool/, 'no write came through the app');
        await leader.post(`/scholen/${fx.schoolId}/schoolscan/${plan.schoolYearIds[0]}/aandachtspunten`, {});
        assert.match(await home(), /Hernoemde Testschool/);
        assert.match(await budget(), /Hernoemde Testschool/);
      } finally {
        await database().db.updateTable('organisation').set({ name }).where('id', '=', fx.schoolId).execute();
      }
    });
  });
});
