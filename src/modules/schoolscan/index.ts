// Schoolscan: the school's analysis of its pupils' needs per school year, from its own LVS
// test results (imported with pseudonymous pupil keys) and the team's assessment per group to
// focus points and the interventions chosen for them; the MR reads the conclusions and focus
// points, the board sees whether a scan exists and, once completed, its focus points.
import { defineModule } from '../../platform/module.ts';
import type { App, Platform } from '../../platform/platform.ts';
import { registerScanRoutes } from './routes/scan.tsx';
import { registerLvsRoutes } from './routes/lvs.tsx';
import { registerBoardRoutes } from './routes/board.tsx';
import { registerMappingRoutes } from './routes/mapping.tsx';
import { registerWellbeingRoutes } from './routes/wellbeing.tsx';
import { registerKeuzehulpRoutes } from './routes/keuzehulp.tsx';
import { registerFocusPointRoutes } from './routes/focus-points.tsx';
import { registerRetentionRoutes } from './routes/retention.tsx';
import { registerSchoolscanWorkers } from './workers.ts';
import { schoolscanCommands } from './cli.ts';
import { schoolscanDemoStep } from './demo.ts';
import { schoolscanDashboard } from './dashboard.ts';

export const schoolscanModule = defineModule({
  name: 'schoolscan',
  migrations: [400, 499],
  routes(app: App, platform: Platform) {
    registerScanRoutes(app, platform);
    registerLvsRoutes(app, platform);
    registerBoardRoutes(app, platform);
    registerMappingRoutes(app, platform);
    registerWellbeingRoutes(app, platform);
    registerKeuzehulpRoutes(app, platform);
    registerFocusPointRoutes(app, platform);
    registerRetentionRoutes(app, platform);
  },
  workers: registerSchoolscanWorkers,
  commands: schoolscanCommands,
  demo: schoolscanDemoStep,
  dashboard: schoolscanDashboard,
  bench: async () => (await import('./bench.ts')).scenarios,
});
