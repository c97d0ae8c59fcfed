// The frozen content of a plan: what a version holds (school_plan_version.snapshot). Built from
// the draft tables at the moment of submitting, with everything a reader needs copied in (menu
// names and codes, focus point texts, school year labels), so a version renders the same forever
// even when the menu, the scan or the draft change later. The shape is versioned (`schema`):
// a later shape gets a new literal and a converter, never a silent change of this one.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { costTypes, type CostType } from '../tables.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';

const goal = z.object({
  id: z.number(),
  what: z.string(),
  forWhom: z.string(),
  dueOn: z.string(),
  measure: z.string(),
  focusPointIds: z.array(z.number()),
});

const intervention = z.object({
  id: z.number(),
  interventionId: z.number(),
  code: z.string(),
  name: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  /** Withdrawn from the menu in force when the version was made: it stays, marked. */
  withdrawn: z.boolean(),
  focusPointIds: z.array(z.number()),
  goalIds: z.array(z.number()),
  grades: z.array(z.number()),
  pupils: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  responsible: z.string(),
  approach: z.string(),
  professionalDevelopment: z.string(),
  evaluationPlan: z.string(),
});

const budgetLine = z.object({
  planInterventionId: z.number(),
  schoolYearId: z.number(),
  costType: z.enum(costTypes),
  plannedCents: z.number(),
  committedCents: z.number(),
});

export const planSnapshotSchema = z.object({
  schema: z.literal(1),
  takenAt: z.string(),
  school: z.object({ id: z.number(), name: z.string() }),
  programme: z.object({ id: z.number(), name: z.string() }),
  intro: z.string(),
  goals: z.array(goal),
  focusPoints: z.array(z.object({ id: z.number(), label: z.string() })),
  interventions: z.array(intervention),
  schoolYears: z.array(z.object({ id: z.number(), label: z.string() })),
  budget: z.array(budgetLine),
  totals: z.array(
    z.object({ schoolYearId: z.number(), costType: z.enum(costTypes), plannedCents: z.number() }),
  ),
  totalPlannedCents: z.number(),
});

export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;
export type SnapshotGoal = z.infer<typeof goal>;
export type SnapshotIntervention = z.infer<typeof intervention>;
export type SnapshotBudgetLine = z.infer<typeof budgetLine>;

export const costTypeLabels: Record<CostType, string> = {
  'eigen-personeel': 'Eigen personeel',
  'extern-personeel': 'Extern personeel (PNIL)',
  'materialen-ict': 'Materialen en ICT',
  professionalisering: 'Scholing en professionalisering',
  overig: 'Overig',
};

/** Reads a stored snapshot; throws when it is not a known shape (a bug, not user input). */
export function parseSnapshot(stored: unknown): PlanSnapshot {
  const value = typeof stored === 'string' ? JSON.parse(stored) : stored;
  return planSnapshotSchema.parse(value);
}

/**
 * The school's content without the moment it was taken and without the menu's withdrawn marks
 * (the menu changing is not the school changing its plan): equal keys mean the same plan.
 */
export function contentKey(s: PlanSnapshot): string {
  const { takenAt: _, ...content } = s;
  return JSON.stringify({ ...content, interventions: s.interventions.map(({ withdrawn: __, ...i }) => i) });
}

/** Totals per school year and cost type, and in all, from the budget lines. */
export function totalsOf(budget: SnapshotBudgetLine[]) {
  const map = new Map<string, { schoolYearId: number; costType: CostType; plannedCents: number }>();
  for (const l of budget) {
    const key = `${l.schoolYearId}|${l.costType}`;
    const t = map.get(key) ?? { schoolYearId: l.schoolYearId, costType: l.costType, plannedCents: 0 };
    t.plannedCents += l.plannedCents;
    map.set(key, t);
  }
  const totals = [...map.values()].sort(
    (a, b) =>
      a.schoolYearId - b.schoolYearId || costTypes.indexOf(a.costType) - costTypes.indexOf(b.costType),
  );
  return { totals, totalPlannedCents: totals.reduce((n, t) => n + t.plannedCents, 0) };
}

/**
 * 'Groep 4 en 5: weer op niveau lezen' — a focus point as one line: its groups and its goal. (The
 * schoolscan's domain labels are not imported: funding → schoolprogramma → schoolscan → funding
 * would make the modules import each other in a circle.)
 */
export function focusPointLabel(p: { grades: number[]; goal: string }): string {
  const g = p.grades;
  const grades = g.length
    ? `Groep ${g.slice(0, -1).join(', ')}${g.length > 1 ? ' en ' : ''}${g.at(-1)}: `
    : '';
  return `${grades}${p.goal}`;
}

type Db = Kysely<DB>;

