// The tenant's objects the authorization matrix, the cross-tenant suite and the browser walk name
// on the plan's routes: the plan itself, a fresh goal and a fresh intervention (so deleting and
// changing from revision 1 always work). Kysely only.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { ensurePlan } from './plans.ts';
import { planMenu } from '../services/plan-menu.ts';

type Db = Kysely<DB>;

export async function examplePlan(db: Db, schoolId: number): Promise<number> {
  const programme = await loadProgramme(db);
  return (await ensurePlan(db, schoolId, programme.id, null, new Date())).id;
}

export async function exampleGoal(db: Db, schoolId: number): Promise<number> {
  const planId = await examplePlan(db, schoolId);
  const now = new Date();
  const row = await db
    .insertInto('school_plan_goal')
    .values({
      plan_id: planId,
      what: 'Groep 5 rekent weer zoals eerdere jaargangen.',
      for_whom: 'Groep 5',
      due_on: '2023-07-14',
      measure: 'Methode-onafhankelijke toets rekenen in juni.',
      position: 1000,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The code of an intervention the school may choose today (the first of the menu). */
export async function exampleChoosableCode(db: Db, schoolId: number): Promise<string> {
  const school = await db
    .selectFrom('organisation')
    .select('sector')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  const menu = await planMenu(db, new Date(), school?.sector ?? null);
  return menu.choosable[0]!.code;
}

export async function examplePlanIntervention(db: Db, schoolId: number): Promise<number> {
  const planId = await examplePlan(db, schoolId);
  const school = await db
    .selectFrom('organisation')
    .select('sector')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  const menu = await planMenu(db, new Date(), school?.sector ?? null);
  const now = new Date();
  const row = await db
    .insertInto('school_plan_intervention')
    .values({
      plan_id: planId,
      intervention_id: menu.choosable[0]!.id,
      menu_version_id: menu.version.id,
      grades: [5],
      pupils: 28,
      starts_on: '2021-10-01',
      ends_on: '2023-07-14',
      responsible: 'Intern begeleider',
      evaluation_plan: 'Na elk toetsmoment bespreekt het team de resultaten.',
      position: 1000,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The plan's current revision (the intro form posts it back). */
export async function examplePlanRevision(db: Db, schoolId: number): Promise<string> {
  const planId = await examplePlan(db, schoolId);
  const r = await db
    .selectFrom('school_plan')
    .select('revision')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  return String(r.revision);
}
