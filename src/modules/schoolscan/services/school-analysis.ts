// A school's analysis, computed once per import and data year: the pages ask for it on every
// view, and a large school's results take a few hundred milliseconds to analyse. The key holds
// the school's newest import, so a new import (in any process) is seen at once. Only the
// aggregated analysis is kept in memory, never the pupil-level rows.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { BoundedCache } from '../../../platform/http/bounded-cache.ts';
import * as repo from '../repository/lvs.ts';
import { analyse, defaultCurrentYear, type Analysis } from './analysis.ts';

interface Entry {
  years: number[];
  byYear: Map<number, Analysis>;
}

export type AnalysisSource = (schoolId: number, notAfter: number, asked?: number) => Promise<Analysis | null>;

export function createAnalysisSource(db: Kysely<DB>, maxSchools = 200): AnalysisSource {
  const cache = new BoundedCache<string, Entry>(maxSchools, 64 * 1024 * 1024);
  return async (schoolId, notAfter, asked) => {
    const marker = await repo.newestImportId(db, schoolId);
    if (marker === null) return null;
    const key = `${schoolId}:${marker}`;
    let entry = cache.get(key);
    let results: repo.ResultRow[] | undefined;
    if (!entry) {
      results = await repo.resultsOfSchool(db, schoolId);
      if (results.length === 0) return null;
      cache.deleteWhere((k) => k.startsWith(`${schoolId}:`));
      entry = { years: [...new Set(results.map((r) => r.yearStart))].sort(), byYear: new Map() };
    }
    const year =
      asked !== undefined && entry.years.includes(asked) ? asked : defaultCurrentYear(entry.years, notAfter)!;
    let analysis = entry.byYear.get(year);
    if (!analysis) {
      results ??= await repo.resultsOfSchool(db, schoolId);
      analysis = analyse(results, year);
      entry.byYear.set(year, analysis);
    }
    // Roughly the analysis' size in memory: its comparisons are small objects.
    const bytes = [...entry.byYear.values()].reduce((n, a) => n + a.comparisons.length * 1500, 1000);
    cache.set(key, entry, bytes);
    return analysis;
  };
}
