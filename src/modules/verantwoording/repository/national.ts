// SQL of the national test dataset for verantwoording: what exists (questionnaires, schools,
// budgets, the menu of a date) and writing generated responses, submissions, monitoring rows and
// confirmed annual reports in bulk: one statement per batch, rows that exist are left alone.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';
import type { Definition } from '../services/definition.ts';
import type { AnswerRow } from '../services/answer-rows.ts';
import type { Audience } from '../tables.ts';
import type { MenuChoice } from '../services/national-profile.ts';

export interface NationalQuestionnaire {
  id: number;
  audience: Audience;
  slug: string;
  definition: Definition;
  revision: number;
  opens_on: string;
  closes_on: string;
  /** The calendar year its school year starts in (2021 for 2021-2022). */
  year: number;
  /** The last day of its school year. */
  ends_on: string;
}

/** Published questionnaires of the programme, oldest round first. */
export async function publishedQuestionnaires(db: Kysely<DB>): Promise<NationalQuestionnaire[]> {
  const rows = await db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .select([
      'q.id',
      'q.audience',
      'q.slug',
      'q.definition',
      'q.revision',
      'q.opens_on',
      'q.closes_on',
      'y.starts_on',
      'y.ends_on',
    ])
    .where('q.status', '=', 'gepubliceerd')
    .orderBy('q.opens_on')
    .orderBy('q.id')
    .execute();
  return rows.map(({ starts_on, ...r }) => ({ ...r, year: Number(starts_on.slice(0, 4)) }));
}

/** Start years of the programme's school years, in order (2021, 2022, …). */
export async function schoolYearStarts(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('school_year').select('starts_on').orderBy('starts_on').execute();
  return [...new Set(rows.map((r) => Number(r.starts_on.slice(0, 4))))];
}

/** The interventions of the menu in force on a date (withdrawn ones left out); none before the first menu. */
export async function menuOn(db: Kysely<DB>, date: string): Promise<MenuChoice[]> {
  let version;
  try {
    version = await menuVersionInForce(db, new Date(`${date}T12:00:00Z`));
  } catch {
    return [];
  }
  const rows = await db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(['i.code', 'e.category_code', 'e.sectors', 'e.name_nl'])
    .where('e.version_id', '=', version.id)
    .where('e.withdrawn', '=', false)
    .execute();
  // Natural order (A2 before A10), so "the first intervention" is the same everywhere.
  return rows
    .map((r) => ({ code: r.code, category: r.category_code, sectors: r.sectors, name: r.name_nl }))
    .sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }));
}

/** The names of the menu categories (A–F), from the newest version that has them. */
export async function categoryNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('menukaart_category')
    .select(['code', 'name'])
    .distinctOn('code')
    .orderBy('code')
    .orderBy('version_id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface NationalSchool {
  id: number;
  code: string;
  name: string;
  sector: Sector | null;
  board_id: number;
  board_code: string | null;
  board_name: string;
}

/** Open schools with a board, by code. */
export async function schoolsWithBoard(db: Kysely<DB>): Promise<NationalSchool[]> {
  return db
    .selectFrom('organisation as s')
    .innerJoin('organisation as b', 'b.id', 's.parent_id')
    .select([
      's.id',
      's.code',
      's.name',
      's.sector',
      'b.id as board_id',
      'b.code as board_code',
      'b.name as board_name',
    ])
    .where('s.kind', '=', 'school')
    .where('s.closed_on', 'is', null)
    .where('b.kind', '=', 'bestuur')
    .$narrowType<{ code: string }>()
    .orderBy('s.code')
    .execute();
}

/** Each school's allocations of the current funding runs, summed over the school years (cents). */
export async function programmeBudgets(db: Kysely<DB>): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('funding_year as f')
    .innerJoin('allocation as a', 'a.run_id', 'f.current_run_id')
    .select(['a.school_id', sql<string>`sum(coalesce(a.total_cents, 0))`.as('cents')])
    .groupBy('a.school_id')
    .execute();
  return new Map(rows.map((r) => [r.school_id, Number(r.cents)]));
}

