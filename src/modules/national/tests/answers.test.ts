// The verantwoording step of the national dataset on both engines, on generated schools: every
// published questionnaire answered by part of the schools (and boards), each submission kept with
// the newest one's monitoring rows, a confirmed annual report per board and calendar year; the
// same seed gives the same rows on another database and for a sample, a second run adds nothing,
// real answers and the demo's own organisations are left alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, eachEngine } from '../../../../test/support/db.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import { seedQuestionnaire } from '../../verantwoording/tests/kit.ts';
import { answerRows } from '../../verantwoording/services/answer-rows.ts';
import { generateNationalAnswers } from '../../verantwoording/services/national-generate.ts';
import type { Answers } from '../../verantwoording/tables.ts';
import { definitionSchema } from '../../verantwoording/services/definition.ts';

/** Two boards with 150 schools (BO, VO, SO) and a demo board whose schools must stay untouched. */
async function seedOrganisations(db: Kysely<DB>) {
  const board = async (code: string) =>
    (
      await db
        .insertInto('organisation')
        .values({ kind: 'bestuur', code, name: `Bestuur ${code}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const plan: Array<[string, number, Sector, number]> = [
    ['41001', 0, 'BO', 80],
    ['41001', 80, 'VO', 30],
    ['41002', 110, 'SO', 10],
    ['41002', 120, 'BO', 30],
  ];
  const boards = new Map<string, number>();
  for (const [code, from, sector, n] of plan) {
    if (!boards.has(code)) boards.set(code, await board(code));
    await db
      .insertInto('organisation')
      .values(
        Array.from({ length: n }, (_, i) => ({
          kind: 'school' as const,
          code: `T${String(from + i).padStart(3, '0')}`,
          name: `School ${from + i}`,
          sector,
          parent_id: boards.get(code)!,
        })),
      )
      .execute();
  }
  const demo = await board('DEMO9');
  await db
    .insertInto('organisation')
    .values({ kind: 'school', code: 'DEMO9900', name: 'Demo', sector: 'BO', parent_id: demo })
    .execute();
}

async function setUp(db: Kysely<DB>) {
  await seedOrganisations(db);
  const school = await seedQuestionnaire(db, { slug: 'test-scholen' });
  const board = await seedQuestionnaire(db, { slug: 'test-besturen', audience: 'bestuur' });
  return { school, board };
}

/** A school that started answering for real (T005): its response is never touched. */
async function startAnswering(db: Kysely<DB>, questionnaireId: number) {
  const real = await db
    .selectFrom('organisation')
    .select('id')
    .where('code', '=', 'T005')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('questionnaire_response')
    .values({
      questionnaire_id: questionnaireId,
      organisation_id: real.id,
      answers: '{"toelichting":"eigen"}',
    })
    .execute();
  return real;
}

const generate = (db: Kysely<DB>, extra: { schoolIds?: number[] } = {}) =>
  generateNationalAnswers(db, { seed: 11, skipCodePrefix: 'DEMO', ...extra });

/** The generated rows by natural keys (codes, slugs, numbers), for comparisons between databases. */
async function fingerprint(db: Kysely<DB>, codes?: string[]) {
  const only = codes ? sql`and o.code = any(${codes}::text[])` : sql``;
  const r = await sql<{ subs: string; rows: string; reports: string }>`
    select
      (select md5(coalesce(string_agg(q.slug || o.code || s.number || s.answers::text || s.submitted_at::text, '|' order by q.slug, o.code, s.number), ''))
         from questionnaire_submission s join questionnaire q on q.id = s.questionnaire_id
         join organisation o on o.id = s.organisation_id where true ${only}) as subs,
      (select md5(coalesce(string_agg(q.slug || o.code || a.question_key || a.item || coalesce(a.choice, '') || coalesce(a.number::text, '') || coalesce(a.cents::text, ''), '|'
              order by q.slug, o.code, a.question_key, a.item), ''))
         from questionnaire_answer a join questionnaire q on q.id = a.questionnaire_id
         join organisation o on o.id = a.organisation_id where true ${only}) as rows,
      (select md5(coalesce(string_agg(o.code || r.calendar_year || r.texts::text || (r.confirmed_figures -> 'totals')::text, '|' order by o.code, r.calendar_year), ''))
         from board_report r join organisation o on o.id = r.board_id) as reports`.execute(db);
  return r.rows[0]!;
}

eachEngine('national dataset: verantwoording', (database) => {
  let q: Awaited<ReturnType<typeof setUp>>;

  test('part of the schools and boards answer; each submission kept, the newest spread over rows', async () => {
    const db = database().db;
    q = await setUp(db);
    const real = await startAnswering(db, q.school.id);

    const r = await generate(db);
    const published = await db
      .selectFrom('questionnaire')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'gepubliceerd')
      .executeTakeFirstOrThrow();
    assert.equal(r.questionnaires, Number(published.n), 'every published questionnaire, the real rounds too');
    assert.equal(r.schools, 150);
    assert.equal(r.boards, 2);
    const schoolResponses = await db
      .selectFrom('questionnaire_response')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('questionnaire_id', '=', q.school.id)
      .executeTakeFirstOrThrow();
    const rate = (Number(schoolResponses.n) - 1) / 150;
    assert.ok(rate > 0.5 && rate < 0.85, `response rate ${rate}`);
    const mine = await db
      .selectFrom('questionnaire_response')
      .select(['answers', 'submitted_number'])
      .where('organisation_id', '=', real.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(mine, { answers: { toelichting: 'eigen' }, submitted_number: 0 });

    // Every response has its numbered submissions; the rows are the newest one's, nothing else.
    const responses = await db
      .selectFrom('questionnaire_response as r')
      .innerJoin('questionnaire_submission as s', (j) =>
        j.onRef('s.response_id', '=', 'r.id').onRef('s.number', '=', 'r.submitted_number'),
      )
      .select([
        'r.id',
        'r.organisation_id',
        'r.questionnaire_id',
        'r.submitted_number',
        's.id as sid',
        's.answers',
      ])
      .execute();
    assert.equal(responses.length, r.responses);
    assert.ok(
      responses.some((x) => x.submitted_number === 2),
      'some schools submitted twice',
    );
    const rows = await db.selectFrom('questionnaire_answer').selectAll().execute();
    assert.equal(rows.length, r.rows);
    let expected = 0;
    const definitions = new Map(
      (await db.selectFrom('questionnaire').select(['id', 'definition']).execute()).map((d) => [
        d.id,
        definitionSchema.parse(d.definition),
      ]),
    );
    for (const x of responses)
      expected += answerRows(definitions.get(x.questionnaire_id)!, x.answers as Answers).length;
    assert.equal(rows.length, expected);
    const newest = new Set(responses.map((x) => x.sid));
    assert.ok(rows.every((row) => newest.has(row.submission_id)));
    const subs = await db
      .selectFrom('questionnaire_submission')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(subs.n), r.submissions);
    // Submitted between opening and closing, by the answering school's own organisation.
    const outside = await sql<{ n: string }>`
      select count(*) as n from questionnaire_submission s join questionnaire q on q.id = s.questionnaire_id
      where s.submitted_at::date < q.opens_on or s.submitted_at::date > q.closes_on`.execute(db);
    assert.equal(Number(outside.rows[0]!.n), 0);

    // A confirmed report per board and calendar year, none for the demo board.
    const reports = await db
      .selectFrom('board_report as r')
      .innerJoin('organisation as o', 'o.id', 'r.board_id')
      .select(['o.code', 'r.calendar_year', 'r.status', 'r.confirmed_figures', 'r.confirmed_at'])
      .orderBy('o.code')
      .orderBy('r.calendar_year')
      .execute();
    assert.deepEqual(
      reports.map((x) => `${x.code} ${x.calendar_year} ${x.status}`),
      ['41001', '41002'].flatMap((c) => [2021, 2022, 2023, 2024, 2025].map((y) => `${c} ${y} bevestigd`)),
    );
    const figures = reports[1]!.confirmed_figures as {
      schools: unknown[];
      totals: { schools: number; spentCents: number };
      perCategory: { code: string; spentCents: number }[];
    };
    assert.equal(figures.schools.length, 110);
    assert.equal(figures.totals.schools, 110);
    // What monitoring reads: spending per category that adds up to the total.
    assert.equal(
      figures.perCategory.reduce((t, c) => t + c.spentCents, 0),
      figures.totals.spentCents,
    );
    const demo = await sql<{ n: string }>`
      select (select count(*) from questionnaire_response r join organisation o on o.id = r.organisation_id where o.code like 'DEMO%')
           + (select count(*) from board_report r join organisation o on o.id = r.board_id where o.code like 'DEMO%') as n`.execute(
      db,
    );
    assert.equal(Number(demo.rows[0]!.n), 0);
  });

  test('a second run with the same seed adds nothing', async () => {
    const db = database().db;
    const before = await fingerprint(db);
    const r = await generate(db);
    assert.deepEqual([r.responses, r.submissions, r.rows, r.reports], [0, 0, 0, 0]);
    assert.deepEqual(await fingerprint(db), before);
  });

  test('the same seed gives the same rows on another database, also for a sample of schools', async () => {
    const db = database().db;
    const other = await createTestDatabase();
    try {
      const seeded = await setUp(other.db);
      await startAnswering(other.db, seeded.school.id);
      const sample = await other.db
        .selectFrom('organisation')
        .select(['id', 'code'])
        .where('code', 'in', ['T001', 'T002', 'T090', 'T111', 'T140'])
        .execute();
      await generate(other.db, { schoolIds: sample.map((s) => s.id) });
      const codes = sample.map((s) => s.code!);
      const a = await fingerprint(db, codes);
      const b = await fingerprint(other.db, codes);
      assert.equal(b.subs, a.subs);
      assert.equal(b.rows, a.rows);
      // The boards' reports cover all their schools, also in a sample.
      assert.equal(b.reports, a.reports);
      // The rest of the country follows in a full run.
      await generate(other.db);
      assert.deepEqual(await fingerprint(other.db), await fingerprint(db));
    } finally {
      await other.close();
    }
  });
});
