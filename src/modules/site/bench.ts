// The home page against a bare node:http server serving the same bytes.
import type { BenchScenario } from '../../platform/module.ts';
import { compareWithReference, engine, printLoad, withPlatform } from '../../../bench/harness.ts';

const home: BenchScenario = {
  name: 'home',
  description: 'De homepage naast een kale node:http-server met dezelfde bytes',
  async run() {
    await withPlatform(async (p) => {
      const rows = await compareWithReference(p, '/', `home (${engine})`);
      printLoad(rows);
      console.log(`Ratio platform/reference: ${(rows[0]!.rps / rows[1]!.rps).toFixed(2)} (target ≥ 0.70)`);
    });
  },
};

export const scenarios: BenchScenario[] = [home];
