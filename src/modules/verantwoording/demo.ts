// Demo data for verantwoording, in parts that run in this order: the questionnaires' answers, the
// board's annual report, monitoring. Each part lives in its own file and does nothing when its
// data is already there.
import type { DemoStep } from '../../platform/demo-step.ts';
import { demoAnswer } from './services/demo-answer.ts';
import { reportDemo } from './services/report-demo.ts';
import { seedMonitoringDemoAtStart } from './services/demo-national.ts';

// The national sample last: it leaves the demo organisations to the parts before it.
const parts: Array<DemoStep['run']> = [demoAnswer, reportDemo, seedMonitoringDemoAtStart];

export const verantwoordingDemoStep: DemoStep = {
  name: 'verantwoording',
  async run(db, orgs) {
    const lines: string[] = [];
    for (const part of parts) lines.push(...(await part(db, orgs)));
    return lines;
  },
};
