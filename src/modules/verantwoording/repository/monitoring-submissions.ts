// Individual submissions for the analist: one submitted answer (never the working copy, never a
// plan or a scan), and a round's submissions in pages by id for the CSV export.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Answers, Audience } from '../tables.ts';
import type { Definition } from '../services/definition.ts';

export interface RoundDefinition {
  id: number;
  slug: string;
  title: string;
  audience: Audience;
  year_label: string;
  definition: Definition;
}

/** A published questionnaire of the programme with its definition. */
export async function findRoundDefinition(
  db: Kysely<DB>,
  programmeId: number,
  id: number,
): Promise<RoundDefinition | undefined> {
  return db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .select(['q.id', 'q.slug', 'q.title', 'q.audience', 'y.label as year_label', 'q.definition'])
    .where('q.id', '=', id)
    .where('q.programme_id', '=', programmeId)
    .where('q.status', '=', 'gepubliceerd')
    .executeTakeFirst();
}

export interface SubmissionRow {
  id: number;
  questionnaire_id: number;
  number: number;
  answers: Answers;
  submitted_at: Date;
  organisation_code: string | null;
  organisation_name: string;
  organisation_kind: string;
  sector: string | null;
}

const submissionColumns = [
  's.id',
  's.questionnaire_id',
  's.number',
  's.answers',
  's.submitted_at',
  'o.code as organisation_code',
  'o.name as organisation_name',
  'o.kind as organisation_kind',
  'o.sector',
] as const;

/** One submission with the organisation that sent it. */
export async function findSubmission(db: Kysely<DB>, id: number): Promise<SubmissionRow | undefined> {
  return db
    .selectFrom('questionnaire_submission as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(submissionColumns)
    .$castTo<SubmissionRow>()
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The next page of a round's submissions after `afterId`, in id order (index 0640). */
export async function submissionPage(
  db: Kysely<DB>,
  questionnaireId: number,
  afterId: number,
  limit: number,
): Promise<SubmissionRow[]> {
  return db
    .selectFrom('questionnaire_submission as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(submissionColumns)
    .$castTo<SubmissionRow>()
    .where('s.questionnaire_id', '=', questionnaireId)
    .where('s.id', '>', afterId)
    .orderBy('s.id')
    .limit(limit)
    .execute();
}
