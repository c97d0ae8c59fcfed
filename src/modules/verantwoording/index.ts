// Verantwoording: what schools and boards tell the ministry about the programme, and what the
// ministry sees of it. School leaders and boards answer questionnaires (data, built by analists),
// prefilled from their own plans; boards confirm an annual report generated from their schools'
// plans; analists see national aggregates with small cells suppressed, never a plan or a scan
// (hard rule 1); the public sees the same aggregates as open data.
import { defineModule } from '../../platform/module.ts';
import type { App, Platform } from '../../platform/platform.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { verantwoordingDemoStep } from './demo.ts';
import { verantwoordingDashboard } from './dashboard.ts';
import { registerAnswerPart } from './routes/answer-part.ts';
import { registerBuilderRoutes } from './routes/builder.tsx';
import { registerReportRoutes } from './routes/report.tsx';
import { registerMonitoringRoutes } from './routes/monitoring.tsx';
import { registerOpenDataRoutes } from './routes/open-data.tsx';
import { registerAnswerWorkers } from './services/workers-answer.ts';
import { registerMonitoringDemoWorker } from './services/demo-national.ts';

/** Each part of the module registers its own routes (answering, building, report, monitoring). */
const routeParts: Array<(app: App, platform: Platform) => void> = [
  registerAnswerPart,
  registerBuilderRoutes,
  registerReportRoutes,
  registerMonitoringRoutes,
  registerOpenDataRoutes,
];
/** Each part's background jobs: reminders; in demo mode, the monitoring data once the open data is in. */
const workerParts: Array<(jobs: Jobs, platform: Platform) => Promise<void>> = [
  registerAnswerWorkers,
  registerMonitoringDemoWorker,
];

export const verantwoordingModule = defineModule({
  name: 'verantwoording',
  migrations: [600, 699],
  routes(app: App, platform: Platform) {
    for (const register of routeParts) register(app, platform);
  },
  async workers(jobs: Jobs, platform: Platform) {
    for (const register of workerParts) await register(jobs, platform);
  },
  demo: verantwoordingDemoStep,
  dashboard: verantwoordingDashboard,
  bench: async () => (await import('./bench.ts')).scenarios,
});
