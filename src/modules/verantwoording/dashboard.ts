// What the dashboard shows about verantwoording, in parts (questionnaires to answer, the annual
// report, monitoring); each part gives its actions for one membership.
import type { DashboardAction, DashboardInput, DashboardProvider } from '../../platform/dashboard.ts';
import { answerDashboard } from './services/dashboard-answer.ts';
import { builderDashboard } from './services/builder-dashboard.ts';
import { reportDashboard } from './services/report-dashboard.ts';
import { monitoringDashboard } from './services/monitoring-dashboard.ts';

const parts: Array<(input: DashboardInput) => Promise<DashboardAction[]>> = [
  answerDashboard,
  reportDashboard,
  builderDashboard,
  monitoringDashboard,
];

export const verantwoordingDashboard: DashboardProvider = {
  name: 'verantwoording',
  async actions(input) {
    const actions: DashboardAction[] = [];
    for (const part of parts) actions.push(...(await part(input)));
    return actions;
  },
};
