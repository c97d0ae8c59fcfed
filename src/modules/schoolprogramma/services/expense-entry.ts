// Checking an expense (or a correction) typed in the form: every field gets its own message, and
// the school year follows from the date. Pure.
import type { CostType } from '../tables.ts';
import { expenseDate, isCostType, parseExpenseAmount, type YearRange } from './budget-amounts.ts';

export interface ExpenseFields {
  datum: string;
  bedrag: string;
  omschrijving: string;
  interventie: string;
  kostensoort: string;
}

export interface CheckedExpense {
  spentOn: string;
  schoolYearId: number;
  amountCents: number;
  description: string;
  planInterventionId: number;
  costType: CostType;
}

export function checkExpenseFields(
  f: ExpenseFields,
  v: { planInterventionIds: number[]; years: YearRange[]; today: string; correction: boolean },
): { ok: true; expense: CheckedExpense } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = expenseDate(f.datum, v.years, v.today);
  if (!date.ok) errors.datum = date.message;
  const amount = parseExpenseAmount(f.bedrag, v.correction);
  if (!amount.ok) errors.bedrag = amount.message;
  const description = f.omschrijving.trim();
  if (description === '')
    errors.omschrijving = v.correction ? 'Schrijf op waarom u corrigeert.' : 'Schrijf op wat er is betaald.';
  else if (description.length > 500) errors.omschrijving = 'Houd de omschrijving korter dan 500 tekens.';
  const planInterventionId = Number(f.interventie);
  if (!v.planInterventionIds.includes(planInterventionId))
    errors.interventie = 'Kies een interventie van het plan.';
  if (!isCostType(f.kostensoort)) errors.kostensoort = 'Kies een kostensoort.';
  if (!date.ok || !amount.ok || Object.keys(errors).length > 0 || !isCostType(f.kostensoort))
    return { ok: false, errors };
  return {
    ok: true,
    expense: {
      spentOn: date.date,
      schoolYearId: date.schoolYearId,
      amountCents: amount.cents,
      description,
      planInterventionId,
      costType: f.kostensoort,
    },
  };
}
