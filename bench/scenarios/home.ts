// The home page against a bare node:http server serving the same bytes.
import { compareWithReference, engine, printLoad, withPlatform, type Scenario } from '../harness.ts';

export const home: Scenario = {
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
