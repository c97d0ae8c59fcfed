// The queries behind a board's annual report over one calendar year: a fixed handful whatever the
// number of schools (each aggregates over the board's schools), read from the schoolscan and
// schoolprogramma tables. Verantwoording reads those modules' tables; they never read this one.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type {
  BoardPlanRow,
  ConsentRow,
  EvaluationRow,
  InterventionRow,
  PlannedRow,
  ScanRow,
  SchoolRow,
  SpentRow,
} from '../services/report-figures.ts';

type Db = Kysely<DB>;

const first = (year: number) => `${year}-01-01`;
const last = (year: number) => `${year}-12-31`;
/** The first moment after the calendar year, for timestamps. */
const after = (year: number) => new Date(`${year + 1}-01-01T00:00:00+01:00`);

/** The board's schools that were open at some point in the year. */
function schoolIds(db: Db, boardId: number, year: number) {
  return db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'school')
    .where('parent_id', '=', boardId)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', first(year))]));
}

export async function reportSchools(db: Db, boardId: number, year: number): Promise<SchoolRow[]> {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'code'])
    .where('id', 'in', schoolIds(db, boardId, year))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Completed scans of school years that run in the year, completed before the year ended. */
export async function completedScans(db: Db, boardId: number, year: number): Promise<ScanRow[]> {
  const rows = await db
    .selectFrom('schoolscan as s')
    .innerJoin('school_year as y', 'y.id', 's.school_year_id')
    .select(['s.school_id', 'y.label'])
    .where('s.school_id', 'in', schoolIds(db, boardId, year))
    .where('s.status', '=', 'afgerond')
    .where('s.completed_at', '<', after(year))
    .where('y.starts_on', '<=', last(year))
    .where('y.ends_on', '>=', first(year))
    .execute();
  return rows.map((r) => ({ schoolId: r.school_id, yearLabel: r.label }));
}

/** Per school: the newest version submitted before the year ended, and the MR's decision on it. */
export async function consents(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
): Promise<ConsentRow[]> {
  const rows = await db
    .selectFrom('school_plan as p')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('school_plan_version as v')
          .select(['v.id', 'v.number'])
          .whereRef('v.plan_id', '=', 'p.id')
          .where('v.submitted_at', '<', after(year))
          .orderBy('v.number', 'desc')
          .limit(1)
          .as('v'),
      (j) => j.onTrue(),
    )
    .leftJoin('school_plan_decision as d', 'd.version_id', 'v.id')
    .select(['p.school_id', 'v.number', 'd.decision', 'd.meeting_on'])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schoolIds(db, boardId, year))
    .execute();
  return rows.map((r) => ({
    schoolId: r.school_id,
    versionNumber: r.number,
    decision: r.decision,
    meetingOn: r.meeting_on,
  }));
}

