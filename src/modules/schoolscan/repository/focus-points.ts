// Focus points (aandachtspunten) of a scan: reading, writing, ordering. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { FocusLink, FocusSeverity } from '../tables.ts';

type Db = Kysely<DB>;

const columns = [
  'f.id',
  'f.scan_id',
  'f.domain',
  'f.grades',
  'f.pupils',
  'f.severity',
  'f.evidence',
  'f.evidence_links',
  'f.goal',
  'f.position',
  'f.version',
  'f.updated_at',
] as const;

/** The focus points of one scan in their order (also used by the keuzehulp). */
export async function focusPointsOfScan(db: Db, scanId: number) {
  return db
    .selectFrom('schoolscan_focus_point as f')
    .leftJoin('person as p', 'p.id', 'f.updated_by')
    .select([...columns, 'p.name as updated_by_name'])
    .where('f.scan_id', '=', scanId)
    .orderBy('f.position')
    .orderBy('f.id')
    .execute();
}

export type FocusPointRow = Awaited<ReturnType<typeof focusPointsOfScan>>[number];

/** One focus point, only when it belongs to this scan. */
export async function findFocusPoint(db: Db, scanId: number, focusPointId: number) {
  return db
    .selectFrom('schoolscan_focus_point as f')
    .leftJoin('person as p', 'p.id', 'f.updated_by')
    .select([...columns, 'p.name as updated_by_name'])
    .where('f.scan_id', '=', scanId)
    .where('f.id', '=', focusPointId)
    .executeTakeFirst();
}

export interface FocusPointValues {
  domain: string;
  grades: number[];
  pupils: number;
  severity: FocusSeverity;
  evidence: string;
  evidenceLinks: FocusLink[];
  goal: string;
}

export async function insertFocusPoint(
  db: Db,
  scanId: number,
  v: FocusPointValues,
  personId: number | null,
  now: Date,
): Promise<{ id: number; version: number }> {
  const last = await db
    .selectFrom('schoolscan_focus_point')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('scan_id', '=', scanId)
    .executeTakeFirst();
  return db
    .insertInto('schoolscan_focus_point')
    .values({
      scan_id: scanId,
      domain: v.domain,
      grades: v.grades,
      pupils: v.pupils,
      severity: v.severity,
      evidence: v.evidence,
      evidence_links: JSON.stringify(v.evidenceLinks),
      goal: v.goal,
      position: Number(last?.max ?? 0) + 1,
      created_at: now,
      created_by: personId,
      updated_at: now,
      updated_by: personId,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** Writes a focus point when nobody changed it since `expected`; null when someone did (or it is gone). */
export async function updateFocusPoint(
  db: Db,
  scanId: number,
  focusPointId: number,
  expected: number,
  v: FocusPointValues,
  personId: number | null,
  now: Date,
): Promise<number | null> {
  const r = await db
    .updateTable('schoolscan_focus_point')
    .set({
      domain: v.domain,
      grades: v.grades,
      pupils: v.pupils,
      severity: v.severity,
      evidence: v.evidence,
      evidence_links: JSON.stringify(v.evidenceLinks),
      goal: v.goal,
      version: sql`version + 1`,
      updated_at: now,
      updated_by: personId,
    })
    .where('scan_id', '=', scanId)
    .where('id', '=', focusPointId)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  return r?.version ?? null;
}

export async function deleteFocusPoint(db: Db, scanId: number, focusPointId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('schoolscan_focus_point')
    .where('scan_id', '=', scanId)
    .where('id', '=', focusPointId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Gives the scan's focus points positions 1..n in the order of `ids` (ids of this scan only). */
export async function setPositions(db: Db, scanId: number, ids: number[]): Promise<void> {
  for (const [i, focusPointId] of ids.entries())
    await db
      .updateTable('schoolscan_focus_point')
      .set({ position: i + 1 })
      .where('scan_id', '=', scanId)
      .where('id', '=', focusPointId)
      .execute();
}

/** Pupils per grade in the school's newest school year of LVS data (a hint for the target group). */
export async function pupilsPerGrade(db: Db, schoolId: number) {
  const r = await sql<{ yearStart: number; grade: number; pupils: number }>`
    select year_start as "yearStart", grade, count(distinct pupil_hash)::int as pupils
    from lvs_result
    where school_id = ${schoolId}
      and year_start = (select max(year_start) from lvs_result where school_id = ${schoolId})
    group by year_start, grade
    order by grade`.execute(db);
  return r.rows;
}

/** The focus points of several scans (the MR's conclusions page), in their order. */
export async function focusPointsOfScans(db: Db, scanIds: number[]) {
  if (scanIds.length === 0) return [];
  return db
    .selectFrom('schoolscan_focus_point as f')
    .select(['f.id', 'f.scan_id', 'f.domain', 'f.grades', 'f.pupils', 'f.severity', 'f.evidence', 'f.goal'])
    .where('f.scan_id', 'in', scanIds)
    .orderBy('f.scan_id')
    .orderBy('f.position')
    .orderBy('f.id')
    .execute();
}

export type ConclusionFocusPointRow = Awaited<ReturnType<typeof focusPointsOfScans>>[number];

/**
 * What the board may see: per school and school year the focus points of its schools'
 * completed scans — domain, groups, seriousness and goal. Never the evidence, the links, the
 * target group size or anything from a scan still in concept.
 */
export async function boardFocusPoints(db: Db, schoolIds: number[]) {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('schoolscan_focus_point as f')
    .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
    .select(['f.id', 's.school_id', 's.school_year_id', 'f.domain', 'f.grades', 'f.severity', 'f.goal'])
    .where('s.school_id', 'in', schoolIds)
    .where('s.status', '=', 'afgerond')
    .orderBy('s.school_id')
    .orderBy('s.school_year_id')
    .orderBy('f.position')
    .orderBy('f.id')
    .execute();
}

export type BoardFocusPointRow = Awaited<ReturnType<typeof boardFocusPoints>>[number];
