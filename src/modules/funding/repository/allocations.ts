// Allocations of a run: per school, totals, per municipality, and the open-data export.
import { sql } from 'kysely';
import type { AllocationLine, PartStatus } from '../tables.ts';
import type { Db } from './db.ts';

export interface AllocationRow {
  runId: number;
  schoolId: number;
  boardId: number | null;
  schoolType: string;
  status: 'volledig' | 'onvolledig' | 'onbekend';
  /** Null on rows of runs made before lines had a status. */
  baseStatus: PartStatus | null;
  supplementStatus: PartStatus | null;
  pupils: number | null;
  baseCents: number | null;
  supplementCents: number;
  totalCents: number | null;
  lines: AllocationLine[];
}

/** The allocations of these schools in these runs, in one query. */
export async function allocationsFor(
  db: Db,
  runIds: number[],
  schoolIds: number[],
  withLines = false,
): Promise<AllocationRow[]> {
  if (runIds.length === 0 || schoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('allocation')
    .select([
      'run_id',
      'school_id',
      'board_id',
      'school_type',
      'status',
      'base_status',
      'supplement_status',
      'pupils',
      'base_cents',
      'supplement_cents',
      'total_cents',
    ])
    .$if(withLines, (q) => q.select('lines'))
    .where('run_id', 'in', runIds)
    .where('school_id', 'in', schoolIds)
    .execute();
  return rows.map((r) => ({
    runId: r.run_id,
    schoolId: r.school_id,
    boardId: r.board_id,
    schoolType: r.school_type,
    status: r.status,
    baseStatus: r.base_status,
    supplementStatus: r.supplement_status,
    pupils: r.pupils,
    baseCents: r.base_cents,
    supplementCents: r.supplement_cents,
    totalCents: r.total_cents,
    lines: r.lines ?? [],
  }));
}

export interface Totals {
  schools: number;
  known: number;
  totalCents: number;
  pupils: number;
}

/** Sums of a run, optionally for one board or municipality. */
export async function runTotals(
  db: Db,
  runId: number,
  filter: { boardId?: number; municipalityCode?: string } = {},
): Promise<Totals> {
  let q = db
    .selectFrom('allocation as a')
    .select([
      sql<number>`count(*)`.as('schools'),
      sql<number>`count(a.total_cents)`.as('known'),
      sql<number>`coalesce(sum(a.total_cents), 0)`.as('total'),
      sql<number>`coalesce(sum(a.pupils), 0)`.as('pupils'),
    ])
    .where('a.run_id', '=', runId);
  if (filter.boardId !== undefined) q = q.where('a.board_id', '=', filter.boardId);
  if (filter.municipalityCode !== undefined) {
    q = q
      .innerJoin('organisation as o', 'o.id', 'a.school_id')
      .where('o.municipality_code', '=', filter.municipalityCode);
  }
  const r = await q.executeTakeFirstOrThrow();
  return {
    schools: Number(r.schools),
    known: Number(r.known),
    totalCents: Number(r.total),
    pupils: Number(r.pupils),
  };
}

export async function municipalities(db: Db, runId: number | null) {
  const r = await sql<{ code: string; name: string | null; schools: number; total: number | null }>`
    select o.municipality_code as code, max(o.municipality_name) as name, count(*)::int as schools,
           sum(a.total_cents) as total
    from organisation o
    left join allocation a on a.school_id = o.id and a.run_id = ${runId ?? -1}::int
    where o.kind = 'school' and o.municipality_code is not null
    group by o.municipality_code
    order by max(o.municipality_name) collate "und-x-icu"`.execute(db);
  return r.rows;
}

export async function municipalityName(db: Db, code: string): Promise<string | null | undefined> {
  const r = await db
    .selectFrom('organisation')
    .select('municipality_name')
    .where('kind', '=', 'school')
    .where('municipality_code', '=', code)
    .limit(1)
    .executeTakeFirst();
  return r ? r.municipality_name : undefined;
}

/** Every allocation of these runs with its school, board and year: the rows of the open-data CSV. */
export async function openDataRows(db: Db, runIds: number[]) {
  const r = await sql<{
    label: string;
    code: string;
    name: string;
    place: string | null;
    municipality_code: string | null;
    municipality_name: string | null;
    board_code: string | null;
    sector: string | null;
    status: string;
    base_status: string | null;
    supplement_status: string | null;
    pupils: number | null;
    base_cents: number | null;
    supplement_cents: number;
    total_cents: number | null;
    lines: AllocationLine[];
  }>`select y.label, o.code, o.name, o.place, o.municipality_code, o.municipality_name, b.code as board_code, o.sector,
            a.status, a.base_status, a.supplement_status, a.lines, a.pupils, a.base_cents, a.supplement_cents, a.total_cents
     from allocation a
     join allocation_run r on r.id = a.run_id
     join school_year y on y.id = r.school_year_id
     join organisation o on o.id = a.school_id
     left join organisation b on b.id = a.board_id
     where a.run_id = any(${runIds}::int[])
     order by y.starts_on, o.code`.execute(db);
  return r.rows;
}
