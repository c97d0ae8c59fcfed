// What the route examples need (authorization matrix, cross-tenant suite, axe walk): one open,
// published questionnaire per audience (found by slug, made once per database) and, for the
// submit example, a complete working copy of the tenant's answers.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { definitionSchema } from '../services/definition.ts';
import type { Audience } from '../tables.ts';

type Db = Kysely<DB>;

export const exampleDefinition = definitionSchema.parse({
  sections: [
    {
      key: 'algemeen',
      title: 'Algemeen',
      questions: [
        { key: 'schoolscan-gedaan', type: 'ja-nee', label: 'Is er een schoolscan gemaakt?', required: true },
        { key: 'toelichting', type: 'tekst', label: 'Toelichting', required: false },
      ],
    },
  ],
});

/** The example questionnaire of an audience: open from 2021 until far ahead. */
export async function exampleQuestionnaire(db: Db, audience: Audience): Promise<number> {
  const slug = `voorbeeld-${audience}-open`;
  const found = await db.selectFrom('questionnaire').select('id').where('slug', '=', slug).executeTakeFirst();
  if (found) return found.id;
  const year = await db
    .selectFrom('school_year')
    .select(['id', 'programme_id'])
    .orderBy('starts_on')
    .limit(1)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('questionnaire')
    .values({
      programme_id: year.programme_id,
      school_year_id: year.id,
      audience,
      slug,
      title: audience === 'school' ? 'Vragenlijst voor schoolleiders' : 'Vragenlijst voor besturen',
      intro: 'Een korte vragenlijst over het programma.',
      opens_on: '2021-08-23',
      closes_on: '2099-12-31',
      status: 'gepubliceerd',
      definition: JSON.stringify(exampleDefinition),
      published_at: new Date('2021-08-16T09:00:00Z'),
    })
    .onConflict((oc) => oc.columns(['programme_id', 'slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? exampleQuestionnaire(db, audience);
}

/**
 * A complete working copy for the organisation, put back at revision 1 every time, so an example
 * body can name that revision as a constant (the same for every tenant: it names no object).
 */
export const exampleRevision = 1;
export async function exampleCompleteResponse(
  db: Db,
  questionnaireId: number,
  orgId: number,
): Promise<number> {
  const row = await db
    .insertInto('questionnaire_response')
    .values({
      questionnaire_id: questionnaireId,
      organisation_id: orgId,
      answers: JSON.stringify({ 'schoolscan-gedaan': 'ja' }),
      sections_saved: ['algemeen'],
      revision: exampleRevision,
    })
    .onConflict((oc) =>
      oc.columns(['questionnaire_id', 'organisation_id']).doUpdateSet({
        answers: sql`excluded.answers`,
        sections_saved: sql`excluded.sections_saved`,
        revision: exampleRevision,
      }),
    )
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

/**
 * The organisation's first submission (made when there is none): always number 1, the same for
 * every tenant, so the example names no other tenant's object.
 */
export async function exampleSubmission(db: Db, questionnaireId: number, orgId: number): Promise<number> {
  const found = await db
    .selectFrom('questionnaire_submission')
    .select('number')
    .where('questionnaire_id', '=', questionnaireId)
    .where('organisation_id', '=', orgId)
    .where('number', '=', 1)
    .executeTakeFirst();
  if (found) return found.number;
  await exampleCompleteResponse(db, questionnaireId, orgId);
  const r = await db
    .updateTable('questionnaire_response')
    .set({ submitted_number: 1 })
    .where('questionnaire_id', '=', questionnaireId)
    .where('organisation_id', '=', orgId)
    .returning(['id', 'answers'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('questionnaire_submission')
    .values({
      response_id: r.id,
      questionnaire_id: questionnaireId,
      organisation_id: orgId,
      number: 1,
      answers: JSON.stringify(r.answers),
      definition_revision: 1,
    })
    .execute();
  return 1;
}
