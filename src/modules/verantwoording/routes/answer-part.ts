// The answering part's routes: the same pages for a school (its leader) and for a board.
import type { App, Platform } from '../../../platform/platform.ts';
import { registerAnswerRoutes } from './answer.tsx';
import { registerAnswerSubmitRoutes } from './answer-submit.tsx';

export function registerAnswerPart(app: App, platform: Platform) {
  for (const audience of ['school', 'bestuur'] as const) {
    registerAnswerRoutes(audience)(app, platform);
    registerAnswerSubmitRoutes(audience)(app, platform);
  }
}
