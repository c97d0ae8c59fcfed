// The board overview's queries: a fixed handful whatever the number of schools (no query per
// school). Each aggregates over the board's schools with GROUP BY; the indexes of migrations
// 0001/0200/0400/0500 cover every join (organisation_parent_idx, schoolscan_school_year_idx,
// school_plan_school_programme_key, school_plan_version_number_key, school_plan_intervention_plan_idx,
// the budget's primary key, school_plan_expense_plan_idx, allocation_pkey, board_reservation_school_idx).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { listFundingYears } from '../../funding/repository/years.ts';
import type { ScanStatus } from '../../schoolscan/tables.ts';
import type { MrDecision } from '../tables.ts';

type Db = Kysely<DB>;

export async function findBoard(db: Db, boardId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', boardId)
    .where('kind', '=', 'bestuur')
    .executeTakeFirst();
}

export type BoardRow = NonNullable<Awaited<ReturnType<typeof findBoard>>>;

/** The schools of the board (open ones; `schoolId` narrows to one) as a subquery. */
function boardSchoolIds(db: Db, boardId: number, schoolId?: number) {
  return db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'school')
    .where('parent_id', '=', boardId)
    .where('closed_on', 'is', null)
    .$if(schoolId !== undefined, (q) => q.where('id', '=', schoolId!));
}

export interface SchoolStatusRow {
  id: number;
  name: string;
  code: string | null;
  scanStatus: ScanStatus | null;
  planId: number | null;
  versionNumber: number | null;
  /** The MR's decision on the latest version; null when it has none yet. */
  decision: MrDecision | null;
}

/** Per school: the scan of `schoolYearId`, its plan, the latest version and the MR's decision on it. */
export async function schoolStatuses(
  db: Db,
  boardId: number,
  programmeId: number,
  schoolYearId: number,
  schoolId?: number,
): Promise<SchoolStatusRow[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('schoolscan as s', (j) =>
      j.onRef('s.school_id', '=', 'o.id').on('s.school_year_id', '=', schoolYearId),
    )
    .leftJoin('school_plan as p', (j) =>
      j.onRef('p.school_id', '=', 'o.id').on('p.programme_id', '=', programmeId),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('school_plan_version as v')
          .select(['v.id', 'v.number'])
          .whereRef('v.plan_id', '=', 'p.id')
          .orderBy('v.number', 'desc')
          .limit(1)
          .as('v'),
      (j) => j.onTrue(),
    )
    .leftJoin('school_plan_decision as d', 'd.version_id', 'v.id')
    .select([
      'o.id',
      'o.name',
      'o.code',
      's.status as scan_status',
      'p.id as plan_id',
      'v.number as version_number',
      'd.decision',
    ])
    .where('o.id', 'in', boardSchoolIds(db, boardId, schoolId))
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    scanStatus: r.scan_status,
    planId: r.plan_id,
    versionNumber: r.version_number,
    decision: r.decision,
  }));
}

