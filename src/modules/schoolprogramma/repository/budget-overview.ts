// Everything the budget overview is computed from, for one school's plan, in a fixed number of
// queries (years and money, interventions, budget lines, sums spent), and the computed overview.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { computeBudgetOverview, type BudgetOverview } from '../services/budget-overview.ts';
import { budgetOfPlan, planInterventions } from './budget.ts';
import { spentOfPlan } from './expenses.ts';
import { moneyPerYear } from './money.ts';

export async function loadBudgetOverview(
  db: Kysely<DB>,
  v: {
    schoolId: number;
    planId: number | null;
    programmeId: number;
    today: string;
    spendUntil: string | null;
  },
): Promise<BudgetOverview> {
  const [years, interventions, lines, spent] = await Promise.all([
    moneyPerYear(db, v.schoolId, v.programmeId),
    v.planId === null ? [] : planInterventions(db, v.planId),
    v.planId === null ? [] : budgetOfPlan(db, v.planId),
    v.planId === null ? [] : spentOfPlan(db, v.planId),
  ]);
  return computeBudgetOverview({
    years,
    lines,
    spent,
    interventions: interventions.map((i) => ({
      planInterventionId: i.id,
      code: i.code,
      name: i.name,
      categoryCode: i.category_code,
      categoryName: i.category_name,
    })),
    today: v.today,
    spendUntil: v.spendUntil,
  });
}
