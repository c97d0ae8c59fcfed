// Benchmarks of funding (`npm run bench -- allocations`): recomputing every allocation of a
// school year at national scale (target < 1 s on PostgreSQL), then the public lookup pages at
// 32 connections (target p99 < 30 ms).
import { engine, load, printLoad, printTable, startPlatform } from '../../../bench/harness.ts';
import type { BenchScenario } from '../../platform/module.ts';
import { freshDatabase, importAllCbs, importAllDuo } from '../duo-import/bench.ts';
import { recomputeAll, recomputeYear } from './services/recompute.ts';

const allocations: BenchScenario = {
  name: 'allocations',
  description:
    'Bedragen van alle scholen herberekenen (doel < 1 s op PostgreSQL) en de publieke opzoekpagina bij 32 verbindingen (doel p99 < 30 ms)',
  async run() {
    const bench = await freshDatabase();
    try {
      const db = bench.database.db;
      await importAllDuo(bench.database);
      await importAllCbs(bench.database);
      await recomputeAll(db, 1, 'bench');
      const year = await db
        .selectFrom('school_year')
        .select('id')
        .where('label', '=', '2021-2022')
        .executeTakeFirstOrThrow();
      const times: number[] = [];
      let schools = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const r = await recomputeYear(db, year.id, 'bench');
        times.push(performance.now() - t);
        schools = r.schools;
      }
      times.sort((a, b) => a - b);
      const median = times[2]!;
      printTable(
        ['recompute 2021-2022', 'scholen', 'mediaan (ms)', 'min (ms)', 'max (ms)'],
        [[engine, String(schools), median.toFixed(0), times[0]!.toFixed(0), times[4]!.toFixed(0)]],
      );
      console.log(
        `Recompute of a school year (${engine}): ${median.toFixed(0)} ms (target < 1000 ms on PostgreSQL) ${median < 1000 ? 'OK' : 'TOO SLOW'}`,
      );
      const codes = (
        await db
          .selectFrom('organisation')
          .select('code')
          .where('kind', '=', 'school')
          .where('closed_on', 'is', null)
          .orderBy('id')
          .limit(400)
          .execute()
      ).map((r) => r.code!);
      const boards = (
        await db
          .selectFrom('organisation')
          .select('code')
          .where('kind', '=', 'bestuur')
          .orderBy('id')
          .limit(50)
          .execute()
      ).map((r) => r.code!);
      await bench.close();

      const p = await startPlatform({ dataDir: bench.dataDir, databaseUrl: bench.url });
      try {
        const paths = [
          ...codes.map((c) => `/bedragen/scholen/${c}`),
          ...boards.map((c) => `/bedragen/besturen/${c}`),
          ...['amsterdam', 'utrecht', 'de regenboog', 'montessori', 'zwolle', '00AP00'].map(
            (q) => `/bedragen?q=${encodeURIComponent(q)}`,
          ),
          '/bedragen/gemeenten/0363',
          '/bedragen/gemeenten',
        ];
        for (const path of paths.slice(0, 5)) {
          const res = await fetch(p.url + path);
          if (res.status !== 200) throw new Error(`${path} gaf ${res.status}`);
        }
        // First run: most pages are rendered for the first time (cold); second run: all cached.
        const cold = await load({
          label: `public lookup, ${paths.length} pages, 32 conn., first visits (${engine})`,
          url: p.url,
          connections: 32,
          paths,
        });
        const warm = await load({
          label: `public lookup, ${paths.length} pages, 32 conn., cached (${engine})`,
          url: p.url,
          connections: 32,
          paths,
        });
        printLoad([cold, warm]);
        for (const r of [cold, warm])
          console.log(
            `${r.label}: p99 ${r.p99} ms (target < 30 ms) ${r.p99 < 30 ? 'OK' : 'TOO SLOW'}, non-2xx: ${r.non2xx}`,
          );
      } finally {
        await p.stop();
      }
    } finally {
      await bench.drop();
    }
  },
};

export const scenarios: BenchScenario[] = [allocations];