export interface MoneyRow {
  schoolId: number;
  schoolYearId: number;
  category: string;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

/** Planned, committed and spent cents per school, school year and menu category (two GROUP BYs). */
export async function moneyByCategory(
  db: Db,
  boardId: number,
  programmeId: number,
  schoolId?: number,
): Promise<MoneyRow[]> {
  const schools = boardSchoolIds(db, boardId, schoolId);
  const planned = await db
    .selectFrom('school_plan as p')
    .innerJoin('school_plan_intervention as i', 'i.plan_id', 'p.id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .innerJoin('school_plan_budget as b', 'b.plan_intervention_id', 'i.id')
    .select([
      'p.school_id',
      'b.school_year_id',
      'e.category_code',
      sql<string>`sum(b.planned_cents)`.as('planned'),
      sql<string>`sum(b.committed_cents)`.as('committed'),
    ])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schools)
    .groupBy(['p.school_id', 'b.school_year_id', 'e.category_code'])
    .execute();
  const spent = await db
    .selectFrom('school_plan as p')
    .innerJoin('school_plan_expense as x', 'x.plan_id', 'p.id')
    .innerJoin('school_plan_intervention as i', 'i.id', 'x.plan_intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .select([
      'p.school_id',
      'x.school_year_id',
      'e.category_code',
      sql<string>`sum(x.amount_cents)`.as('spent'),
    ])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schools)
    .groupBy(['p.school_id', 'x.school_year_id', 'e.category_code'])
    .execute();
  const rows = new Map<string, MoneyRow>();
  const row = (schoolId: number, schoolYearId: number, category: string) => {
    const key = `${schoolId}|${schoolYearId}|${category}`;
    let r = rows.get(key);
    if (!r) {
      r = { schoolId, schoolYearId, category, plannedCents: 0, committedCents: 0, spentCents: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const p of planned) {
    const r = row(p.school_id, p.school_year_id, p.category_code);
    r.plannedCents += Number(p.planned);
    r.committedCents += Number(p.committed);
  }
  for (const s of spent) row(s.school_id, s.school_year_id, s.category_code).spentCents += Number(s.spent);
  return [...rows.values()];
}

export interface YearMoneyRow {
  schoolId: number;
  schoolYearId: number;
  /** Null when the funding module has no known total for this school and year. */
  allocatedCents: number | null;
  reservedCents: number;
}

/**
 * The school's money per programme year: its allocation in the funding year's current run and
 * the standing reservations its board made of it (the keuzehulp's rule, for all schools at once).
 */
export async function moneyByYear(
  db: Db,
  boardId: number,
  programmeId: number,
  schoolId?: number,
): Promise<YearMoneyRow[]> {
  const years = (await listFundingYears(db, programmeId)).filter((y) => y.currentRunId !== null);
  const schools = boardSchoolIds(db, boardId, schoolId);
  const allocations = years.length
    ? await db
        .selectFrom('allocation as a')
        .innerJoin('funding_year as f', 'f.current_run_id', 'a.run_id')
        .select(['a.school_id', 'f.school_year_id', 'a.total_cents'])
        .where(
          'a.run_id',
          'in',
          years.map((y) => y.currentRunId!),
        )
        .where('a.school_id', 'in', schools)
        .execute()
    : [];
  const reservations = await db
    .selectFrom('board_reservation')
    .select(['school_id', 'school_year_id', sql<string>`sum(amount_cents)`.as('cents')])
    .where('school_id', 'in', schools)
    .where('withdrawn_at', 'is', null)
    .groupBy(['school_id', 'school_year_id'])
    .execute();
  const rows = new Map<string, YearMoneyRow>();
  const row = (schoolId: number, schoolYearId: number) => {
    const key = `${schoolId}|${schoolYearId}`;
    let r = rows.get(key);
    if (!r) {
      r = { schoolId, schoolYearId, allocatedCents: null, reservedCents: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const a of allocations)
    row(a.school_id, a.school_year_id).allocatedCents = a.total_cents === null ? null : Number(a.total_cents);
  for (const r of reservations) row(r.school_id, r.school_year_id).reservedCents += Number(r.cents);
  return [...rows.values()];
}

/** The categories (A–F) of the menu version most plans chose from: the one in force now. */
export async function menuCategories(db: Db, menuVersionId: number | null) {
  if (menuVersionId === null) return [];
  return db
    .selectFrom('menukaart_category')
    .select(['code', 'name', 'short_name'])
    .where('version_id', '=', menuVersionId)
    .orderBy('code')
    .execute();
}

/** The interventions of a school's plan with their category and the latest evaluation's decision. */
export async function planInterventions(db: Db, planId: number) {
  return db
    .selectFrom('school_plan_intervention as i')
    .innerJoin('menukaart_intervention as m', 'm.id', 'i.intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('school_plan_evaluation as ev')
          .select(['ev.decision', 'ev.evaluated_on'])
          .whereRef('ev.plan_intervention_id', '=', 'i.id')
          .where('ev.decision', 'is not', null)
          .orderBy('ev.evaluated_on', 'desc')
          .orderBy('ev.id', 'desc')
          .limit(1)
          .as('ev'),
      (j) => j.onTrue(),
    )
    .select(['i.id', 'm.code', 'e.name_nl', 'e.category_code', 'i.pupils', 'ev.decision', 'ev.evaluated_on'])
    .where('i.plan_id', '=', planId)
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
}
