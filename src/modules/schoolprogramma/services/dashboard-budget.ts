// The budget's part of the dashboard: the school leader sees over-planning and money at risk of
// staying unspent as urgent actions that lead to the budget overview. Nothing when the school
// has no plan with interventions yet (the plan's own part asks to start one).
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { findPlan } from '../repository/plans.ts';
import { loadBudgetOverview } from '../repository/budget-overview.ts';
import { budgetBase } from '../views/budget-base.tsx';

export async function budgetDashboard({
  membership: m,
  db,
  now,
}: DashboardInput): Promise<DashboardAction[]> {
  if (m.role !== 'schoolleider' || m.organisationKind !== 'school') return [];
  const programme = await loadProgramme(db);
  const plan = await findPlan(db, m.organisationId, programme.id);
  if (!plan) return [];
  const o = await loadBudgetOverview(db, {
    schoolId: m.organisationId,
    planId: plan.id,
    programmeId: programme.id,
    today: todayIn(now),
    spendUntil: programme.spendUntil,
  });
  if (o.perIntervention.length === 0) return [];
  const href = budgetBase(m.organisationId);
  const actions: DashboardAction[] = [];
  const over = Math.max(o.warnings.overPlannedTotalCents, ...o.warnings.overPlannedYears.map((y) => y.cents));
  if (over > 0)
    actions.push({
      label: 'Het schoolprogramma is overbegroot',
      href,
      description:
        o.warnings.overPlannedTotalCents > 0
          ? `Er is ${formatCents(o.warnings.overPlannedTotalCents)} meer begroot dan de school heeft; het bestuur ziet dit.`
          : `In ${o.warnings.overPlannedYears.map((y) => y.label).join(', ')} is meer begroot dan dat jaar beschikbaar is.`,
      urgent: true,
    });
  if (o.warnings.atRiskCents > 0 && !o.warnings.deadlinePassed)
    actions.push({
      label: 'Geld van het schoolprogramma dreigt niet te worden uitgegeven',
      href,
      description: `Naar verwachting blijft er ${formatCents(o.warnings.atRiskCents)} over op ${programme.spendUntil ? formatDate(programme.spendUntil) : 'het einde van het programma'}.`,
      urgent: true,
    });
  return actions;
}
