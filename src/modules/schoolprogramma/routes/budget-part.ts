// The budget and spending part of the school programme: its routes, registered together.
import type { App, Platform } from '../../../platform/platform.ts';
import type { PageMemo } from '../services/page-memo.ts';
import { registerBudgetRoutes } from './budget.tsx';
import { registerBudgetOverviewRoutes } from './budget-overview.tsx';
import { registerExpenseRoutes } from './expenses.tsx';
import { registerExpenseImportRoutes } from './expense-import.tsx';

export function registerBudgetPart(app: App, platform: Platform, memo: PageMemo) {
  registerBudgetOverviewRoutes(app, platform, memo);
  registerBudgetRoutes(app, platform);
  registerExpenseRoutes(app, platform);
  registerExpenseImportRoutes(app, platform);
}
