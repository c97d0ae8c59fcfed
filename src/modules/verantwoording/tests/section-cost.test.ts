// What one view of a section page costs, on both engines: the number of database queries does not
// grow with the number of questions, and the page still shows the newest answers after a save
// (nothing kept from before the save is served). SECTION_COST=300 also prints the queries and
// CPU time per request over that many views (a measurement, not a target).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../../platform/db/database.ts';
import { definitionSchema, type Definition } from '../services/definition.ts';
import { answerSuite } from './answer-kit.ts';
import { seedQuestionnaire, testDefinition } from './kit.ts';

/** Counts every query sent through the database's pool from now on. */
function countQueries(database: Database) {
  const counter = { n: 0 };
  const pool = database.pool as unknown as {
    connect: () => Promise<{ query: (...a: unknown[]) => unknown }>;
  };
  const connect = pool.connect.bind(pool);
  pool.connect = async () => {
    const client = (await connect()) as { query: (...a: unknown[]) => unknown; __counted?: boolean };
    if (!client.__counted) {
      const query = client.query.bind(client);
      client.query = (...a: unknown[]) => {
        counter.n++;
        if (process.env.SECTION_COST_SQL)
          console.log(String((a[0] as { text?: string })?.text ?? a[0]).slice(0, 160));
        return query(...a);
      };
      client.__counted = true;
    }
    return client;
  };
  return counter;
}

/** The test definition with `extra` more text questions in its second section. */
function widened(extra: number): Definition {
  const d = structuredClone(testDefinition);
  for (let i = 0; i < extra; i++)
    d.sections[1]!.questions.push({
      key: `extra-${i}`,
      type: 'tekst',
      label: `Extra vraag ${i + 1}`,
      required: false,
      maxLength: 200,
    });
  return definitionSchema.parse(d);
}

answerSuite('verantwoording: the cost of a section page', (t) => {
  let counter: { n: number };

  test('the number of queries of a section page does not grow with the number of questions', async () => {
    counter = countQueries(t.database());
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const perView = async (definition: Definition) => {
      const q = await seedQuestionnaire(t.database().db, { definition });
      const url = `/scholen/${t.fx.schoolId}/verantwoording/${q.id}/onderdelen/programma`;
      assert.equal((await client.get(url)).statusCode, 200); // a first view may fill caches
      const before = counter.n;
      const res = await client.get(url);
      assert.equal(res.statusCode, 200);
      return counter.n - before;
    };
    const small = await perView(widened(0));
    const large = await perView(widened(60));
    assert.equal(large, small, `queries per view: ${small} with 7 questions, ${large} with 67`);
  });

  test('after saving a section its page shows the saved answers, not an earlier view, for two queries a view', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const url = `${t.schoolBase}/onderdelen/schoolscan`;
    const first = await client.get(url);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /value="nee" checked/);
    const saved = await client.post(url, {
      revisie: '0',
      actie: 'opslaan',
      'v-schoolscan-gedaan': 'ja',
      'v-bronnen': ['lvs'],
      'v-aandachtsgebieden': 'welbevinden',
    });
    assert.equal(saved.statusCode, 303);
    const after = await client.get(url);
    assert.equal(after.statusCode, 200);
    assert.match(after.body, /value="ja" checked/);
    assert.match(after.body, /value="welbevinden" checked/);
    assert.doesNotMatch(after.body, /value="nee" checked/);
    // A saved section of the own school costs two queries: the session (with the person's
    // organisations, which the access check reuses) and the page's own.
    counter ??= countQueries(t.database());
    const before = counter.n;
    assert.equal((await client.get(url)).statusCode, 200);
    assert.equal(counter.n - before, 2, 'queries per view of a saved section');
  });

  test('the menu is read once: a changed section with menu questions reads it again only after the menukaart changes', async () => {
    counter ??= countQueries(t.database());
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const scan = `${t.schoolBase}/onderdelen/schoolscan`;
    const programme = `${t.schoolBase}/onderdelen/programma`;
    /** A save of the first section: a new response revision, so the programme page is rendered anew. */
    const save = async () => {
      const page = await client.get(scan);
      const revisie = /name="revisie" value="(\d+)"/.exec(page.body)![1]!;
      const r = await client.post(scan, {
        revisie,
        actie: 'opslaan',
        'v-schoolscan-gedaan': 'ja',
        'v-bronnen': ['lvs'],
        'v-aandachtsgebieden': 'welbevinden',
      });
      assert.equal(r.statusCode, 303);
    };
    const view = async () => {
      const before = counter.n;
      const res = await client.get(programme);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /id="v-interventies/);
      return counter.n - before;
    };
    await view(); // reads the menu if nothing did yet
    await save();
    const kept = await view();
    await save();
    assert.equal(await view(), kept, 'a new state of the page reads no menu');
    t.app.platform.caches.invalidate('menukaart');
    await save();
    const reread = await view();
    assert.ok(
      reread > kept,
      `after the menukaart changed the menu is read again (${reread} > ${kept} queries)`,
    );
    assert.equal(await view(), kept, 'and then kept again');
  });

  test('the section page of another audience’s questionnaire, of an unknown one or an unknown section is not found', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const school = `/scholen/${t.fx.schoolId}/verantwoording`;
    assert.equal((await client.get(`${school}/${t.board.id}/onderdelen/schoolscan`)).statusCode, 404);
    assert.equal((await client.get(`${school}/999999/onderdelen/schoolscan`)).statusCode, 404);
    assert.equal((await client.get(`${school}/${t.school.id}/onderdelen/bestaat-niet`)).statusCode, 404);
  });

  const views = Number(process.env.SECTION_COST ?? 0);
  if (views > 0)
    test(`measurement: ${views} views of a saved section (open and closed window)`, async () => {
      const { client } = await t.as('schoolleider', t.fx.schoolId);
      for (const [label, url] of [
        ['open, saved', `${t.schoolBase}/onderdelen/schoolscan`],
        ['open, programma', `${t.schoolBase}/onderdelen/programma`],
      ] as const) {
        for (const clock of [t.clock, new Date('2022-03-01T09:00:00Z')]) {
          const keep = t.clock;
          t.clock = clock;
          assert.equal((await client.get(url)).statusCode, 200);
          const q0 = counter.n;
          const cpu0 = process.cpuUsage();
          const t0 = performance.now();
          for (let i = 0; i < views; i++) await client.get(url);
          const cpu = process.cpuUsage(cpu0);
          const ms = performance.now() - t0;
          console.log(
            `${t.database().engine} ${label} ${clock === keep ? 'open' : 'closed'}: ` +
              `${((counter.n - q0) / views).toFixed(1)} queries/view, ` +
              `${((cpu.user + cpu.system) / 1000 / views).toFixed(2)} ms CPU/view, ${(ms / views).toFixed(2)} ms wall/view`,
          );
          t.clock = keep;
        }
      }
    });
});
