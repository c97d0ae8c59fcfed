// Demo data for verantwoording, in parts that run in this order: the questionnaires' answers, the
// board's annual report, monitoring. Each part lives in its own file and does nothing when its
// data is already there.
import type { DemoStep } from '../../platform/demo-step.ts';
import { seedMonitoringDemo } from './services/demo-national.ts';

const parts: Array<DemoStep['run']> = [seedMonitoringDemo];

export const verantwoordingDemoStep: DemoStep = {
  name: 'verantwoording',
  async run(db, orgs) {
    const lines: string[] = [];
    for (const part of parts) lines.push(...(await part(db, orgs)));
    return lines;
  },
};
