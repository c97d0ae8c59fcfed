// Objects for the route examples of monitoring (authorization matrix, cross-tenant and browser
// suites): a published round and one submission of the tenant's school. Test support only; never
// called by the platform itself.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { answerRows } from '../services/answer-rows.ts';
import { definitionSchema } from '../services/definition.ts';

const slug = 'monitoring-voorbeeld';

const definition = definitionSchema.parse({
  sections: [
    {
      key: 'schoolscan',
      title: 'De schoolscan',
      questions: [
        {
          key: 'schoolscan-gedaan',
          type: 'ja-nee',
          label: 'Heeft de school een schoolscan gemaakt?',
          required: true,
        },
        { key: 'mr-instemming', type: 'ja-nee', label: 'Heeft de MR ingestemd?', required: true },
      ],
    },
  ],
});

/**
 * A published school questionnaire of its own (by slug), so the answering part's examples never
 * meet these responses.
 */
export async function exampleRound(db: Kysely<DB>): Promise<number> {
  const existing = await db
    .selectFrom('questionnaire')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (existing) return existing.id;
  const programme = await loadProgramme(db);
  const [year] = await listSchoolYears(db, programme.id);
  const row = await db
    .insertInto('questionnaire')
    .values({
      programme_id: programme.id,
      school_year_id: year!.id,
      audience: 'school',
      slug,
      title: 'Vragenlijst voor schoolleiders (voorbeeld)',
      opens_on: '2021-08-23',
      closes_on: '2021-09-17',
      status: 'gepubliceerd',
      definition: JSON.stringify(definition),
      published_at: new Date('2021-08-16T09:00:00Z'),
    })
    .onConflict((c) => c.columns(['programme_id', 'slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? (await exampleRound(db));
}

/** A submission of the school to the example round (made once). */
export async function exampleSubmission(db: Kysely<DB>, schoolId: number): Promise<number> {
  const questionnaireId = await exampleRound(db);
  const found = await db
    .selectFrom('questionnaire_submission')
    .select('id')
    .where('questionnaire_id', '=', questionnaireId)
    .where('organisation_id', '=', schoolId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (found) return found.id;
  const q = await db
    .selectFrom('questionnaire')
    .select(['definition', 'revision'])
    .where('id', '=', questionnaireId)
    .executeTakeFirstOrThrow();
  const answers = { 'schoolscan-gedaan': 'ja', 'mr-instemming': 'ja' };
  return db.transaction().execute(async (trx) => {
    const response = await trx
      .insertInto('questionnaire_response')
      .values({
        questionnaire_id: questionnaireId,
        organisation_id: schoolId,
        answers: JSON.stringify(answers),
        submitted_number: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sub = await trx
      .insertInto('questionnaire_submission')
      .values({
        response_id: response.id,
        questionnaire_id: questionnaireId,
        organisation_id: schoolId,
        number: 1,
        answers: JSON.stringify(answers),
        definition_revision: q.revision,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = answerRows(q.definition, answers);
    if (rows.length)
      await trx
        .insertInto('questionnaire_answer')
        .values(
          rows.map((r) => ({
            ...r,
            questionnaire_id: questionnaireId,
            organisation_id: schoolId,
            submission_id: sub.id,
          })),
        )
        .execute();
    return sub.id;
  });
}
