// SQL of answering: the published questionnaires of an audience, one organisation's working copy
// of its answers (guarded by a revision), its numbered submissions, the monitoring rows of its
// newest submission, and the reminders. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { compiledOnce } from '../../../platform/db/compiled-once.ts';
import type { AnswerRow } from '../services/answer-rows.ts';
import type { Answers, Audience } from '../tables.ts';

type Db = Kysely<DB>;

/** The school or board (undefined when the id is not of that kind). */
export async function findOrganisation(db: Db, id: number, audience: Audience) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'parent_id', 'kind'])
    .where('id', '=', id)
    .where('kind', '=', audience === 'school' ? 'school' : 'bestuur')
    .executeTakeFirst();
}
export type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** A questionnaire without its definition, which callers keep parsed per id and revision. */
const questionnaireHeadColumns = [
  'q.id',
  'q.slug',
  'q.title',
  'q.intro',
  'q.opens_on',
  'q.closes_on',
  'q.revision',
  'q.school_year_id',
  'q.audience',
] as const;
const questionnaireColumns = [...questionnaireHeadColumns, 'q.definition'] as const;

/** The published questionnaires of an audience, with this organisation's progress, newest first. */
export async function questionnairesFor(db: Db, programmeId: number, audience: Audience, orgId: number) {
  return db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .leftJoin('questionnaire_response as r', (j) =>
      j.onRef('r.questionnaire_id', '=', 'q.id').on('r.organisation_id', '=', orgId),
    )
    .select([
      ...questionnaireColumns,
      'y.label as yearLabel',
      'r.submitted_number',
      sql<Date>`r.updated_at`.as('responseUpdatedAt'),
    ])
    .where('q.programme_id', '=', programmeId)
    .where('q.audience', '=', audience)
    .where('q.status', '=', 'gepubliceerd')
    .orderBy('q.closes_on', 'desc')
    .orderBy('q.id', 'desc')
    .execute();
}

/** A published questionnaire of the audience (a concept or another audience's is not found). */
export async function findPublished(db: Db, id: number, audience: Audience) {
  return db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .select([...questionnaireColumns, 'y.label as yearLabel'])
    .where('q.id', '=', id)
    .where('q.audience', '=', audience)
    .where('q.status', '=', 'gepubliceerd')
    .executeTakeFirst();
}
export type QuestionnaireRow = NonNullable<Awaited<ReturnType<typeof findPublished>>>;
export type QuestionnaireHead = Omit<QuestionnaireRow, 'definition'>;

