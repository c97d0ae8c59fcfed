// The menukaart: the menu list and an intervention page against a bare node:http server with
// the same bytes (target ≥ 0.7 of its req/s), and search at 32 connections (target p99 < 50 ms
// on PostgreSQL: run with DATABASE_URL set).
import type { BenchScenario } from '../../platform/module.ts';
import { compareWithReference, engine, load, printLoad, withPlatform } from '../../../bench/harness.ts';

const searchTerms = [
  'lezen',
  'feedback',
  'fiets',
  'begrijpend lezen',
  'sport',
  'cultuur',
  'metacognitie',
  'kleine groepen',
  'ouders',
  'zomerschool',
  'b6',
  'welbevinden',
  'rekenen',
  'klassenverkleining',
  'tutor',
  'schrijven',
];

const menukaart: BenchScenario = {
  name: 'menukaart',
  description:
    'Menukaart en interventiepagina naast node:http met dezelfde bytes; zoeken bij 32 verbindingen',
  async run() {
    await withPlatform(async (p) => {
      const rows = [];
      for (const [path, label] of [
        ['/menukaart', 'menu list'],
        ['/menukaart/B6', 'intervention page'],
      ] as const) {
        const pair = await compareWithReference(p, path, `${label} (${engine})`);
        rows.push(pair);
      }
      const search = await load({
        label: `platform search, 32 connections (${engine})`,
        url: p.url,
        connections: 32,
        paths: searchTerms.map((t) => `/menukaart/zoeken?q=${encodeURIComponent(t)}`),
      });
      // Every request a query never asked before, so each one misses the page cache and runs
      // the full-text query: a term from the list plus a made-up word.
      const letters = (i: number) =>
        i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
      const uncached = await load({
        label: `platform search, 40000 distinct queries, 32 connections (${engine})`,
        url: p.url,
        connections: 32,
        paths: Array.from(
          { length: 40000 },
          (_, i) =>
            `/menukaart/zoeken?q=${encodeURIComponent(`${searchTerms[i % searchTerms.length]} ${letters(i)}`)}`,
        ),
      });
      printLoad([...rows.flat(), search, uncached]);
      for (const [platform, reference] of rows) {
        console.log(
          `Ratio ${platform!.label}: ${(platform!.rps / reference!.rps).toFixed(2)} (target ≥ 0.70)`,
        );
      }
      console.log(`Search p99: ${search.p99} ms (target < 50 ms on PostgreSQL), non-2xx: ${search.non2xx}`);
      console.log(
        `Uncached search p99: ${uncached.p99} ms (target < 50 ms on PostgreSQL), non-2xx: ${uncached.non2xx}`,
      );
    });
  },
};

export const scenarios: BenchScenario[] = [menukaart];
