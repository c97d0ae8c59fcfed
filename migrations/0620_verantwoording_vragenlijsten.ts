// Seeds the real questionnaires (school leaders per round, boards per school year) from
// resources/verantwoording/*.json, so no questionnaire lives in code. Idempotent by slug: a
// questionnaire that already exists (e.g. edited by an analist) is left alone.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';

interface QuestionnaireFile {
  slug: string;
  audience: 'school' | 'bestuur';
  schoolYear: string;
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  status: 'concept' | 'gepubliceerd';
  definition: unknown;
}

export async function up(db: Kysely<any>): Promise<void> {
  const dir = fromRoot('resources/verantwoording');
  const programme = await db
    .selectFrom('programme')
    .select('id')
    .where('code', '=', 'NPO')
    .executeTakeFirst();
  if (!programme) return;
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const f = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as QuestionnaireFile;
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .where('programme_id', '=', programme.id)
      .where('label', '=', f.schoolYear)
      .executeTakeFirst();
    if (!year) throw new Error(`${name}: schooljaar ${f.schoolYear} bestaat niet`);
    await db
      .insertInto('questionnaire')
      .values({
        programme_id: programme.id,
        school_year_id: year.id,
        audience: f.audience,
        slug: f.slug,
        title: f.title,
        intro: f.intro,
        opens_on: f.opensOn,
        closes_on: f.closesOn,
        status: f.status,
        definition: JSON.stringify(f.definition),
        // Seeded rounds count as published on the day they opened.
        published_at: f.status === 'gepubliceerd' ? new Date(`${f.opensOn}T08:00:00Z`) : null,
      })
      .onConflict((oc) => oc.columns(['programme_id', 'slug']).doNothing())
      .execute();
  }
}
