// The verantwoording figures of the dashboard, one query each: the organisation's questionnaires
// with when it last submitted, a board's annual reports, and the response to the school rounds.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Audience } from '../tables.ts';

type Db = Kysely<DB>;

export interface RoundOfOrganisation {
  id: number;
  title: string;
  yearLabel: string;
  opens_on: string;
  closes_on: string;
  /** When this organisation last submitted its answers; null when it never did. */
  submittedAt: Date | null;
}

/** The published questionnaires of the audience with this organisation's last submission, newest first. */
export async function roundsOfOrganisation(
  db: Db,
  programmeId: number,
  audience: Audience,
  orgId: number,
): Promise<RoundOfOrganisation[]> {
  const rows = await db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .select((eb) => [
      'q.id',
      'q.title',
      'y.label as yearLabel',
      'q.opens_on',
      'q.closes_on',
      eb
        .selectFrom('questionnaire_submission as s')
        .select((e) => e.fn.max('s.submitted_at').as('at'))
        .whereRef('s.questionnaire_id', '=', 'q.id')
        .where('s.organisation_id', '=', orgId)
        .as('submittedAt'),
    ])
    .where('q.programme_id', '=', programmeId)
    .where('q.audience', '=', audience)
    .where('q.status', '=', 'gepubliceerd')
    .orderBy('q.closes_on', 'desc')
    .orderBy('q.id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    submittedAt: r.submittedAt === null || r.submittedAt === undefined ? null : new Date(r.submittedAt),
  }));
}

/** The board's annual reports with the programme's school years (for the years to report on). */
export async function boardReports(db: Db, boardId: number, programmeId: number) {
  const r = await sql<{ from_year: number | null; to_year: number | null; reports: ReportState[] }>`
    select (select min(extract(year from starts_on))::int from school_year where programme_id = ${programmeId}) as from_year,
           (select max(extract(year from ends_on))::int from school_year where programme_id = ${programmeId}) as to_year,
           coalesce((select json_agg(json_build_object('year', calendar_year, 'status', status, 'confirmedAt', confirmed_at))
                     from board_report where board_id = ${boardId} and programme_id = ${programmeId}), '[]') as reports`.execute(
    db,
  );
  const row = r.rows[0];
  return { fromYear: row?.from_year ?? null, toYear: row?.to_year ?? null, reports: row?.reports ?? [] };
}

export interface ReportState {
  year: number;
  status: 'concept' | 'bevestigd';
  confirmedAt: string | null;
}
