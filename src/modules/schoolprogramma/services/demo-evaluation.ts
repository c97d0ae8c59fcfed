// Demo data of the board part: one evaluation, with a decision, of the first intervention of the
// first demo school with a plan (made by the plan's demo part). Does nothing without plan interventions, or
// when that intervention already has an evaluation.
import type { DemoStep } from '../../../platform/demo-step.ts';
import { loadProgramme } from '../../../platform/programme.ts';

export const demoEvaluation: DemoStep['run'] = async (db, orgs) => {
  const programme = await loadProgramme(db);
  const first = await db
    .selectFrom('school_plan_intervention as i')
    .innerJoin('school_plan as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.starts_on'])
    .where('p.school_id', 'in', [orgs.schools.bo, orgs.schools.so, orgs.schools.vo])
    .where('p.programme_id', '=', programme.id)
    .orderBy('p.id')
    .orderBy('i.position')
    .orderBy('i.id')
    .limit(1)
    .executeTakeFirst();
  if (!first) return [];
  const done = await db
    .selectFrom('school_plan_evaluation')
    .select('id')
    .where('plan_intervention_id', '=', first.id)
    .limit(1)
    .executeTakeFirst();
  if (done) return [];
  // The end of the first school year of the intervention: the usual moment to look back.
  const year = Number(first.starts_on.slice(0, 4)) + (first.starts_on.slice(5) >= '08-01' ? 1 : 0);
  const now = new Date();
  await db
    .insertInto('school_plan_evaluation')
    .values({
      plan_intervention_id: first.id,
      evaluated_on: `${year}-06-24`,
      results:
        'De meeste leerlingen van de groepjes lezen na een half jaar een niveau hoger. Vier leerlingen groeien nog te weinig.',
      evidence_links: '[]',
      decision: 'bijstellen',
      decision_reason:
        'De aanpak werkt. Volgend jaar krijgen de vier leerlingen die achterblijven een extra kwartier per dag.',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return ['Schoolprogramma: een evaluatie met besluit bij de eerste interventie van de demoschool.'];
};
