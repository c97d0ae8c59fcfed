// Groups and well-being: who teaches which group in a school year, the team's assessment per
// group and step, and aggregated monitoring results per group. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { AssessedStep } from '../tables.ts';

type Db = Kysely<DB>;

/** The school's team members (teamlid memberships of people who are not disabled), by name. */
export async function teamMembers(db: Db, schoolId: number) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.name'])
    .where('m.organisation_id', '=', schoolId)
    .where('m.role', '=', 'teamlid')
    .where('p.disabled_at', 'is', null)
    .orderBy(sql`p.name collate "und-x-icu"`)
    .orderBy('p.id')
    .execute();
}

/** The assignments of a school year: grade and person, with the person's name. */
export async function assignments(db: Db, schoolId: number, schoolYearId: number) {
  return db
    .selectFrom('schoolscan_group_assignment as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.grade', 'a.person_id', 'p.name'])
    .where('a.school_id', '=', schoolId)
    .where('a.school_year_id', '=', schoolYearId)
    .orderBy('a.grade')
    .orderBy(sql`p.name collate "und-x-icu"`)
    .execute();
}

export type AssignmentRow = Awaited<ReturnType<typeof assignments>>[number];

/** Replaces all assignments of a school year (call inside a transaction). */
export async function replaceAssignments(
  trx: Db,
  v: {
    schoolId: number;
    schoolYearId: number;
    pairs: { grade: number; personId: number }[];
    by: number | null;
  },
) {
  await trx
    .deleteFrom('schoolscan_group_assignment')
    .where('school_id', '=', v.schoolId)
    .where('school_year_id', '=', v.schoolYearId)
    .execute();
  if (v.pairs.length)
    await trx
      .insertInto('schoolscan_group_assignment')
      .values(
        v.pairs.map((p) => ({
          school_id: v.schoolId,
          school_year_id: v.schoolYearId,
          grade: p.grade,
          person_id: p.personId,
          assigned_by: v.by,
        })),
      )
      .execute();
}

/** The groups a person is assigned to in a school year. */
export async function gradesOf(db: Db, schoolId: number, schoolYearId: number, personId: number) {
  const rows = await db
    .selectFrom('schoolscan_group_assignment')
    .select('grade')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .where('person_id', '=', personId)
    .orderBy('grade')
    .execute();
  return rows.map((r) => r.grade);
}

/** The saved assessments of a scan (optionally of one step), with the name of who saved last. */
export async function assessmentsOf(db: Db, scanId: number, step?: AssessedStep) {
  let q = db
    .selectFrom('schoolscan_group_assessment as a')
    .leftJoin('person as p', 'p.id', 'a.updated_by')
    .select([
      'a.step',
      'a.grade',
      'a.scores',
      'a.notes',
      'a.group_note',
      'a.version',
      'a.updated_at',
      'p.name as updated_by_name',
    ])
    .where('a.scan_id', '=', scanId);
  if (step) q = q.where('a.step', '=', step);
  return q.orderBy('a.step').orderBy('a.grade').execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof assessmentsOf>>[number];

/**
 * Writes an assessment when nobody saved it since the writer loaded it (`expected` is the
 * version the writer saw, 0 for none). Returns the new version, or null on a clash.
 */
export async function writeAssessment(
  db: Db,
  v: {
    scanId: number;
    step: AssessedStep;
    grade: number;
    scores: Record<string, number>;
    notes: Record<string, string>;
    groupNote: string;
    expected: number;
    personId: number | null;
    now: Date;
  },
): Promise<number | null> {
  const values = {
    scores: JSON.stringify(v.scores),
    notes: JSON.stringify(v.notes),
    group_note: v.groupNote,
    updated_by: v.personId,
    updated_at: v.now,
  };
  if (v.expected === 0) {
    const r = await db
      .insertInto('schoolscan_group_assessment')
      .values({ scan_id: v.scanId, step: v.step, grade: v.grade, ...values })
      .onConflict((oc) => oc.columns(['scan_id', 'step', 'grade']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return r?.version ?? null;
  }
  const r = await db
    .updateTable('schoolscan_group_assessment')
    .set({ ...values, version: sql`version + 1` })
    .where('scan_id', '=', v.scanId)
    .where('step', '=', v.step)
    .where('grade', '=', v.grade)
    .where('version', '=', v.expected)
    .returning('version')
    .executeTakeFirst();
  return r?.version ?? null;
}

/** The monitoring results of a scan, by group, tool and measure. */
export async function monitorResults(db: Db, scanId: number) {
  const rows = await db
    .selectFrom('schoolscan_monitor_result as r')
    .leftJoin('person as p', 'p.id', 'r.updated_by')
    .select([
      'r.id',
      'r.grade',
      'r.instrument',
      'r.measure',
      'r.pupils',
      'r.value',
      'r.updated_at',
      'p.name as updated_by_name',
    ])
    .where('r.scan_id', '=', scanId)
    .orderBy('r.grade')
    .orderBy(sql`lower(r.instrument)`)
    .orderBy(sql`lower(r.measure)`)
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export type MonitorRow = Awaited<ReturnType<typeof monitorResults>>[number];

/** Stores results; one for the same group, tool and measure (any case) is replaced. */
export async function upsertMonitorResults(
  trx: Db,
  scanId: number,
  results: { grade: number; instrument: string; measure: string; pupils: number; value: number }[],
  personId: number | null,
  now: Date,
): Promise<number> {
  for (const r of results) {
    await trx
      .deleteFrom('schoolscan_monitor_result')
      .where('scan_id', '=', scanId)
      .where('grade', '=', r.grade)
      .where(
        sql<boolean>`lower(instrument) = lower(${r.instrument}) and lower(measure) = lower(${r.measure})`,
      )
      .execute();
    await trx
      .insertInto('schoolscan_monitor_result')
      .values({
        scan_id: scanId,
        grade: r.grade,
        instrument: r.instrument,
        measure: r.measure,
        pupils: r.pupils,
        value: r.value,
        updated_by: personId,
        updated_at: now,
      })
      .execute();
  }
  return results.length;
}

/** Removes one result of this scan; false when it is not there (or belongs to another scan). */
/** The group of a monitoring result of this scan, or undefined when the scan has no such result. */
export async function monitorResultGrade(db: Db, scanId: number, id: number): Promise<number | undefined> {
  const r = await db
    .selectFrom('schoolscan_monitor_result')
    .select('grade')
    .where('scan_id', '=', scanId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.grade;
}

export async function deleteMonitorResult(trx: Db, scanId: number, id: number): Promise<boolean> {
  const r = await trx
    .deleteFrom('schoolscan_monitor_result')
    .where('scan_id', '=', scanId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
