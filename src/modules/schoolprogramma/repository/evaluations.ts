// Evaluations of a plan's interventions, and the school's scan pages they may link to. Kysely only.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { PlanLink } from '../tables.ts';
import type { EvaluationValue } from '../services/evaluation.ts';

type Db = Kysely<DB>;

/** An intervention of the school's plan for the programme (undefined when it is another's). */
export async function findPlanIntervention(db: Db, schoolId: number, programmeId: number, id: number) {
  return db
    .selectFrom('school_plan_intervention as i')
    .innerJoin('school_plan as p', 'p.id', 'i.plan_id')
    .innerJoin('menukaart_intervention as m', 'm.id', 'i.intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .select(['i.id', 'i.plan_id', 'i.starts_on', 'i.ends_on', 'i.evaluation_plan', 'm.code', 'e.name_nl'])
    .where('i.id', '=', id)
    .where('p.school_id', '=', schoolId)
    .where('p.programme_id', '=', programmeId)
    .executeTakeFirst();
}

export type PlanInterventionRef = NonNullable<Awaited<ReturnType<typeof findPlanIntervention>>>;

const columns = [
  'ev.id',
  'ev.evaluated_on',
  'ev.results',
  'ev.evidence_links',
  'ev.decision',
  'ev.decision_reason',
  'ev.revision',
  'ev.updated_at',
  'p.name as updated_by_name',
] as const;

/** The evaluations of an intervention, newest first. */
export async function evaluationsOf(db: Db, planInterventionId: number) {
  return db
    .selectFrom('school_plan_evaluation as ev')
    .leftJoin('person as p', 'p.id', 'ev.updated_by')
    .select(columns)
    .where('ev.plan_intervention_id', '=', planInterventionId)
    .orderBy('ev.evaluated_on', 'desc')
    .orderBy('ev.id', 'desc')
    .execute();
}

export type EvaluationRow = Awaited<ReturnType<typeof evaluationsOf>>[number];

/** One evaluation of this intervention (undefined when it belongs to another). */
export async function findEvaluation(db: Db, planInterventionId: number, evaluationId: number) {
  return db
    .selectFrom('school_plan_evaluation as ev')
    .leftJoin('person as p', 'p.id', 'ev.updated_by')
    .select(columns)
    .where('ev.plan_intervention_id', '=', planInterventionId)
    .where('ev.id', '=', evaluationId)
    .executeTakeFirst();
}

export async function insertEvaluation(
  db: Db,
  planInterventionId: number,
  v: EvaluationValue,
  personId: number | null,
  now: Date,
) {
  return db
    .insertInto('school_plan_evaluation')
    .values({
      plan_intervention_id: planInterventionId,
      evaluated_on: v.evaluatedOn,
      results: v.results,
      evidence_links: JSON.stringify(v.links),
      decision: v.decision,
      decision_reason: v.reason,
      created_at: now,
      created_by: personId,
      updated_at: now,
      updated_by: personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Saves over revision `revision`; undefined when someone else saved in between (optimistic lock). */
export async function updateEvaluation(
  db: Db,
  planInterventionId: number,
  evaluationId: number,
  revision: number,
  v: EvaluationValue,
  personId: number | null,
  now: Date,
) {
  return db
    .updateTable('school_plan_evaluation')
    .set((eb) => ({
      evaluated_on: v.evaluatedOn,
      results: v.results,
      evidence_links: JSON.stringify(v.links),
      decision: v.decision,
      decision_reason: v.reason,
      revision: eb('revision', '+', 1),
      updated_at: now,
      updated_by: personId,
    }))
    .where('id', '=', evaluationId)
    .where('plan_intervention_id', '=', planInterventionId)
    .where('revision', '=', revision)
    .returning('revision')
    .executeTakeFirst();
}

/**
 * The scan pages an evaluation may link to: the school's scans (and their analysis) of the
 * school years that end after the intervention started, oldest first.
 */
export async function scanLinkOptions(db: Db, schoolId: number, startsOn: string): Promise<PlanLink[]> {
  const rows = await db
    .selectFrom('schoolscan as s')
    .innerJoin('school_year as y', 'y.id', 's.school_year_id')
    .select(['s.school_year_id', 's.status', 'y.label'])
    .where('s.school_id', '=', schoolId)
    .where('y.ends_on', '>=', startsOn)
    .orderBy('y.starts_on')
    .execute();
  return rows.flatMap((r) => {
    const base = `/scholen/${schoolId}/schoolscan/${r.school_year_id}`;
    return [
      {
        href: base,
        label: `Schoolscan ${r.label} (${r.status === 'afgerond' ? 'afgerond' : 'in bewerking'})`,
      },
      { href: `${base}/analyse`, label: `Analyse van de toetsgegevens ${r.label}` },
    ];
  });
}

/** For the plan's overview: the latest decision per intervention of a plan, in one query. */
export async function latestDecisions(db: Db, planId: number) {
  return db
    .selectFrom('school_plan_evaluation as ev')
    .innerJoin('school_plan_intervention as i', 'i.id', 'ev.plan_intervention_id')
    .distinctOn('ev.plan_intervention_id')
    .select(['ev.plan_intervention_id', 'ev.decision', 'ev.decision_reason', 'ev.evaluated_on'])
    .where('i.plan_id', '=', planId)
    .where('ev.decision', 'is not', null)
    .orderBy('ev.plan_intervention_id')
    .orderBy('ev.evaluated_on', 'desc')
    .orderBy('ev.id', 'desc')
    .execute();
}
