// What the dashboard shows about the school programme: key figures (the plan's state, this year's
// budget) and, in parts (the plan, the budget, the MR's consent, the board's overview), the
// actions for one membership.
import type { DashboardAction, DashboardInput, DashboardProvider } from '../../platform/dashboard.ts';
import { planDashboard } from './services/dashboard-plan.ts';
import { budgetDashboard } from './services/dashboard-budget.ts';
import { consentDashboard } from './services/dashboard-consent.ts';
import { boardDashboard } from './services/dashboard-board.ts';
import { boardPlanDashboard } from './services/board-plan-dashboard.ts';
import { schoolprogrammaFigures } from './services/dashboard-figures.ts';

const parts: Array<(input: DashboardInput) => Promise<DashboardAction[]>> = [
  planDashboard,
  budgetDashboard,
  consentDashboard,
  boardDashboard,
  boardPlanDashboard,
];

export const schoolprogrammaDashboard: DashboardProvider = {
  name: 'schoolprogramma',
  figures: schoolprogrammaFigures,
  async actions(input) {
    const actions: DashboardAction[] = [];
    for (const part of parts) actions.push(...(await part(input)));
    return actions;
  },
};
