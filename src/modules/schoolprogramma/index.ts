// Schoolprogramma: the school's plan for the programme period — goals answering its scan's focus
// points, interventions from the menu in force, a budget per intervention and school year, the
// money spent, evaluations — and the numbered versions its MR consents to. The board sees its
// schools' plans and their consent; ministry roles see none of it (hard rule 1).
import { defineModule } from '../../platform/module.ts';
import type { App, Platform } from '../../platform/platform.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { schoolprogrammaDemoStep } from './demo.ts';
import { schoolprogrammaDashboard } from './dashboard.ts';
import { registerPlanPartRoutes } from './routes/plan-part.ts';
import { registerBudgetPart } from './routes/budget-part.ts';
import { registerConsentRoutes } from './routes/consent.ts';
import { registerConsentWorkers } from './services/workers-consent.ts';
import { registerBoardRoutes } from './routes/board.tsx';
import { registerEvaluationRoutes } from './routes/evaluation.tsx';
import { registerBoardPlanRoutes } from './routes/board-plan.tsx';
import { registerBoardPlanVersionRoutes } from './routes/board-plan-versions.tsx';
import { registerBoardPlanSchoolRoutes } from './routes/board-plan-school.tsx';
import { registerPageMemoHook } from './routes/page-memo-hook.ts';
import { PageMemo } from './services/page-memo.ts';

/** Each part of the module registers its own routes (the plan, budget, consent, board). */
const routeParts: Array<(app: App, platform: Platform, memo: PageMemo) => void> = [
  registerPlanPartRoutes,
  registerBudgetPart,
  registerConsentRoutes,
  registerEvaluationRoutes,
  registerBoardRoutes,
  registerBoardPlanRoutes,
  registerBoardPlanVersionRoutes,
  registerBoardPlanSchoolRoutes,
];
/** Each part's background jobs. */
const workerParts: Array<(jobs: Jobs, platform: Platform) => Promise<void>> = [registerConsentWorkers];

export const schoolprogrammaModule = defineModule({
  name: 'schoolprogramma',
  migrations: [500, 599],
  routes(app: App, platform: Platform) {
    // One memo of the busiest pages' figures per app (services/page-memo.ts).
    const memo = new PageMemo();
    registerPageMemoHook(app, platform, memo);
    for (const register of routeParts) register(app, platform, memo);
  },
  async workers(jobs: Jobs, platform: Platform) {
    for (const register of workerParts) await register(jobs, platform);
  },
  demo: schoolprogrammaDemoStep,
  dashboard: schoolprogrammaDashboard,
  bench: async () => (await import('./bench.ts')).scenarios,
});
