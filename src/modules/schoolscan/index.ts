// Schoolscan: the school's analysis of its pupils' needs per school year, from its own LVS
// test results (imported with pseudonymous pupil keys) to conclusions; the MR reads the
// conclusions, the board only sees whether a scan exists.
import { defineModule } from '../../platform/module.ts';
import type { App, Platform } from '../../platform/platform.ts';
import { registerScanRoutes } from './routes/scan.tsx';
import { registerLvsRoutes } from './routes/lvs.tsx';
import { registerBoardRoutes } from './routes/board.tsx';
import { registerMappingRoutes } from './routes/mapping.tsx';
import { registerWellbeingRoutes } from './routes/wellbeing.tsx';
import { registerKeuzehulpRoutes } from './routes/keuzehulp.tsx';
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
  },
  commands: schoolscanCommands,
  demo: schoolscanDemoStep,
  dashboard: schoolscanDashboard,
});
