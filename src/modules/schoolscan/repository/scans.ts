// Scans, their steps, and what the board may see of them. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ScanStatus, SectionName } from '../tables.ts';

type Db = Kysely<DB>;

export async function findSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'sector', 'parent_id'])
    .where('id', '=', schoolId)
    .where('kind', '=', 'school')
    .executeTakeFirst();
}

export async function findBoard(db: Db, boardId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', boardId)
    .where('kind', '=', 'bestuur')
    .executeTakeFirst();
}

export async function schoolYears(db: Db, programmeId: number) {
  return db
    .selectFrom('school_year')
    .select(['id', 'label', 'starts_on', 'ends_on', 'teldatum'])
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on')
    .execute();
}

export type SchoolYearRow = Awaited<ReturnType<typeof schoolYears>>[number];

export async function findScan(db: Db, schoolId: number, schoolYearId: number) {
  return db
    .selectFrom('schoolscan as s')
    .leftJoin('person as p', 'p.id', 's.completed_by')
    .select(['s.id', 's.status', 's.created_at', 's.completed_at', 'p.name as completed_by_name'])
    .where('s.school_id', '=', schoolId)
    .where('s.school_year_id', '=', schoolYearId)
    .executeTakeFirst();
}

export type ScanRow = NonNullable<Awaited<ReturnType<typeof findScan>>>;

export async function sectionsOf(db: Db, scanId: number) {
  return db
    .selectFrom('schoolscan_section as x')
    .leftJoin('person as p', 'p.id', 'x.updated_by')
    .select(['x.section', 'x.body', 'x.version', 'x.updated_at', 'p.name as updated_by_name'])
    .where('x.scan_id', '=', scanId)
    .execute();
}

export type SectionRow = Awaited<ReturnType<typeof sectionsOf>>[number];

/** The school's scans, one per school year at most. */
export async function scansOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('schoolscan')
    .select(['id', 'school_year_id', 'status', 'completed_at'])
    .where('school_id', '=', schoolId)
    .execute();
}

/** The scan of a school and year, made when it does not exist yet; locked for this transaction. */
export async function ensureScanLocked(
  db: Db,
  schoolId: number,
  schoolYearId: number,
  personId: number | null,
) {
  await db
    .insertInto('schoolscan')
    .values({ school_id: schoolId, school_year_id: schoolYearId, created_by: personId })
    .onConflict((oc) => oc.columns(['school_id', 'school_year_id']).doNothing())
    .execute();
  return db
    .selectFrom('schoolscan')
    .select(['id', 'status'])
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function lockScan(db: Db, schoolId: number, schoolYearId: number) {
  return db
    .selectFrom('schoolscan')
    .select(['id', 'status'])
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Writes a step when nobody saved it since the writer loaded it (`expected` is the version the
 * writer saw, 0 for none). Returns the new version, or null when someone else saved in between.
 */
export async function writeSection(
  db: Db,
  v: {
    scanId: number;
    section: SectionName;
    body: string;
    expected: number;
    personId: number | null;
    now: Date;
  },
): Promise<number | null> {
  if (v.expected === 0) {
    const r = await db
      .insertInto('schoolscan_section')
      .values({
        scan_id: v.scanId,
        section: v.section,
        body: v.body,
        updated_by: v.personId,
        updated_at: v.now,
      })
      .onConflict((oc) => oc.columns(['scan_id', 'section']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return r?.version ?? null;
  }
  const r = await db
    .updateTable('schoolscan_section')
    .set({ body: v.body, version: sql`version + 1`, updated_by: v.personId, updated_at: v.now })
    .where('scan_id', '=', v.scanId)
    .where('section', '=', v.section)
    .where('version', '=', v.expected)
    .returning('version')
    .executeTakeFirst();
  return r?.version ?? null;
}

export async function setStatus(
  db: Db,
  scanId: number,
  status: ScanStatus,
  personId: number | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('schoolscan')
    .set(
      status === 'afgerond'
        ? { status, completed_at: now, completed_by: personId }
        : { status, completed_at: null, completed_by: null },
    )
    .where('id', '=', scanId)
    .execute();
}

/** Completed scans of a school with their conclusions (for the MR). */
export async function completedConclusions(db: Db, schoolId: number) {
  return db
    .selectFrom('schoolscan as s')
    .innerJoin('school_year as y', 'y.id', 's.school_year_id')
    .leftJoin('schoolscan_section as x', (j) =>
      j.onRef('x.scan_id', '=', 's.id').on('x.section', '=', 'conclusies'),
    )
    .select(['s.id', 'y.label', 's.completed_at', 'x.body'])
    .where('s.school_id', '=', schoolId)
    .where('s.status', '=', 'afgerond')
    .orderBy('y.starts_on', 'desc')
    .execute();
}

/** The board's open schools and, per school year, whether a scan exists and its status. Nothing else. */
export async function boardScanStatus(db: Db, boardId: number) {
  const schools = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'code'])
    .where('kind', '=', 'school')
    .where('parent_id', '=', boardId)
    .where('closed_on', 'is', null)
    .orderBy('name')
    .execute();
  const scans = schools.length
    ? await db
        .selectFrom('schoolscan')
        .select(['school_id', 'school_year_id', 'status'])
        .where(
          'school_id',
          'in',
          schools.map((s) => s.id),
        )
        .execute()
    : [];
  return { schools, scans };
}

/** For the dashboard: the scans of these schools in one school year. */
export async function scanStatuses(db: Db, schoolIds: number[], schoolYearId: number) {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('schoolscan')
    .select(['school_id', 'status'])
    .where('school_id', 'in', schoolIds)
    .where('school_year_id', '=', schoolYearId)
    .execute();
}

export async function hasCompleted(db: Db, schoolId: number): Promise<boolean> {
  const r = await db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('status', '=', 'afgerond')
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
