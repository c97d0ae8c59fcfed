// Objects for the route examples of the evaluation pages (authorization matrix, cross-tenant and
// browser suites): an intervention in the tenant's plan and a fresh evaluation of it. Test
// support only; never called by the platform itself.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { ensurePlan } from './plans.ts';

/** An intervention of the school's plan (the first; made with the plan when there is none). */
export async function examplePlanIntervention(db: Kysely<DB>, schoolId: number): Promise<number> {
  const programme = await loadProgramme(db);
  const plan = await ensurePlan(db, schoolId, programme.id, null, new Date());
  const existing = await db
    .selectFrom('school_plan_intervention')
    .select('id')
    .where('plan_id', '=', plan.id)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const entry = await db
    .selectFrom('menukaart_entry')
    .select(['intervention_id', 'version_id'])
    .where('withdrawn', '=', false)
    .orderBy('version_id', 'desc')
    .orderBy('intervention_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const now = new Date();
  const row = await db
    .insertInto('school_plan_intervention')
    .values({
      plan_id: plan.id,
      intervention_id: entry.intervention_id,
      menu_version_id: entry.version_id,
      pupils: 24,
      starts_on: '2021-10-01',
      ends_on: '2023-07-14',
      responsible: 'Intern begeleider',
      evaluation_plan: 'In juni met de methode-onafhankelijke toets.',
      position: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new evaluation (revision 1) of the school's example intervention. */
export async function exampleEvaluation(db: Kysely<DB>, schoolId: number) {
  const planInterventionId = await examplePlanIntervention(db, schoolId);
  const now = new Date();
  const row = await db
    .insertInto('school_plan_evaluation')
    .values({
      plan_intervention_id: planInterventionId,
      evaluated_on: '2022-06-14',
      results: 'Twee derde van de groep leest op niveau.',
      evidence_links: '[]',
      decision: 'doorgaan',
      decision_reason: 'De aanpak werkt; de groepjes blijven.',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { schoolId, planInterventionId, evaluationId: row.id };
}
