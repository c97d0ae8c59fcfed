// The questionnaires themselves (SQL only): the list per school year and audience, one by id,
// and the builder's writes. Every write names the revision it started from, so two analists
// editing at once never overwrite each other silently.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Definition } from '../services/definition.ts';
import type { Audience, QuestionnaireStatus } from '../tables.ts';

type Db = Kysely<DB>;

/** A moment as a timestamptz value (the generated timestamp columns do not take a Date in their type). */
const at = (d: Date) => sql<never>`${d.toISOString()}::timestamptz`;

export interface QuestionnaireSummary {
  id: number;
  slug: string;
  title: string;
  audience: Audience;
  status: QuestionnaireStatus;
  opens_on: string;
  closes_on: string;
  school_year_id: number;
  school_year_label: string;
  revision: number;
  /** How many schools or boards started answering it. */
  responses: number;
}

export interface QuestionnaireRow extends QuestionnaireSummary {
  programme_id: number;
  intro: string;
  definition: Definition;
  copied_from: number | null;
  published_at: unknown;
}

const base = (db: Db) =>
  db
    .selectFrom('questionnaire as q')
    .innerJoin('school_year as y', 'y.id', 'q.school_year_id')
    .select((eb) => [
      'q.id',
      'q.slug',
      'q.title',
      'q.audience',
      'q.status',
      'q.opens_on',
      'q.closes_on',
      'q.school_year_id',
      'y.label as school_year_label',
      'q.revision',
      eb
        .selectFrom('questionnaire_response as r')
        .whereRef('r.questionnaire_id', '=', 'q.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('responses'),
    ]);

/** The programme's questionnaires, by school year, then audience, then opening date. */
export async function listQuestionnaires(
  db: Db,
  programmeId: number,
  filter: { audience?: Audience; schoolYearId?: number } = {},
): Promise<QuestionnaireSummary[]> {
  let q = base(db).where('q.programme_id', '=', programmeId);
  if (filter.audience) q = q.where('q.audience', '=', filter.audience);
  if (filter.schoolYearId) q = q.where('q.school_year_id', '=', filter.schoolYearId);
  const rows = await q
    .orderBy('y.starts_on')
    .orderBy('q.audience', 'desc')
    .orderBy('q.opens_on')
    .orderBy('q.id')
    .execute();
  return rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) }));
}

/** One questionnaire with its definition, or undefined. */
export async function findQuestionnaire(db: Db, id: number): Promise<QuestionnaireRow | undefined> {
  const r = await base(db)
    .select(['q.programme_id', 'q.intro', 'q.definition', 'q.copied_from', 'q.published_at'])
    .where('q.id', '=', id)
    .executeTakeFirst();
  return r ? { ...r, responses: Number(r.responses ?? 0) } : undefined;
}

export async function findQuestionnaireIdBySlug(db: Db, programmeId: number, slug: string) {
  const r = await db
    .selectFrom('questionnaire')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r?.id;
}

export interface NewQuestionnaire {
  programmeId: number;
  schoolYearId: number;
  audience: Audience;
  slug: string;
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  definition: Definition;
  copiedFrom: number | null;
  personId: number | null;
  now: Date;
}

export async function insertQuestionnaire(db: Db, n: NewQuestionnaire): Promise<number> {
  const row = await db
    .insertInto('questionnaire')
    .values({
      programme_id: n.programmeId,
      school_year_id: n.schoolYearId,
      audience: n.audience,
      slug: n.slug,
      title: n.title,
      intro: n.intro,
      opens_on: n.opensOn,
      closes_on: n.closesOn,
      status: 'concept',
      definition: JSON.stringify(n.definition),
      copied_from: n.copiedFrom,
      created_by: n.personId,
      updated_by: n.personId,
      created_at: at(n.now),
      updated_at: at(n.now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface QuestionnairePatch {
  title?: string;
  intro?: string;
  slug?: string;
  schoolYearId?: number;
  audience?: Audience;
  opensOn?: string;
  closesOn?: string;
  definition?: Definition;
  publish?: boolean;
  /** Back to concept (only while nobody answered: the caller checks under the row lock). */
  unpublish?: boolean;
}

export type UpdateOutcome = { ok: true; revision: number } | { ok: false; reason: 'verouderd' | 'onbekend' };

/** Applies a change when the row is still at `revision`; the revision goes up by one. */
export async function updateQuestionnaire(
  db: Db,
  id: number,
  revision: number,
  patch: QuestionnairePatch,
  who: { personId: number | null; now: Date },
): Promise<UpdateOutcome> {
  const row = await db
    .updateTable('questionnaire')
    .set((eb) => ({
      revision: eb('revision', '+', 1),
      updated_at: at(who.now),
      updated_by: who.personId,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.intro !== undefined ? { intro: patch.intro } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(patch.schoolYearId !== undefined ? { school_year_id: patch.schoolYearId } : {}),
      ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
      ...(patch.opensOn !== undefined ? { opens_on: patch.opensOn } : {}),
      ...(patch.closesOn !== undefined ? { closes_on: patch.closesOn } : {}),
      ...(patch.definition !== undefined ? { definition: JSON.stringify(patch.definition) } : {}),
      ...(patch.publish ? { status: 'gepubliceerd' as const, published_at: at(who.now) } : {}),
      ...(patch.unpublish ? { status: 'concept' as const, published_at: null } : {}),
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning('revision')
    .executeTakeFirst();
  if (row) return { ok: true, revision: row.revision };
  const exists = await db.selectFrom('questionnaire').select('id').where('id', '=', id).executeTakeFirst();
  return { ok: false, reason: exists ? 'verouderd' : 'onbekend' };
}

/** True once any school or board started answering: from then on the structure stays. */
export async function hasResponses(db: Db, id: number): Promise<boolean> {
  const r = await db
    .selectFrom('questionnaire_response')
    .select('id')
    .where('questionnaire_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Takes the row lock, so a response started at this moment waits for the structural change. */
export async function lockQuestionnaire(db: Db, id: number): Promise<void> {
  await db.selectFrom('questionnaire').select('id').where('id', '=', id).forUpdate().execute();
}
