// The national totals of the current runs per school year, sector and part, split by the
// status of each line: one set-based query over the lines of every allocation.
import { sql } from 'kysely';
import type { ReconcileRow } from '../services/envelopes.ts';
import type { Db } from './db.ts';

export async function reconcileRows(db: Db, programmeId: number): Promise<ReconcileRow[]> {
  const r = await sql<{
    label: string;
    sector: string;
    part: 'basis' | 'toeslag';
    schools: number;
    exact: string | number;
    estimated: string | number;
    unknown_lines: number;
    unknown_schools: number;
  }>`
    select y.label, o.sector, coalesce(l->>'part', 'basis') as part,
           count(distinct a.school_id)::int as schools,
           coalesce(sum((l->>'amountCents')::bigint) filter (where l->>'status' = 'exact'), 0) as exact,
           coalesce(sum((l->>'amountCents')::bigint) filter (where l->>'status' = 'geschat'), 0) as estimated,
           (count(*) filter (where l->>'status' = 'onbekend'))::int as unknown_lines,
           (count(distinct a.school_id) filter (where l->>'status' = 'onbekend'))::int as unknown_schools
    from school_year y
    join funding_year f on f.school_year_id = y.id
    join allocation a on a.run_id = f.current_run_id
    join organisation o on o.id = a.school_id
    cross join lateral jsonb_array_elements(a.lines) as l
    where y.programme_id = ${programmeId}::int
    group by y.label, y.starts_on, o.sector, coalesce(l->>'part', 'basis')
    order by y.starts_on, o.sector, part`.execute(db);
  return r.rows.map((x) => ({
    label: x.label,
    sector: x.sector,
    part: x.part,
    schools: x.schools,
    exactCents: Number(x.exact),
    estimatedCents: Number(x.estimated),
    unknownLines: x.unknown_lines,
    unknownSchools: x.unknown_schools,
  }));
}
