// A school's analysis, computed once per state of its data and data year: the pages ask for it
// on every view, and a large school's results take a few hundred milliseconds to analyse. The
// key is the school's data marker (its newest import and how many of its imports were purged by
// the retention job), so a new import or a purge (in any process) is seen at once and a purged
// result is never served from memory. Only the aggregated analysis is kept in memory, never the
// pupil-level rows.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { BoundedCache } from '../../../platform/http/bounded-cache.ts';
import * as repo from '../repository/lvs.ts';
import { analyse, defaultCurrentYear, type Analysis } from './analysis.ts';
import { growthOfSamePupils } from './growth.ts';

interface Entry {
  years: number[];
  byYear: Map<number, Analysis>;
}

export type AnalysisSource = (schoolId: number, notAfter: number, asked?: number) => Promise<Analysis | null>;

/** The analysis of one data year with the growth of the same pupils (services/growth.ts). */
export function analyseWithGrowth(results: repo.ResultRow[], year: number): Analysis {
  const analysis = analyse(results, year);
  analysis.growth = growthOfSamePupils(results, year);
  return analysis;
}

export function createAnalysisSource(db: Kysely<DB>, maxSchools = 200): AnalysisSource {
  const cache = new BoundedCache<string, Entry>(maxSchools, 64 * 1024 * 1024);
  return async (schoolId, notAfter, asked) => {
    const marker = await repo.dataMarker(db, schoolId);
    if (marker === null) return null;
    const key = `${schoolId}:${marker}`;
    let entry = cache.get(key);
    let results: repo.ResultRow[] | undefined;
    if (!entry) {
      results = await repo.resultsOfSchool(db, schoolId);
      cache.deleteWhere((k) => k.startsWith(`${schoolId}:`));
      if (results.length === 0) return null;
      entry = { years: [...new Set(results.map((r) => r.yearStart))].sort(), byYear: new Map() };
    }
    const year =
      asked !== undefined && entry.years.includes(asked) ? asked : defaultCurrentYear(entry.years, notAfter)!;
    let analysis = entry.byYear.get(year);
    if (!analysis) {
      results ??= await repo.resultsOfSchool(db, schoolId);
      analysis = analyseWithGrowth(results, year);
      entry.byYear.set(year, analysis);
    }
    // Roughly the analysis' size in memory: its comparisons and growth steps are small objects.
    const bytes = [...entry.byYear.values()].reduce(
      (n, a) => n + a.comparisons.length * 1500 + (a.growth?.steps.length ?? 0) * 800,
      1000,
    );
    cache.set(key, entry, bytes);
    return analysis;
  };
}
