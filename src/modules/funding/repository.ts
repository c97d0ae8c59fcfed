// Queries of the funding module (Kysely only). Lists are single queries with joins or
// ANY(array) look-ups: no query per row.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Rate } from './compute.ts';
import type { AllocationLine } from './tables.ts';

type Db = Kysely<DB>;

export interface FundingYear {
  schoolYearId: number;
  label: string;
  teldatum: string | null;
  status: 'voorlopig' | 'definitief' | 'geen-toekenning';
  teldatumStatus: string | null;
  note: string | null;
  source: string | null;
  currentRunId: number | null;
  previousRunId: number | null;
}

export async function listFundingYears(db: Db, programmeId: number): Promise<FundingYear[]> {
  const rows = await db
    .selectFrom('school_year as y')
    .innerJoin('funding_year as f', 'f.school_year_id', 'y.id')
    .select([
      'y.id',
      'y.label',
      'y.teldatum',
      'f.status',
      'f.teldatum_status',
      'f.note',
      'f.source',
      'f.current_run_id',
      'f.previous_run_id',
    ])
    .where('y.programme_id', '=', programmeId)
    .orderBy('y.starts_on')
    .execute();
  return rows.map((r) => ({
    schoolYearId: r.id,
    label: r.label,
    teldatum: r.teldatum,
    status: r.status,
    teldatumStatus: r.teldatum_status,
    note: r.note,
    source: r.source,
    currentRunId: r.current_run_id,
    previousRunId: r.previous_run_id,
  }));
}

export async function findFundingYear(db: Db, schoolYearId: number): Promise<FundingYear | undefined> {
  const r = await db
    .selectFrom('school_year as y')
    .innerJoin('funding_year as f', 'f.school_year_id', 'y.id')
    .select([
      'y.id',
      'y.label',
      'y.teldatum',
      'f.status',
      'f.teldatum_status',
      'f.note',
      'f.source',
      'f.current_run_id',
      'f.previous_run_id',
    ])
    .where('y.id', '=', schoolYearId)
    .executeTakeFirst();
  return r
    ? {
        schoolYearId: r.id,
        label: r.label,
        teldatum: r.teldatum,
        status: r.status,
        teldatumStatus: r.teldatum_status,
        note: r.note,
        source: r.source,
        currentRunId: r.current_run_id,
        previousRunId: r.previous_run_id,
      }
    : undefined;
}

export interface RateRow extends Rate {
  schoolYearId: number;
  unit: string;
  payment: string | null;
  source: string | null;
  note: string | null;
  updatedAt: Date;
}

export async function listRates(db: Db, schoolYearIds: number[]): Promise<RateRow[]> {
  if (schoolYearIds.length === 0) return [];
  const rows = await db
    .selectFrom('funding_rate')
    .selectAll()
    .where('school_year_id', 'in', schoolYearIds)
    .orderBy('school_year_id')
    .orderBy('sort')
    .execute();
  return rows.map(toRate);
}

function toRate(r: any): RateRow {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    code: r.code,
    kind: r.kind,
    schoolTypes: r.school_types,
    basis: r.basis,
    label: r.label,
    unit: r.unit,
    amountCents: r.amount_cents,
    status: r.status,
    payment: r.payment,
    source: r.source,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

export async function findRate(db: Db, rateId: number): Promise<RateRow | undefined> {
  const r = await db.selectFrom('funding_rate').selectAll().where('id', '=', rateId).executeTakeFirst();
  return r ? toRate(r) : undefined;
}

export async function rateChanges(db: Db, rateId: number) {
  return db
    .selectFrom('funding_rate_change as c')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.at',
      'c.old_amount_cents',
      'c.new_amount_cents',
      'c.old_status',
      'c.new_status',
      'c.reason',
      'p.name as person',
    ])
    .where('c.rate_id', '=', rateId)
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

// --- inputs of a recompute -------------------------------------------------------------

/** The newest teldatum at or before `teldatum` (within two years) that has counts, per category. */
export async function countDates(db: Db, teldatum: string) {
  const r = await sql<{ category: string; teldatum: string }>`
    select category, max(teldatum)::text as teldatum from pupil_count
    where teldatum <= ${teldatum}::date and teldatum > (${teldatum}::date - interval '2 years')
    group by category`.execute(db);
  return new Map(r.rows.map((x) => [x.category, x.teldatum]));
}

export async function scoreDates(db: Db, teldatum: string) {
  const r = await sql<{ indicator: string; peildatum: string }>`
    select indicator, max(peildatum)::text as peildatum from achterstandsscore
    where peildatum <= ${teldatum}::date and peildatum > (${teldatum}::date - interval '2 years')
    group by indicator`.execute(db);
  return new Map(r.rows.map((x) => [x.indicator, x.peildatum]));
}

