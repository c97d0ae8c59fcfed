// What the monitoring benchmark needs from a generated national database: the round it measures
// (the 2021-22 start round when it exists), a school that answered it, and signed-in sessions for
// an analist and that school's leader.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { createSession, sessionCookie } from '../../../platform/auth/session.ts';

export interface BenchSetup {
  questionnaireId: number;
  slug: string;
  submissions: number;
  sectionKey: string;
  schoolId: number;
  /** The published school rounds (the dashboard's "year"), oldest first. */
  roundIds: number[];
  /** The most common denominations among schools. */
  denominations: string[];
  analistCookie: string;
  schoolCookie: string;
}

async function signedIn(db: Kysely<DB>, role: Role, organisationId: number): Promise<string> {
  const person = await db
    .insertInto('person')
    // A new address each run, so the benchmark can run again on a kept database.
    .values({ email: `${role}-${organisationId}-${Date.now()}@bench.example`, name: `Bench ${role}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: organisationId, role })
    .execute();
  const { token } = await createSession(db, person.id, { mfaVerified: true });
  return `${sessionCookie}=${token}`;
}

export async function benchSetup(db: Kysely<DB>): Promise<BenchSetup> {
  const q = await db
    .selectFrom('questionnaire')
    .select(['id', 'slug', 'definition'])
    .where('audience', '=', 'school')
    .where('status', '=', 'gepubliceerd')
    .orderBy(sql`slug = 'schoolleiders-2021-2022'`, 'desc')
    .orderBy('opens_on')
    .limit(1)
    .executeTakeFirst();
  if (!q)
    throw new Error(
      'Er is geen gepubliceerde vragenlijst voor scholen, dus ook geen landelijke antwoorden. ' +
        'De echte vragenlijsten komen uit de migraties van verantwoording (0620).',
    );
  const counted = await db
    .selectFrom('questionnaire_submission')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('questionnaire_id', '=', q.id)
    .executeTakeFirstOrThrow();
  const school = await db
    .selectFrom('questionnaire_response as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select('o.id')
    .where('r.questionnaire_id', '=', q.id)
    .orderBy('o.code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const ministry = await db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'ministerie')
    .executeTakeFirstOrThrow();
  const rounds = await db
    .selectFrom('questionnaire')
    .select('id')
    .where('audience', '=', 'school')
    .where('status', '=', 'gepubliceerd')
    .orderBy('opens_on')
    .execute();
  const denominations = await db
    .selectFrom('organisation')
    .select('denomination')
    .where('kind', '=', 'school')
    .where('denomination', 'is not', null)
    .groupBy('denomination')
    .orderBy(sql`count(*)`, 'desc')
    .limit(6)
    .execute();
  return {
    questionnaireId: q.id,
    roundIds: rounds.map((r) => r.id),
    denominations: denominations.map((d) => d.denomination!),
    slug: q.slug,
    submissions: Number(counted.n),
    sectionKey: q.definition.sections[0]!.key,
    schoolId: school.id,
    analistCookie: await signedIn(db, 'analist', ministry.id),
    schoolCookie: await signedIn(db, 'schoolleider', school.id),
  };
}