/** The snapshot of the plan's draft now (four queries, whatever the size of the plan). */
export async function buildSnapshot(db: Db, planId: number, now: Date): Promise<PlanSnapshot> {
  const plan = await db
    .selectFrom('school_plan as p')
    .innerJoin('organisation as o', 'o.id', 'p.school_id')
    .innerJoin('programme as pr', 'pr.id', 'p.programme_id')
    .select([
      'p.id',
      'p.intro',
      'p.programme_id',
      'o.id as schoolId',
      'o.name as schoolName',
      'pr.name as programmeName',
    ])
    .where('p.id', '=', planId)
    .executeTakeFirstOrThrow();
  let inForceId: number | null = null;
  try {
    inForceId = (await menuVersionInForce(db, now)).id;
  } catch {
    // No menu in force (never in practice): only the chosen version's own flag counts.
  }
  const [goals, interventions, budget, years] = await Promise.all([
    db
      .selectFrom('school_plan_goal')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('school_plan_intervention as pi')
      .innerJoin('menukaart_intervention as mi', 'mi.id', 'pi.intervention_id')
      .innerJoin('menukaart_entry as e', (j) =>
        j
          .onRef('e.version_id', '=', 'pi.menu_version_id')
          .onRef('e.intervention_id', '=', 'pi.intervention_id'),
      )
      .innerJoin('menukaart_category as c', (j) =>
        j.onRef('c.version_id', '=', 'e.version_id').onRef('c.code', '=', 'e.category_code'),
      )
      .leftJoin('menukaart_entry as now', (j) =>
        j.onRef('now.intervention_id', '=', 'pi.intervention_id').on('now.version_id', '=', inForceId ?? -1),
      )
      .selectAll('pi')
      .select([
        'mi.code',
        'e.name_nl as name',
        'e.category_code as categoryCode',
        'c.name as categoryName',
        'e.withdrawn as withdrawnThen',
        'now.withdrawn as withdrawnNow',
        'now.intervention_id as inMenuNow',
      ])
      .where('pi.plan_id', '=', planId)
      .orderBy('pi.position')
      .orderBy('pi.id')
      .execute(),
    db
      .selectFrom('school_plan_budget as b')
      .innerJoin('school_plan_intervention as pi', 'pi.id', 'b.plan_intervention_id')
      .selectAll('b')
      .where('pi.plan_id', '=', planId)
      .orderBy('b.plan_intervention_id')
      .orderBy('b.school_year_id')
      .execute(),
    db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('programme_id', '=', plan.programme_id)
      .orderBy('starts_on')
      .execute(),
  ]);
  const focusIds = [...new Set([...goals, ...interventions].flatMap((r) => r.focus_point_ids))];
  // Only focus points of this school's own scans: an id from elsewhere is never shown.
  const focusRows = focusIds.length
    ? await db
        .selectFrom('schoolscan_focus_point as f')
        .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
        .select(['f.id', 'f.domain', 'f.grades', 'f.goal'])
        .where('f.id', 'in', focusIds)
        .where('s.school_id', '=', plan.schoolId)
        .orderBy('f.id')
        .execute()
    : [];
  const lines = budget
    .map((b) => ({
      planInterventionId: b.plan_intervention_id,
      schoolYearId: b.school_year_id,
      costType: b.cost_type,
      plannedCents: Number(b.planned_cents),
      committedCents: Number(b.committed_cents),
    }))
    .sort(
      (a, b) =>
        a.planInterventionId - b.planInterventionId ||
        a.schoolYearId - b.schoolYearId ||
        costTypes.indexOf(a.costType) - costTypes.indexOf(b.costType),
    );
  return {
    schema: 1,
    takenAt: now.toISOString(),
    school: { id: plan.schoolId, name: plan.schoolName },
    programme: { id: plan.programme_id, name: plan.programmeName },
    intro: plan.intro,
    goals: goals.map((g) => ({
      id: g.id,
      what: g.what,
      forWhom: g.for_whom,
      dueOn: String(g.due_on),
      measure: g.measure,
      focusPointIds: [...g.focus_point_ids].sort((a, b) => a - b),
    })),
    focusPoints: focusRows.map((f) => ({ id: f.id, label: focusPointLabel(f) })),
    interventions: interventions.map((i) => ({
      id: i.id,
      interventionId: i.intervention_id,
      code: i.code,
      name: i.name,
      categoryCode: i.categoryCode,
      categoryName: i.categoryName,
      withdrawn: Boolean(i.withdrawnThen || i.withdrawnNow || (inForceId !== null && i.inMenuNow === null)),
      focusPointIds: [...i.focus_point_ids].sort((a, b) => a - b),
      goalIds: [...i.goal_ids].sort((a, b) => a - b),
      grades: [...i.grades].map(Number),
      pupils: i.pupils,
      startsOn: String(i.starts_on),
      endsOn: String(i.ends_on),
      responsible: i.responsible,
      approach: i.approach,
      professionalDevelopment: i.professional_development,
      evaluationPlan: i.evaluation_plan,
    })),
    schoolYears: years,
    budget: lines,
    ...totalsOf(lines),
  };
}