export async function countsAt(db: Db, pairs: [string, string][]) {
  if (pairs.length === 0) return [];
  return (
    await sql<{
      organisation_id: number;
      category: 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34';
      teldatum: string;
      pupils: number | null;
      below_five: boolean;
    }>`
    select c.organisation_id, c.category, c.teldatum::text as teldatum, c.pupils, c.below_five
    from pupil_count c join unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::date[]) as w(category, teldatum)
      on c.category = w.category and c.teldatum = w.teldatum`.execute(db)
  ).rows;
}

export async function scoresAt(db: Db, indicator: 'po' | 'vo', peildatum: string) {
  return db
    .selectFrom('achterstandsscore')
    .select(['organisation_id', 'score_hundredths'])
    .where('indicator', '=', indicator)
    .where('peildatum', '=', peildatum)
    .where('organisation_id', 'is not', null)
    .execute();
}

export async function schoolsForFunding(db: Db, teldatum: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'parent_id', 'sector'])
    .where('kind', '=', 'school')
    .where('sector', 'is not', null)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', teldatum)]))
    .execute();
}

export interface AllocationInsert {
  schoolId: number;
  boardId: number | null;
  schoolType: string;
  status: string;
  pupils: number | null;
  baseCents: number | null;
  supplementCents: number;
  totalCents: number | null;
  lines: AllocationLine[];
}

export async function insertAllocations(db: Db, runId: number, rows: AllocationInsert[]) {
  const chunk = 5000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await sql`insert into allocation (run_id, school_id, board_id, school_type, status, pupils, base_cents, supplement_cents, total_cents, lines)
      select ${runId}::int, u.school, u.board, u.type, u.status, u.pupils, u.base, u.supp, u.total, u.lines::jsonb
      from unnest(${part.map((r) => r.schoolId)}::int[], ${part.map((r) => r.boardId)}::int[], ${part.map((r) => r.schoolType)}::text[],
                  ${part.map((r) => r.status)}::text[], ${part.map((r) => r.pupils)}::int[], ${part.map((r) => r.baseCents)}::bigint[],
                  ${part.map((r) => r.supplementCents)}::bigint[], ${part.map((r) => r.totalCents)}::bigint[],
                  ${part.map((r) => JSON.stringify(r.lines))}::text[])
        as u(school, board, type, status, pupils, base, supp, total, lines)`.execute(db);
  }
}

// --- public and board views -----------------------------------------------------------

export interface SchoolListRow {
  id: number;
  code: string;
  name: string;
  place: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  sector: string | null;
  boardId: number | null;
  boardCode: string | null;
  boardName: string | null;
  boardProvisional: boolean | null;
  closedOn: string | null;
}

const schoolListColumns = [
  'o.id',
  'o.code',
  'o.name',
  'o.place',
  'o.municipality_code',
  'o.municipality_name',
  'o.sector',
  'o.closed_on',
  'b.id as board_id',
  'b.code as board_code',
  'b.name as board_name',
  'b.name_provisional as board_provisional',
] as const;

function toSchoolRow(r: any): SchoolListRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    place: r.place,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    sector: r.sector,
    boardId: r.board_id,
    boardCode: r.board_code,
    boardName: r.board_name,
    boardProvisional: r.board_provisional,
    closedOn: r.closed_on,
  };
}

/** Schools by name, place or code (trigram indexes); at most `limit`. */
export async function searchSchools(db: Db, q: string, limit: number): Promise<SchoolListRow[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation as b', 'b.id', 'o.parent_id')
    .select(schoolListColumns)
    .where('o.kind', '=', 'school')
    .where((eb) =>
      eb.or([eb('o.name', 'ilike', like), eb('o.place', 'ilike', like), eb('o.code', 'ilike', like)]),
    )
    .orderBy(sql`o.closed_on is not null`)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .limit(limit)
    .execute();
  return rows.map(toSchoolRow);
}

export async function schoolsOfMunicipality(db: Db, code: string): Promise<SchoolListRow[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation as b', 'b.id', 'o.parent_id')
    .select(schoolListColumns)
    .where('o.kind', '=', 'school')
    .where('o.municipality_code', '=', code)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .execute();
  return rows.map(toSchoolRow);
}

export async function schoolsOfBoard(db: Db, boardId: number): Promise<SchoolListRow[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation as b', 'b.id', 'o.parent_id')
    .select(schoolListColumns)
    .where('o.kind', '=', 'school')
    .where('o.parent_id', '=', boardId)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .execute();
  return rows.map(toSchoolRow);
}

