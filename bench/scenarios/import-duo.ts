// Importing every shipped DUO file (schools old and new layout, VO schools, PO pupil history,
// VO pupils by onderwijstype) into a fresh database, in this process. Targets: all DUO files
// under 10 s on PGlite, under 5 s on PostgreSQL. Also: a second, unchanged import (idempotent).
import { engine, printTable, type Scenario } from '../harness.ts';
import { freshDatabase, importAllCbs, importAllDuo } from './funding-support.ts';

export const importDuo: Scenario = {
  name: 'import-duo',
  description:
    'Alle meegeleverde DUO-bestanden importeren in een lege database (doel: < 10 s PGlite, < 5 s PostgreSQL)',
  async run() {
    const bench = await freshDatabase();
    try {
      const first = await importAllDuo(bench.database);
      const cbs = await importAllCbs(bench.database);
      const second = await importAllDuo(bench.database);
      printTable(
        ['bestand', 'regels', 'eerste import (ms)', 'zelfde reeks opnieuw (ms)'],
        first.map((f, i) => [f.file, String(f.rows), f.ms.toFixed(0), second[i]!.ms.toFixed(0)]),
      );
      const total = first.reduce((s, f) => s + f.ms, 0);
      const again = second.reduce((s, f) => s + f.ms, 0);
      const target = engine === 'postgres' ? 5000 : 10000;
      console.log(`CBS achterstandsscores: ${cbs.toFixed(0)} ms`);
      console.log(
        `All DUO files (${engine}): ${(total / 1000).toFixed(2)} s (target < ${target / 1000} s) ${total < target ? 'OK' : 'TOO SLOW'}; same sequence again ${(again / 1000).toFixed(2)} s`,
      );
    } finally {
      await bench.close();
      await bench.drop();
    }
  },
};