/** The plans' interventions that run (some days) in the year, with their menu category. */
export async function runningInterventions(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
): Promise<InterventionRow[]> {
  const rows = await db
    .selectFrom('school_plan as p')
    .innerJoin('school_plan_intervention as i', 'i.plan_id', 'p.id')
    .innerJoin('menukaart_intervention as m', 'm.id', 'i.intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .select(['p.school_id', 'e.category_code', 'm.code'])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schoolIds(db, boardId, year))
    .where('i.starts_on', '<=', last(year))
    .where('i.ends_on', '>=', first(year))
    .execute();
  return rows.map((r) => ({ schoolId: r.school_id, category: r.category_code, code: r.code }));
}

/** Planned cents per school, school year and category, for the school years that run in the year. */
export async function plannedMoney(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
): Promise<PlannedRow[]> {
  const rows = await db
    .selectFrom('school_plan as p')
    .innerJoin('school_plan_intervention as i', 'i.plan_id', 'p.id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .innerJoin('school_plan_budget as b', 'b.plan_intervention_id', 'i.id')
    .innerJoin('school_year as y', 'y.id', 'b.school_year_id')
    .select([
      'p.school_id',
      'b.school_year_id',
      'e.category_code',
      sql<string>`sum(b.planned_cents)`.as('cents'),
    ])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schoolIds(db, boardId, year))
    .where('y.starts_on', '<=', last(year))
    .where('y.ends_on', '>=', first(year))
    .groupBy(['p.school_id', 'b.school_year_id', 'e.category_code'])
    .execute();
  return rows.map((r) => ({
    schoolId: r.school_id,
    schoolYearId: r.school_year_id,
    category: r.category_code,
    cents: Number(r.cents),
  }));
}

/** Spent cents per school and category in the year (by the expense's date), external staff apart. */
export async function spentMoney(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
): Promise<SpentRow[]> {
  const rows = await db
    .selectFrom('school_plan as p')
    .innerJoin('school_plan_expense as x', 'x.plan_id', 'p.id')
    .innerJoin('school_plan_intervention as i', 'i.id', 'x.plan_intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .select([
      'p.school_id',
      'e.category_code',
      sql<boolean>`x.cost_type = 'extern-personeel'`.as('external'),
      sql<string>`sum(x.amount_cents)`.as('cents'),
    ])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schoolIds(db, boardId, year))
    .where('x.spent_on', '>=', first(year))
    .where('x.spent_on', '<=', last(year))
    .groupBy(['p.school_id', 'e.category_code', sql`x.cost_type = 'extern-personeel'`])
    .execute();
  return rows.map((r) => ({
    schoolId: r.school_id,
    category: r.category_code,
    external: r.external,
    cents: Number(r.cents),
  }));
}

/** The evaluations of the year: the first results of carrying out the plans. */
export async function yearEvaluations(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
): Promise<EvaluationRow[]> {
  const rows = await db
    .selectFrom('school_plan as p')
    .innerJoin('school_plan_intervention as i', 'i.plan_id', 'p.id')
    .innerJoin('school_plan_evaluation as ev', 'ev.plan_intervention_id', 'i.id')
    .innerJoin('menukaart_intervention as m', 'm.id', 'i.intervention_id')
    .innerJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'i.menu_version_id').onRef('e.intervention_id', '=', 'i.intervention_id'),
    )
    .select(['p.school_id', 'm.code', 'e.name_nl', 'ev.evaluated_on', 'ev.decision', 'ev.results'])
    .where('p.programme_id', '=', programmeId)
    .where('p.school_id', 'in', schoolIds(db, boardId, year))
    .where('ev.evaluated_on', '>=', first(year))
    .where('ev.evaluated_on', '<=', last(year))
    .orderBy('ev.evaluated_on')
    .orderBy('ev.id')
    .execute();
  return rows.map((r) => ({
    schoolId: r.school_id,
    code: r.code,
    name: r.name_nl,
    evaluatedOn: r.evaluated_on,
    decision: r.decision,
    results: r.results,
  }));
}

/** The board's own (bovenschools) plan: the newest version before the year ended, the GMR's decision. */
export async function boardPlanState(
  db: Db,
  boardId: number,
  programmeId: number,
  year: number,
): Promise<BoardPlanRow | null> {
  const plan = await db
    .selectFrom('board_plan')
    .select('id')
    .where('board_id', '=', boardId)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  if (!plan) return null;
  const version = await db
    .selectFrom('board_plan_version as v')
    .leftJoin('board_plan_decision as d', 'd.version_id', 'v.id')
    .select(['v.number', 'v.submitted_at', 'd.decision', 'd.meeting_on'])
    .where('v.plan_id', '=', plan.id)
    .where('v.submitted_at', '<', after(year))
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const interventions = await db
    .selectFrom('board_plan_intervention')
    .select(['category_code', 'title'])
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return {
    versionNumber: version?.number ?? null,
    submittedOn: version ? new Date(version.submitted_at).toISOString().slice(0, 10) : null,
    decision: version?.decision ?? null,
    meetingOn: version?.meeting_on ?? null,
    interventions: interventions.map((i) => ({ category: i.category_code, title: i.title })),
  };
}
