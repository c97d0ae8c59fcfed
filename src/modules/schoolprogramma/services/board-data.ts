// Loads the board overview and one school's drill-down: the queries of
// repository/board-overview.ts (a fixed number, whatever the number of schools) put together by
// services/board-overview.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { schoolYears as listYears } from '../../schoolscan/repository/scans.ts';
import { currentSchoolYear } from '../../schoolscan/services/scan.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';
import * as repo from '../repository/board-overview.ts';
import { buildOverview, schoolYears } from './board-overview.ts';

type Db = Kysely<DB>;

async function categoriesNow(db: Db, now: Date) {
  // Without a menu in force (a fresh database) there are no categories to total by.
  const version = await menuVersionInForce(db, now).catch(() => null);
  return repo.menuCategories(db, version?.id ?? null);
}

export async function loadBoardOverview(db: Db, boardId: number, programmeId: number, now: Date) {
  const years = await listYears(db, programmeId);
  const year = currentSchoolYear(years, now.toISOString().slice(0, 10));
  const statuses = year ? await repo.schoolStatuses(db, boardId, programmeId, year.id) : [];
  const money = await repo.moneyByCategory(db, boardId, programmeId);
  const yearMoney = await repo.moneyByYear(db, boardId, programmeId);
  return {
    year,
    years,
    categories: await categoriesNow(db, now),
    money,
    overview: buildOverview(statuses, money, yearMoney),
    yearMoney,
  };
}

export type BoardOverviewData = Awaited<ReturnType<typeof loadBoardOverview>>;

/** One school of the board (undefined when it is not one of the board's open schools). */
export async function loadSchoolDrillDown(
  db: Db,
  boardId: number,
  schoolId: number,
  programmeId: number,
  now: Date,
) {
  const years = await listYears(db, programmeId);
  const year = currentSchoolYear(years, now.toISOString().slice(0, 10));
  if (!year) return undefined;
  const [status] = await repo.schoolStatuses(db, boardId, programmeId, year.id, schoolId);
  if (!status) return undefined;
  const money = await repo.moneyByCategory(db, boardId, programmeId, schoolId);
  const yearMoney = await repo.moneyByYear(db, boardId, programmeId, schoolId);
  const overview = buildOverview([status], money, yearMoney);
  return {
    year,
    school: overview.schools[0]!,
    categories: await categoriesNow(db, now),
    perYear: schoolYears(years, money, yearMoney),
    interventions: status.planId ? await repo.planInterventions(db, status.planId) : [],
  };
}

export type SchoolDrillDown = NonNullable<Awaited<ReturnType<typeof loadSchoolDrillDown>>>;
