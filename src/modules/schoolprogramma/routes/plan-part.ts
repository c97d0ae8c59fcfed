// The plan's own part of the module: its home page, introduction, goals and interventions.
import type { App, Platform } from '../../../platform/platform.ts';
import type { PageMemo } from '../services/page-memo.ts';
import { registerPlanRoutes } from './plan.tsx';
import { registerGoalRoutes } from './goals.tsx';
import { registerInterventionRoutes } from './interventions.tsx';

export function registerPlanPartRoutes(app: App, platform: Platform, memo: PageMemo) {
  registerPlanRoutes(app, platform, memo);
  registerGoalRoutes(app, platform);
  registerInterventionRoutes(app, platform);
}