/** A questionnaire's definition with the revision it belongs to. */
export async function findDefinition(db: Db, id: number) {
  return db
    .selectFrom('questionnaire')
    .select(['definition', 'revision'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function findResponse(db: Db, questionnaireId: number, orgId: number) {
  return db
    .selectFrom('questionnaire_response as r')
    .leftJoin('person as p', 'p.id', 'r.updated_by')
    .select([
      'r.id',
      'r.answers',
      'r.sections_saved',
      'r.revision',
      'r.submitted_number',
      sql<Date>`r.updated_at`.as('updated_at'),
      'p.name as updatedByName',
    ])
    .where('r.questionnaire_id', '=', questionnaireId)
    .where('r.organisation_id', '=', orgId)
    .executeTakeFirst();
}
export type ResponseRow = NonNullable<Awaited<ReturnType<typeof findResponse>>>;

/**
 * The organisation, the published questionnaire of its audience (without its definition) and its
 * working copy in one query (a section page's three reads). undefined: no such school or board; questionnaire
 * undefined: no such published questionnaire of the audience.
 */
// The page people open most: compiled once (platform/db/compiled-once.ts).
const answeringRow = compiledOnce(
  ['orgId', 'kind', 'audience', 'questionnaireId'],
  (db, a: { orgId: number; kind: 'school' | 'bestuur'; audience: Audience; questionnaireId: number }) =>
    db
      .selectFrom('organisation as o')
      .leftJoin('questionnaire as q', (j) =>
        j
          .on('q.id', '=', a.questionnaireId)
          .on('q.audience', '=', a.audience)
          .on('q.status', '=', 'gepubliceerd'),
      )
      .leftJoin('school_year as y', 'y.id', 'q.school_year_id')
      .leftJoin('questionnaire_response as r', (j) =>
        j.onRef('r.questionnaire_id', '=', 'q.id').onRef('r.organisation_id', '=', 'o.id'),
      )
      .leftJoin('person as p', 'p.id', 'r.updated_by')
      .select([
        'o.id as orgId',
        'o.name as orgName',
        'o.parent_id as orgParentId',
        'o.kind as orgKind',
        ...questionnaireHeadColumns,
        'y.label as yearLabel',
        'r.id as rId',
        'r.answers as rAnswers',
        'r.sections_saved as rSectionsSaved',
        'r.revision as rRevision',
        'r.submitted_number as rSubmittedNumber',
        sql<Date>`r.updated_at`.as('rUpdatedAt'),
        'p.name as rUpdatedByName',
      ])
      .where('o.id', '=', a.orgId)
      .where('o.kind', '=', a.kind),
);

export async function findAnswering(db: Db, orgId: number, audience: Audience, questionnaireId: number) {
  const [row] = await answeringRow(db, {
    orgId,
    kind: audience === 'school' ? 'school' : 'bestuur',
    audience,
    questionnaireId,
  });
  if (!row) return undefined;
  const org: OrgRow = { id: row.orgId, name: row.orgName, parent_id: row.orgParentId, kind: row.orgKind };
  const questionnaire =
    row.id === null
      ? undefined
      : ({
          id: row.id,
          slug: row.slug,
          title: row.title,
          intro: row.intro,
          opens_on: row.opens_on,
          closes_on: row.closes_on,
          revision: row.revision,
          school_year_id: row.school_year_id,
          audience: row.audience,
          yearLabel: row.yearLabel,
        } as QuestionnaireHead);
  const response: ResponseRow | undefined =
    row.rId === null
      ? undefined
      : ({
          id: row.rId,
          answers: row.rAnswers,
          sections_saved: row.rSectionsSaved,
          revision: row.rRevision,
          submitted_number: row.rSubmittedNumber,
          updated_at: row.rUpdatedAt,
          updatedByName: row.rUpdatedByName,
        } as ResponseRow);
  return { org, questionnaire, response };
}

export type SaveResult = { ok: true; revision: number; responseId: number } | { ok: false };

/**
 * The database's refusal of a first answer on a questionnaire that is (by now) a concept: the
 * trigger of migration 0650, when an analist took it back while this save was on its way.
 */
export function isRefusedAsConcept(err: unknown): boolean {
  const e = err as { code?: string; where?: string } | null;
  return e?.code === '23514' && String(e.where ?? '').includes('questionnaire_response_needs_published');
}

/**
 * Writes the working copy when it is still at `revision` (0: none yet). A stale revision, or a
 * first save that finds one already made by someone else, writes nothing.
 */
export async function saveResponse(
  db: Db,
  v: {
    questionnaireId: number;
    orgId: number;
    revision: number;
    answers: Answers;
    sectionsSaved: string[];
    personId: number | null;
    now: Date;
  },
): Promise<SaveResult> {
  if (v.revision === 0) {
    const row = await db
      .insertInto('questionnaire_response')
      .values({
        questionnaire_id: v.questionnaireId,
        organisation_id: v.orgId,
        answers: JSON.stringify(v.answers),
        sections_saved: v.sectionsSaved,
        updated_by: v.personId,
        created_at: sql`${v.now}`,
        updated_at: sql`${v.now}`,
      })
      .onConflict((oc) => oc.columns(['questionnaire_id', 'organisation_id']).doNothing())
      .returning(['id', 'revision'])
      .executeTakeFirst();
    return row ? { ok: true, revision: row.revision, responseId: row.id } : { ok: false };
  }
  const row = await db
    .updateTable('questionnaire_response')
    .set({
      answers: JSON.stringify(v.answers),
      sections_saved: v.sectionsSaved,
      revision: sql`revision + 1`,
      updated_by: v.personId,
      updated_at: sql`${v.now}`,
    })
    .where('questionnaire_id', '=', v.questionnaireId)
    .where('organisation_id', '=', v.orgId)
    .where('revision', '=', v.revision)
    .returning(['id', 'revision'])
    .executeTakeFirst();
  return row ? { ok: true, revision: row.revision, responseId: row.id } : { ok: false };
}

/** Locks the working copy for a submit (two submits at once get consecutive numbers). */
export async function lockResponse(db: Db, questionnaireId: number, orgId: number) {
  return db
    .selectFrom('questionnaire_response')
    .select(['id', 'answers', 'revision', 'submitted_number'])
    .where('questionnaire_id', '=', questionnaireId)
    .where('organisation_id', '=', orgId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertSubmission(
  db: Db,
  v: {
    responseId: number;
    questionnaireId: number;
    orgId: number;
    number: number;
    answers: Answers;
    definitionRevision: number;
    personId: number | null;
    now: Date;
  },
) {
  await db
    .updateTable('questionnaire_response')
    .set({ submitted_number: v.number, revision: sql`revision + 1` })
    .where('id', '=', v.responseId)
    .execute();
  return db
    .insertInto('questionnaire_submission')
    .values({
      response_id: v.responseId,
      questionnaire_id: v.questionnaireId,
      organisation_id: v.orgId,
      number: v.number,
      answers: JSON.stringify(v.answers),
      definition_revision: v.definitionRevision,
      submitted_by: v.personId,
      submitted_at: sql`${v.now}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The organisation's monitoring rows become those of its newest submission. */
export async function replaceAnswerRows(
  db: Db,
  questionnaireId: number,
  orgId: number,
  submissionId: number,
  rows: AnswerRow[],
) {
  await db
    .deleteFrom('questionnaire_answer')
    .where('questionnaire_id', '=', questionnaireId)
    .where('organisation_id', '=', orgId)
    .execute();
  if (rows.length)
    await db
      .insertInto('questionnaire_answer')
      .values(
        rows.map((r) => ({
          questionnaire_id: questionnaireId,
          organisation_id: orgId,
          submission_id: submissionId,
          ...r,
        })),
      )
      .execute();
}

export async function submissionsOf(db: Db, questionnaireId: number, orgId: number) {
  return db
    .selectFrom('questionnaire_submission as s')
    .leftJoin('person as p', 'p.id', 's.submitted_by')
    .select(['s.id', 's.number', sql<Date>`s.submitted_at`.as('submitted_at'), 'p.name as submittedByName'])
    .where('s.questionnaire_id', '=', questionnaireId)
    .where('s.organisation_id', '=', orgId)
    .orderBy('s.number', 'desc')
    .execute();
}

export async function findSubmission(db: Db, questionnaireId: number, orgId: number, number: number) {
  return db
    .selectFrom('questionnaire_submission as s')
    .leftJoin('person as p', 'p.id', 's.submitted_by')
    .select([
      's.id',
      's.number',
      's.answers',
      sql<Date>`s.submitted_at`.as('submitted_at'),
      'p.name as submittedByName',
    ])
    .where('s.questionnaire_id', '=', questionnaireId)
    .where('s.organisation_id', '=', orgId)
    .where('s.number', '=', number)
    .executeTakeFirst();
}

/** The people who answer for an organisation and can receive mail. */
export async function respondents(db: Db, orgId: number, audience: Audience) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.email', 'p.name'])
    .distinctOn('p.id')
    .where('m.organisation_id', '=', orgId)
    .where('m.role', '=', audience === 'school' ? 'schoolleider' : 'bestuur')
    .where('p.disabled_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

/**
 * Published questionnaires closing between `today` and `until`, per open organisation of the
 * audience that has a respondent, has not submitted and got no reminder yet.
 */
export async function dueForReminder(db: Db, today: string, until: string) {
  return db
    .selectFrom('questionnaire as q')
    .innerJoin('organisation as o', (j) =>
      j.on(sql<boolean>`o.kind = case when q.audience = 'school' then 'school' else 'bestuur' end`),
    )
    .leftJoin('questionnaire_response as r', (j) =>
      j.onRef('r.questionnaire_id', '=', 'q.id').onRef('r.organisation_id', '=', 'o.id'),
    )
    .leftJoin('questionnaire_reminder as x', (j) =>
      j.onRef('x.questionnaire_id', '=', 'q.id').onRef('x.organisation_id', '=', 'o.id'),
    )
    .select([
      'q.id as questionnaireId',
      'q.title',
      'q.closes_on',
      'q.audience',
      'o.id as orgId',
      'o.name as orgName',
    ])
    .where('q.status', '=', 'gepubliceerd')
    .where('q.opens_on', '<=', today)
    .where('q.closes_on', '>=', today)
    .where('q.closes_on', '<=', until)
    .where('o.closed_on', 'is', null)
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.submitted_number', '=', 0)]))
    .where('x.questionnaire_id', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('membership as m')
          .select('m.person_id')
          .whereRef('m.organisation_id', '=', 'o.id')
          .where(
            'm.role',
            '=',
            sql<'schoolleider'>`case when q.audience = 'school' then 'schoolleider' else 'bestuur' end`,
          ),
      ),
    )
    .orderBy('q.id')
    .orderBy('o.id')
    .execute();
}

/** Claims the reminder; false when another run already sent it. */
export async function claimReminder(
  db: Db,
  questionnaireId: number,
  orgId: number,
  recipients: number,
  now: Date,
) {
  const r = await db
    .insertInto('questionnaire_reminder')
    .values({ questionnaire_id: questionnaireId, organisation_id: orgId, recipients, sent_at: now })
    .onConflict((oc) => oc.columns(['questionnaire_id', 'organisation_id']).doNothing())
    .returning('questionnaire_id')
    .executeTakeFirst();
  return r !== undefined;
}
