// The consent part of the school programme: submitting versions, reading them (list, version,
// diff, PDF), the MR's comments and decision, and the public summary.
import type { App, Platform } from '../../../platform/platform.ts';
import { registerSubmitRoutes } from './consent-submit.tsx';
import { registerVersionRoutes } from './consent-versions.tsx';
import { registerDecisionRoutes } from './consent-decision.tsx';
import { registerSummaryRoutes } from './consent-summary.tsx';

export function registerConsentRoutes(app: App, platform: Platform) {
  registerSubmitRoutes(app, platform);
  registerVersionRoutes(app, platform);
  registerDecisionRoutes(app, platform);
  registerSummaryRoutes(app, platform);
}
