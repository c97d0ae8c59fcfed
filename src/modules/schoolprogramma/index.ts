// Schoolprogramma: the school's plan for the programme period — goals answering its scan's focus
// points, interventions from the menu in force, a budget per intervention and school year, the
// money spent, evaluations — and the numbered versions its MR consents to. The board sees its
// schools' plans and their consent; ministry roles see none of it (hard rule 1).
import { defineModule } from '../../platform/module.ts';
import type { App, Platform } from '../../platform/platform.ts';
import { schoolprogrammaDemoStep } from './demo.ts';
import { schoolprogrammaDashboard } from './dashboard.ts';
import { registerBoardPlanRoutes } from './routes/board-plan.tsx';
import { registerBoardPlanVersionRoutes } from './routes/board-plan-versions.tsx';
import { registerBoardPlanSchoolRoutes } from './routes/board-plan-school.tsx';

/** Each part of the module registers its own routes (the plan, budget, consent, board). */
const routeParts: Array<(app: App, platform: Platform) => void> = [
  registerBoardPlanRoutes,
  registerBoardPlanVersionRoutes,
  registerBoardPlanSchoolRoutes,
];

export const schoolprogrammaModule = defineModule({
  name: 'schoolprogramma',
  migrations: [500, 599],
  routes(app: App, platform: Platform) {
    for (const register of routeParts) register(app, platform);
  },
  demo: schoolprogrammaDemoStep,
  dashboard: schoolprogrammaDashboard,
});
