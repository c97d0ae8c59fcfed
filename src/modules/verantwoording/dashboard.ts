// What the dashboard shows about verantwoording: key figures (the questionnaire's and the annual
// report's state, the national response) and, in parts (questionnaires to answer, the annual
// report, monitoring), the actions for one membership.
import type { DashboardAction, DashboardInput, DashboardProvider } from '../../platform/dashboard.ts';
import { answerDashboard } from './services/dashboard-answer.ts';
import { builderDashboard } from './services/builder-dashboard.ts';
import { reportDashboard } from './services/report-dashboard.ts';
import { monitoringDashboard } from './services/monitoring-dashboard.ts';
import { verantwoordingFigures } from './services/dashboard-figures.ts';

const parts: Array<(input: DashboardInput) => Promise<DashboardAction[]>> = [
  answerDashboard,
  reportDashboard,
  builderDashboard,
  monitoringDashboard,
];

export const verantwoordingDashboard: DashboardProvider = {
  name: 'verantwoording',
  figures: verantwoordingFigures,
  async actions(input) {
    const actions: DashboardAction[] = [];
    for (const part of parts) actions.push(...(await part(input)));
    return actions;
  },
};
