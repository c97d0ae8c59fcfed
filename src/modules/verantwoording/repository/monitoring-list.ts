// A round's submissions for the analist, one page at a time: each school's or board's newest
// submission (the one monitoring counts), newest first, within the dashboard's filter and an
// optional search on the name or the BRIN/vestigingscode. One query for the page and one for the
// count; the order is the index questionnaire_submission_export_idx (questionnaire_id, id) read
// backwards, so a page stops after its rows (migration 0640).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MonitoringFilter } from '../services/monitoring-filters.ts';
import { scopeCte, sectorGroupSql } from './monitoring-scope.ts';

export interface ListedSubmission {
  id: number;
  number: number;
  submitted_at: Date;
  name: string;
  code: string | null;
  /** po, vo or vso for a school; null for a board. */
  sector_group: string | null;
}

export interface SubmissionListQuery {
  questionnaireId: number;
  /** The dashboard's filter: only for a school round (a board has no sector or province). */
  filter?: MonitoringFilter;
  search?: string;
  offset: number;
  limit: number;
}

/** `%`, `_` and `\` mean themselves in the search. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function parts(q: SubmissionListQuery): { cte: RawBuilder<unknown>; from: RawBuilder<unknown> } {
  const scoped = q.filter !== undefined;
  const search = q.search?.trim();
  const match = search
    ? sql`and (o.name ilike ${`%${literal(search)}%`} or o.code ilike ${`${literal(search.replace(/\s+/g, ''))}%`})`
    : sql``;
  return {
    cte: scoped ? scopeCte(q.filter!) : sql``,
    from: sql`from questionnaire_submission s
      join questionnaire_response r on r.id = s.response_id and r.submitted_number = s.number
      join organisation o on o.id = s.organisation_id
      ${scoped ? sql`join scope_schools sc on sc.id = o.id` : sql``}
      where s.questionnaire_id = ${q.questionnaireId} ${match}`,
  };
}

/** One page of the list and the number of rows over all pages. */
export async function listRoundSubmissions(
  db: Kysely<DB>,
  q: SubmissionListQuery,
): Promise<{ rows: ListedSubmission[]; total: number }> {
  const { cte, from } = parts(q);
  const [page, count] = await Promise.all([
    sql<ListedSubmission>`${cte}
      select s.id, s.number, s.submitted_at, o.name, o.code,
        case when o.kind = 'school' then ${sectorGroupSql} end as sector_group
      ${from}
      order by s.id desc
      limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{ n: number }>`${cte} select count(*)::int as n ${from}`.execute(db),
  ]);
  return { rows: page.rows, total: count.rows[0]?.n ?? 0 };
}
