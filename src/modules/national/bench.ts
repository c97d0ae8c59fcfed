// Benchmark of the national generator (`npm run bench -- national`): the whole
// `generate-national` (all shipped open data, the amounts, and an account set for every school
// and board) in a fresh database on the benchmark's engine, as a CLI process the way an
// operator runs it; then the same command again (it must add nothing).
import fs from 'node:fs';
import { engine, freshServerDatabase, printTable, runCli, tempDataDir } from '../../../bench/harness.ts';
import type { BenchScenario } from '../../platform/module.ts';

function summary(all: string) {
  const out = all.slice(all.lastIndexOf('Landelijke dataset (zaad'));
  const line = (label: string) => out.match(new RegExp(`^ +${label}: +(.+)$`, 'm'))?.[1] ?? '?';
  return {
    schools: line('scholen \\(open\\)'),
    boards: line('besturen'),
    pupils: line('leerlingen'),
    people: line('mensen'),
    memberships: line('lidmaatschappen'),
    duration: line('duur'),
    added:
      all
        .match(/(\d+) nieuw, (\d+) nieuwe lidmaatschappen/)
        ?.slice(1)
        .join(' / ') ?? '?',
  };
}

const national: BenchScenario = {
  name: 'national',
  description:
    'generate-national in een lege database: alle open data, bedragen en testaccounts per school en bestuur, en nog eens',
  async run(args: string[] = []) {
    const server = engine === 'postgres' ? await freshServerDatabase() : undefined;
    const dataDir = tempDataDir();
    const env: Record<string, string> = { DATA_DIR: dataDir, NODE_ENV: 'development' };
    if (server) env.DATABASE_URL = server.url;
    try {
      const rows: string[][] = [];
      let first: ReturnType<typeof summary> | undefined;
      for (const label of ['eerste run', 'zelfde zaad opnieuw']) {
        const t = performance.now();
        const out = await runCli(['generate-national', ...args], env);
        const wall = (performance.now() - t) / 1000;
        const s = summary(out);
        first ??= s;
        rows.push([label, wall.toFixed(1), s.duration, s.added]);
      }
      console.log(`scholen (open): ${first!.schools}`);
      console.log(`besturen:       ${first!.boards}`);
      console.log(`leerlingen:     ${first!.pupils}`);
      console.log(`mensen:         ${first!.people}`);
      console.log(`lidmaatschappen: ${first!.memberships}`);
      printTable(
        [
          `generate-national (${engine})`,
          'proces (s)',
          'opdracht zelf (zonder opstarten en migreren)',
          'nieuw: mensen / lidmaatschappen',
        ],
        rows,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await server?.drop();
    }
  },
};

export const scenarios: BenchScenario[] = [national];