/** Whether any school outside those whose code starts with `skipCodePrefix` has a response. */
export async function anyResponseOutside(db: Kysely<DB>, skipCodePrefix: string): Promise<boolean> {
  const row = await db
    .selectFrom('questionnaire_response as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select('r.id')
    .where('o.code', 'not like', `${skipCodePrefix}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Organisations that already have a response to a questionnaire (real or generated). */
export async function respondedOrganisations(db: Kysely<DB>, questionnaireId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('questionnaire_response')
    .select('organisation_id')
    .where('questionnaire_id', '=', questionnaireId)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** `board:year` of the annual reports that exist. */
export async function existingReports(db: Kysely<DB>, programmeId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('board_report')
    .select(['board_id', 'calendar_year'])
    .where('programme_id', '=', programmeId)
    .execute();
  return new Set(rows.map((r) => `${r.board_id}:${r.calendar_year}`));
}

/** One organisation's generated response: its final answers and its submissions (oldest first). */
export interface GeneratedResponse {
  organisationId: number;
  /** Address of the person who answered (test account), or null. */
  email: string | null;
  answers: object;
  submissions: Array<{ answers: object; at: string }>;
  rows: AnswerRow[];
}

/**
 * Writes a batch of responses to one questionnaire: the working copy, every submission and the
 * newest submission's monitoring rows. An organisation that already has a response is skipped
 * whole (real answers are never overwritten). Returns how many responses were added.
 */
export async function insertGeneratedResponses(
  db: Kysely<DB>,
  q: { id: number; revision: number; sections: string[] },
  batch: GeneratedResponse[],
): Promise<{ responses: number; submissions: number; rows: number }> {
  if (batch.length === 0) return { responses: 0, submissions: 0, rows: 0 };
  const data = JSON.stringify(
    batch.map((r) => ({
      org: r.organisationId,
      email: r.email,
      answers: r.answers,
      n: r.submissions.length,
      ts: r.submissions.at(-1)!.at,
      ts0: r.submissions[0]!.at,
    })),
  );
  const added = await sql<{ id: number; organisation_id: number; updated_by: number | null }>`
    insert into questionnaire_response
      (questionnaire_id, organisation_id, answers, sections_saved, revision, submitted_number, created_at, updated_at, updated_by)
    select ${q.id}, x.org, x.answers, ${q.sections}::text[], 1 + x.n, x.n, x.ts0, x.ts, p.id
    from jsonb_to_recordset(${data}::jsonb) as x(org int, email text, answers jsonb, n int, ts timestamptz, ts0 timestamptz)
    left join person p on lower(p.email) = x.email
    order by x.org
    on conflict (questionnaire_id, organisation_id) do nothing
    returning id, organisation_id, updated_by`.execute(db);
  const byOrg = new Map(added.rows.map((r) => [r.organisation_id, r]));
  const fresh = batch.filter((r) => byOrg.has(r.organisationId));
  if (fresh.length === 0) return { responses: 0, submissions: 0, rows: 0 };
  const subs = JSON.stringify(
    fresh.flatMap((r) =>
      r.submissions.map((s, i) => {
        const resp = byOrg.get(r.organisationId)!;
        return {
          rid: resp.id,
          org: r.organisationId,
          n: i + 1,
          answers: s.answers,
          ts: s.at,
          sb: resp.updated_by,
        };
      }),
    ),
  );
  const inserted = await sql<{ id: number; organisation_id: number; number: number }>`
    insert into questionnaire_submission
      (response_id, questionnaire_id, organisation_id, number, answers, definition_revision, submitted_at, submitted_by)
    select x.rid, ${q.id}, x.org, x.n, x.answers, ${q.revision}, x.ts, x.sb
    from jsonb_to_recordset(${subs}::jsonb) as x(rid int, org int, n int, answers jsonb, ts timestamptz, sb int)
    order by x.org, x.n
    returning id, organisation_id, number`.execute(db);
  const newest = new Map<number, { id: number; number: number }>();
  for (const s of inserted.rows) {
    const had = newest.get(s.organisation_id);
    if (!had || had.number < s.number) newest.set(s.organisation_id, s);
  }
  const rows = fresh.flatMap((r) => r.rows.map((row) => ({ ...row, org: r.organisationId })));
  const n = await insertAnswerRows(db, q.id, rows, newest);
  return { responses: fresh.length, submissions: inserted.rows.length, rows: n };
}

async function insertAnswerRows(
  db: Kysely<DB>,
  questionnaireId: number,
  rows: Array<AnswerRow & { org: number }>,
  newest: Map<number, { id: number }>,
): Promise<number> {
  let count = 0;
  // Plain arrays per column: the fastest bulk insert on both engines (as national/people.ts).
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    const r = await sql`
      insert into questionnaire_answer
        (questionnaire_id, organisation_id, submission_id, question_key, item, choice, number, cents, text)
      select ${questionnaireId}, x.o, x.s, x.k, x.i, x.c, x.n, x.m, x.t
      from unnest(
        ${part.map((r) => r.org)}::int[], ${part.map((r) => newest.get(r.org)!.id)}::int[],
        ${part.map((r) => r.question_key)}::text[], ${part.map((r) => r.item)}::text[],
        ${part.map((r) => r.choice)}::text[], ${part.map((r) => r.number)}::numeric[],
        ${part.map((r) => r.cents)}::bigint[], ${part.map((r) => r.text)}::text[]
      ) as x(o, s, k, i, c, n, m, t)
      on conflict do nothing`.execute(db);
    count += Number(r.numAffectedRows ?? 0);
  }
  return count;
}

export interface GeneratedReport {
  boardId: number;
  email: string | null;
  year: number;
  texts: Record<string, string>;
  figures: object;
  confirmedAt: string;
}

/** Writes confirmed annual reports; a board's existing report for that year is left alone. */
export async function insertGeneratedReports(
  db: Kysely<DB>,
  programmeId: number,
  reports: GeneratedReport[],
): Promise<number> {
  if (reports.length === 0) return 0;
  const data = JSON.stringify(
    reports.map((r) => ({
      b: r.boardId,
      e: r.email,
      y: r.year,
      t: r.texts,
      f: r.figures,
      ts: r.confirmedAt,
    })),
  );
  const r = await sql`
    insert into board_report
      (board_id, programme_id, calendar_year, texts, revision, status, confirmed_figures, confirmed_at, confirmed_by,
       created_at, updated_at, updated_by)
    select x.b, ${programmeId}, x.y, x.t, 2, 'bevestigd', x.f, x.ts, p.id, x.ts, x.ts, p.id
    from jsonb_to_recordset(${data}::jsonb) as x(b int, e text, y int, t jsonb, f jsonb, ts timestamptz)
    left join person p on lower(p.email) = x.e
    order by x.b, x.y
    on conflict (board_id, programme_id, calendar_year) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
