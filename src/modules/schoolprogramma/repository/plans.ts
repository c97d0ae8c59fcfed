// The school's plan row: found, or started on the first write. Kysely only.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/** The school (undefined when the id is not a school). */
export async function findSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'parent_id', 'kind', 'sector'])
    .where('id', '=', schoolId)
    .where('kind', '=', 'school')
    .executeTakeFirst();
}

export type PlanSchool = NonNullable<Awaited<ReturnType<typeof findSchool>>>;

/** The school's plan for the programme, if it has started one. */
export async function findPlan(db: Db, schoolId: number, programmeId: number) {
  return db
    .selectFrom('school_plan')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** The school's plan, started now if it has none (safe when two people start it at once). */
export async function ensurePlan(
  db: Db,
  schoolId: number,
  programmeId: number,
  personId: number | null,
  now: Date,
) {
  await db
    .insertInto('school_plan')
    .values({
      school_id: schoolId,
      programme_id: programmeId,
      created_at: now,
      created_by: personId,
      updated_at: now,
      updated_by: personId,
    })
    .onConflict((oc) => oc.columns(['school_id', 'programme_id']).doNothing())
    .execute();
  return (await findPlan(db, schoolId, programmeId))!;
}
