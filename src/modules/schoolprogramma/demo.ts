// Demo data for the school programme, built in parts that run in this order: the plan, its
// budget and spending, versions and the MR's consent, evaluations, the board-level plan. Each
// part lives in its own file and does nothing when its data is already there.
import type { DemoStep } from '../../platform/demo-step.ts';
import { demoPlan } from './services/demo-plan.ts';
import { budgetDemo } from './services/demo-budget.ts';
import { consentDemo } from './services/demo-consent.ts';
import { demoEvaluation } from './services/demo-evaluation.ts';
import { boardPlanDemo } from './services/board-plan-demo.ts';

const parts: Array<DemoStep['run']> = [demoPlan, budgetDemo, consentDemo, demoEvaluation, boardPlanDemo];

export const schoolprogrammaDemoStep: DemoStep = {
  name: 'schoolprogramma',
  async run(db, orgs) {
    const lines: string[] = [];
    for (const part of parts) lines.push(...(await part(db, orgs)));
    return lines;
  },
};
