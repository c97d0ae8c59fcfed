// What every spending page starts from: the school, its plan for the current programme (none
// means nothing to spend on: 404), the programme's school years and the plan's interventions.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { listSchoolYears, loadProgramme } from '../../../platform/programme.ts';
import { findPlan, findSchool } from './plans.ts';
import { planInterventions } from './budget.ts';

export async function loadPlanContext(db: Kysely<DB>, schoolId: number) {
  const school = await findSchool(db, schoolId);
  if (!school) throw notFound();
  const programme = await loadProgramme(db);
  const plan = await findPlan(db, school.id, programme.id);
  if (!plan) throw notFound();
  const years = await listSchoolYears(db, programme.id);
  const interventions = await planInterventions(db, plan.id);
  return {
    school,
    plan,
    years: years.map((y) => ({ id: y.id, label: y.label, startsOn: y.starts_on, endsOn: y.ends_on })),
    interventions,
  };
}

export type PlanContext = Awaited<ReturnType<typeof loadPlanContext>>;
