// The national dashboard's queries: everything is counted in SQL over the schools a filter
// selects (repository/monitoring-scope.ts), never row by row in Node. Counts are numbers of
// schools (or boards); suppression happens after, in services/monitoring.ts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Audience } from '../tables.ts';
import type { MonitoringFilter } from '../services/monitoring-filters.ts';
import { scopeCte } from './monitoring-scope.ts';

export interface Round {
  id: number;
  slug: string;
  title: string;
  audience: Audience;
  school_year_id: number;
  year_label: string;
  opens_on: string;
  closes_on: string;
}

/** The published questionnaires of the programme, oldest round first. */
export async function listRounds(db: Kysely<DB>, programmeId: number): Promise<Round[]> {
  return db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .select([
      'q.id',
      'q.slug',
      'q.title',
      'q.audience',
      'q.school_year_id',
      'y.label as year_label',
      'q.opens_on',
      'q.closes_on',
    ])
    .where('q.programme_id', '=', programmeId)
    .where('q.status', '=', 'gepubliceerd')
    .orderBy('q.closes_on')
    .orderBy('q.id')
    .execute();
}

export interface ResponseCount {
  questionnaire_id: number;
  /** 'po' | 'vo' | 'vso' for schools; 'bestuur' for boards. */
  sector: string;
  eligible: number;
  submitted: number;
}

/**
 * Per published questionnaire and sector group: the schools in scope that were open at its close
 * date, and how many of them submitted. A board questionnaire counts the boards with a school in
 * scope.
 */
export async function responseCounts(
  db: Kysely<DB>,
  programmeId: number,
  f: MonitoringFilter,
): Promise<ResponseCount[]> {
  const r = await sql<ResponseCount>`${scopeCte(f)}
    select q.id as questionnaire_id, s.sector, count(*)::int as eligible, count(r.id)::int as submitted
    from questionnaire q
    join scope_schools s on s.closed_on is null or s.closed_on > q.closes_on
    left join questionnaire_response r
      on r.questionnaire_id = q.id and r.organisation_id = s.id and r.submitted_number > 0
    where q.programme_id = ${programmeId} and q.status = 'gepubliceerd' and q.audience = 'school'
    group by q.id, s.sector
    union all
    select q.id, 'bestuur', count(*)::int, count(r.id)::int
    from questionnaire q
    join (select distinct board_id from scope_schools where closed_on is null) b on true
    left join questionnaire_response r
      on r.questionnaire_id = q.id and r.organisation_id = b.board_id and r.submitted_number > 0
    where q.programme_id = ${programmeId} and q.status = 'gepubliceerd' and q.audience = 'bestuur'
    group by q.id`.execute(db);
  return r.rows;
}

export interface AnswerCount {
  questionnaire_id: number;
  sector: string;
  question_key: string;
  /** The chosen value (ja-nee, a focus domain, an intervention code) or the category A–F. */
  value: string;
  schools: number;
  cents: number;
  number_sum: number;
}

/**
 * Schools per answer value, by questionnaire and sector group, for the given question keys of
 * the given questionnaires (the primary key of questionnaire_answer leads with both).
 */
export async function answerCounts(
  db: Kysely<DB>,
  f: MonitoringFilter,
  questionnaireIds: number[],
  keys: readonly string[],
): Promise<AnswerCount[]> {
  if (questionnaireIds.length === 0 || keys.length === 0) return [];
  const r = await sql<{
    questionnaire_id: number;
    sector: string;
    question_key: string;
    value: string;
    schools: number;
    cents: string | number | null;
    number_sum: string | number | null;
  }>`${scopeCte(f)}
    select a.questionnaire_id, s.sector, a.question_key,
      case when a.item = '' then coalesce(a.choice, '') else a.item end as value,
      count(*)::int as schools, coalesce(sum(a.cents), 0)::bigint as cents,
      coalesce(sum(a.number), 0) as number_sum
    from questionnaire_answer a
    join scope_schools s on s.id = a.organisation_id
    where a.questionnaire_id = any(${questionnaireIds}::int[])
      and a.question_key = any(${[...keys]}::text[])
    group by 1, 2, 3, 4`.execute(db);
  return r.rows.map((x) => ({ ...x, cents: Number(x.cents ?? 0), number_sum: Number(x.number_sum ?? 0) }));
}

export interface BoardSpending {
  calendar_year: number;
  category: string;
  boards: number;
  cents: number;
}

/**
 * Money spent per menu category in the confirmed annual reports of the boards in scope, per
 * calendar year: the report part freezes `perCategory: [{ code, spentCents, … }]` into
 * confirmed_figures. A board counts for a category when it spent something on it.
 */
export async function boardSpending(
  db: Kysely<DB>,
  programmeId: number,
  f: MonitoringFilter,
): Promise<BoardSpending[]> {
  const r = await sql<{
    calendar_year: number;
    category: string;
    boards: number;
    cents: string;
  }>`${scopeCte(f)}
    select br.calendar_year, c.value ->> 'code' as category,
      count(*) filter (where round((c.value ->> 'spentCents')::numeric) > 0)::int as boards,
      coalesce(sum(round((c.value ->> 'spentCents')::numeric)), 0)::bigint as cents
    from board_report br
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(br.confirmed_figures -> 'perCategory') = 'array'
           then br.confirmed_figures -> 'perCategory' else '[]'::jsonb end) c
    where br.programme_id = ${programmeId} and br.status = 'bevestigd'
      and br.board_id in (select distinct board_id from scope_schools)
      and c.value ->> 'code' in ('A', 'B', 'C', 'D', 'E', 'F')
      and jsonb_typeof(c.value -> 'spentCents') = 'number'
    group by 1, 2
    order by 1, 2`.execute(db);
  return r.rows.map((x) => ({ ...x, cents: Number(x.cents) }));
}

/** Names of interventions by code, from the newest menu version that has them. */
export async function interventionNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(['i.code', 'e.name_nl'])
    .distinctOn('i.code')
    .where('i.code', 'in', codes)
    .orderBy('i.code')
    .orderBy('e.version_id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.code, r.name_nl]));
}

/** The denominations present among schools, for the filter's choices. */
export async function listDenominations(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation')
    .select('denomination')
    .distinct()
    .where('kind', '=', 'school')
    .where('denomination', 'is not', null)
    .where('denomination', '<>', '')
    .orderBy('denomination')
    .execute();
  return rows.map((r) => r.denomination!);
}
