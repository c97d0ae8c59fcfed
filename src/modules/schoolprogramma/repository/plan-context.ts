// What every spending page starts from: the school, its plan for the current programme, the
// programme's school years and the plan's interventions. Without a plan there is nothing to spend
// on: the pages send the reader to the plan's home (where it is started), a write gets 404.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { listSchoolYears, loadProgramme } from '../../../platform/programme.ts';
import { findPlan, findSchool } from './plans.ts';
import { planInterventions } from './budget.ts';

export async function loadPlanContext(db: Kysely<DB>, schoolId: number) {
  const context = await loadPlanContextIfStarted(db, schoolId);
  if (!context) throw notFound();
  return context;
}

/** The context, or null when the school (which exists, else 404) has not started its plan. */
export async function loadPlanContextIfStarted(db: Kysely<DB>, schoolId: number) {
  const school = await findSchool(db, schoolId);
  if (!school) throw notFound();
  const programme = await loadProgramme(db);
  const plan = await findPlan(db, school.id, programme.id);
  if (!plan) return null;
  const years = await listSchoolYears(db, programme.id);
  const interventions = await planInterventions(db, plan.id);
  return {
    school,
    plan,
    years: years.map((y) => ({ id: y.id, label: y.label, startsOn: y.starts_on, endsOn: y.ends_on })),
    interventions,
  };
}

export type PlanContext = NonNullable<Awaited<ReturnType<typeof loadPlanContextIfStarted>>>;
