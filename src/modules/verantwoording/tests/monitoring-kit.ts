// Test data for monitoring: schools of each sector group under one board, each with a submitted
// answer to a questionnaire (answers spread over questionnaire_answer as the submit does), so a
// test can put exactly 4 schools in a cell.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import { answerRows } from '../services/answer-rows.ts';
import type { Definition } from '../services/definition.ts';
import type { Answers } from '../tables.ts';

let serial = 0;

export interface SchoolSpec {
  sector: Sector;
  answers: Answers;
  municipality?: string;
  denomination?: string;
}

/** Creates the schools (under boardId) and one submission each; returns the submission ids. */
export async function seedSubmissions(
  db: Kysely<DB>,
  boardId: number,
  questionnaireId: number,
  definition: Definition,
  schools: SchoolSpec[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const s of schools) {
    serial += 1;
    const school = await db
      .insertInto('organisation')
      .values({
        kind: 'school',
        name: `Monitorschool ${serial}`,
        code: `${String(serial)
          .padStart(4, '0')
          .replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!)}${String(serial % 100).padStart(2, '0')}`,
        parent_id: boardId,
        sector: s.sector,
        municipality_code: s.municipality ?? '0344',
        denomination: s.denomination ?? 'Openbaar',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sub = await submitOnce(db, questionnaireId, school.id, s.answers);
    const rows = answerRows(definition, s.answers);
    if (rows.length)
      await db
        .insertInto('questionnaire_answer')
        .values(
          rows.map((r) => ({
            ...r,
            questionnaire_id: questionnaireId,
            organisation_id: school.id,
            submission_id: sub.id,
          })),
        )
        .execute();
    ids.push(sub.id);
  }
  return ids;
}

/** A working copy and its first submission for one organisation (school or board). */
export async function submitOnce(
  db: Kysely<DB>,
  questionnaireId: number,
  organisationId: number,
  answers: Answers,
): Promise<{ id: number }> {
  const response = await db
    .insertInto('questionnaire_response')
    .values({
      questionnaire_id: questionnaireId,
      organisation_id: organisationId,
      answers: JSON.stringify(answers),
      submitted_number: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('questionnaire_submission')
    .values({
      response_id: response.id,
      questionnaire_id: questionnaireId,
      organisation_id: organisationId,
      number: 1,
      answers: JSON.stringify(answers),
      definition_revision: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** n copies of a school spec. */
export const times = (n: number, spec: SchoolSpec): SchoolSpec[] => Array.from({ length: n }, () => spec);