export async function findSchoolByCode(db: Db, code: string): Promise<SchoolListRow | undefined> {
  const r = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation as b', 'b.id', 'o.parent_id')
    .select(schoolListColumns)
    .where('o.kind', '=', 'school')
    .where('o.code', '=', code)
    .executeTakeFirst();
  return r ? toSchoolRow(r) : undefined;
}

export async function findBoardByCode(db: Db, code: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'code', 'name', 'name_provisional', 'place'])
    .where('kind', '=', 'bestuur')
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findBoard(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'code', 'name', 'name_provisional', 'place'])
    .where('kind', '=', 'bestuur')
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface AllocationRow {
  runId: number;
  schoolId: number;
  boardId: number | null;
  schoolType: string;
  status: 'volledig' | 'onvolledig' | 'onbekend';
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
      'pupils',
      'base_cents',
      'supplement_cents',
      'total_cents',
    ])
    .$if(withLines, (q) => q.select('lines'))
    .where('run_id', 'in', runIds)
    .where('school_id', 'in', schoolIds)
    .execute();
  return rows.map((r: any) => ({
    runId: r.run_id,
    schoolId: r.school_id,
    boardId: r.board_id,
    schoolType: r.school_type,
    status: r.status,
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

/** Differences between two runs per school (only schools whose total changed). */
export async function runDifferences(db: Db, currentRunId: number, previousRunId: number, boardId?: number) {
  const r = await sql<{
    school_id: number;
    code: string;
    name: string;
    board_id: number | null;
    board_name: string | null;
    old_total: number | null;
    new_total: number | null;
  }>`
    select o.id as school_id, o.code, o.name, coalesce(c.board_id, p.board_id) as board_id, b.name as board_name,
           p.total_cents as old_total, c.total_cents as new_total
    from (select * from allocation where run_id = ${currentRunId}::int) c
    full join (select * from allocation where run_id = ${previousRunId}::int) p on p.school_id = c.school_id
    join organisation o on o.id = coalesce(c.school_id, p.school_id)
    left join organisation b on b.id = coalesce(c.board_id, p.board_id)
    where c.total_cents is distinct from p.total_cents
      ${boardId === undefined ? sql`` : sql`and coalesce(c.board_id, p.board_id) = ${boardId}::int`}
    order by abs(coalesce(c.total_cents, 0) - coalesce(p.total_cents, 0)) desc, o.name collate "und-x-icu"`.execute(
    db,
  );
  return r.rows;
}

export async function boardDifferences(db: Db, currentRunId: number, previousRunId: number) {
  const r = await sql<{
    board_id: number;
    code: string | null;
    name: string;
    old_total: number;
    new_total: number;
  }>`
    select b.id as board_id, b.code, b.name, coalesce(p.total, 0) as old_total, coalesce(c.total, 0) as new_total
    from (select board_id, sum(total_cents) as total from allocation where run_id = ${currentRunId}::int group by board_id) c
    full join (select board_id, sum(total_cents) as total from allocation where run_id = ${previousRunId}::int group by board_id) p
      on p.board_id = c.board_id
    join organisation b on b.id = coalesce(c.board_id, p.board_id)
    where coalesce(c.total, 0) <> coalesce(p.total, 0)
    order by abs(coalesce(c.total, 0) - coalesce(p.total, 0)) desc, b.name collate "und-x-icu"`.execute(db);
  return r.rows;
}

export async function recentRuns(db: Db, limit = 10) {
  return db
    .selectFrom('allocation_run as r')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.created_at',
      'r.reason',
      'r.school_count',
      'r.total_cents',
      'y.label',
      'p.name as person',
    ])
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

// --- reservations -------------------------------------------------------------------------

export async function reservationsOfBoard(db: Db, boardId: number, schoolYearId: number) {
  return db
    .selectFrom('board_reservation as r')
    .innerJoin('organisation as s', 's.id', 'r.school_id')
    .leftJoin('person as p', 'p.id', 'r.created_by')
    .select([
      'r.id',
      'r.school_id',
      's.name as school_name',
      's.code as school_code',
      'r.amount_cents',
      'r.purpose',
      'r.mr_consent_on',
      'r.created_at',
      'r.withdrawn_at',
      'p.name as created_by_name',
    ])
    .where('r.board_id', '=', boardId)
    .where('r.school_year_id', '=', schoolYearId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export async function reservedPerSchool(
  db: Db,
  boardId: number,
  schoolYearId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('board_reservation')
    .select(['school_id', sql<number>`sum(amount_cents)`.as('reserved')])
    .where('board_id', '=', boardId)
    .where('school_year_id', '=', schoolYearId)
    .where('withdrawn_at', 'is', null)
    .groupBy('school_id')
    .execute();
  return new Map(rows.map((r) => [r.school_id, Number(r.reserved)]));
}
