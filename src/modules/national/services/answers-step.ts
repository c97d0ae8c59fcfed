// The national dataset step of verantwoording: answers to every published questionnaire and
// confirmed annual reports, for the schools of the people step (the same seeded sample with
// `--max-scholen`), each answered by that school's or board's test account.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { generateNationalAnswers } from '../../verantwoording/services/national-generate.ts';
import * as people from '../repository/people.ts';
import type { NationalStep } from './steps.ts';
import { emailFor, streamOf } from './people.ts';

/** The schools of the dataset: all open schools with a board, or the people step's sample of them. */
export async function datasetSchoolIds(
  db: Kysely<DB>,
  seed: number,
  max?: number,
): Promise<number[] | undefined> {
  if (max === undefined) return undefined;
  const schools = await people.openSchoolsWithBoard(db);
  if (max >= schools.length) return undefined;
  // The same key and order as people.ts chooses with, so the sample has test accounts.
  const keyed = schools.map((s) => ({ s, key: streamOf(seed, `keuze:${s.code}`)() }));
  keyed.sort((a, b) => a.key - b.key || (a.s.code < b.s.code ? -1 : 1));
  return keyed.slice(0, max).map((k) => k.s.id);
}

export const answersStep: NationalStep = {
  name: 'verantwoording',
  async run(db, ctx) {
    const r = await generateNationalAnswers(db, {
      seed: ctx.seed,
      schoolIds: await datasetSchoolIds(db, ctx.seed, ctx.maxSchools),
      respondent: (kind, code) => emailFor(kind === 'school' ? 'schoolleider' : 'bestuur', code),
      progress: ctx.progress,
    });
    ctx.out(
      `  ${r.questionnaires} vragenlijsten, ${r.schools} scholen en ${r.boards} besturen: ` +
        `${r.responses} nieuwe antwoorden (${r.submissions} inzendingen, ${r.rows} regels voor de monitor), ` +
        `${r.reports} nieuwe bevestigde jaarverslagen`,
    );
  },
};
