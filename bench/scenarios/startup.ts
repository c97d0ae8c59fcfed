// Time from process start to the first 200, and memory, on the embedded database: cold (a new
// data folder: initdb, migrations, demo data) and warm (the same folder again).
import fs from 'node:fs';
import { printTable, startPlatform, tempDataDir, type Scenario } from '../harness.ts';

export const startup: Scenario = {
  name: 'startup',
  description: 'Start tot eerste 200 en geheugen (PGlite, koude en warme datamap)',
  async run() {
    const dataDir = tempDataDir();
    const rows: string[][] = [];
    try {
      const cold = await startPlatform({ dataDir });
      await new Promise((r) => setTimeout(r, 1000));
      rows.push([
        'cold (new data folder)',
        String(Math.round(cold.startMs)),
        String(cold.rssMb()),
        String(cold.peakRssMb()),
      ]);
      await cold.stop();
      for (let i = 1; i <= 3; i++) {
        const warm = await startPlatform({ dataDir });
        await new Promise((r) => setTimeout(r, 1000));
        rows.push([
          `warm run ${i}`,
          String(Math.round(warm.startMs)),
          String(warm.rssMb()),
          String(warm.peakRssMb()),
        ]);
        await warm.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    printTable(['PGlite', 'ms to first 200', 'idle RSS MB', 'peak RSS MB'], rows);
    console.log('Targets: warm start < 2000 ms; idle RSS < 300 MB.');
  },
};
