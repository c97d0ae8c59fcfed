// Seeds the NP Onderwijs programme and its school years from resources/programmes, so that
// no programme fact lives in code. Later programmes arrive the same way, as data.
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';

interface ProgrammeFile {
  code: string;
  name: string;
  shortName: string;
  description: string;
  spendUntil: string | null;
  source: string;
  schoolYears: {
    label: string;
    startsOn: string;
    endsOn: string;
    teldatum: string | null;
    planDeadline: string | null;
    questionnaireDeadline: string | null;
    note: string | null;
  }[];
}

export async function up(db: Kysely<any>): Promise<void> {
  const file = fromRoot('resources/programmes/np-onderwijs.json');
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as ProgrammeFile;
  const { id } = await db
    .insertInto('programme')
    .values({
      code: p.code,
      name: p.name,
      short_name: p.shortName,
      description: p.description,
      spend_until: p.spendUntil,
      source: p.source,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('school_year')
    .values(
      p.schoolYears.map((y) => ({
        programme_id: id,
        label: y.label,
        starts_on: y.startsOn,
        ends_on: y.endsOn,
        teldatum: y.teldatum,
        plan_deadline: y.planDeadline,
        questionnaire_deadline: y.questionnaireDeadline,
        note: y.note,
      })),
    )
    .execute();
}
