// The keuzehulp's queries: a scan's focus points and the interventions chosen for them, and the
// school's money for a school year (its allocation in the funding module's current run, minus
// what its board reserved of it). Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { findFundingYear } from '../../funding/repository/years.ts';
import { allocationsFor } from '../../funding/repository/allocations.ts';

type Db = Kysely<DB>;

/** The focus points of a scan, in their order. */
export async function focusPointsOfScan(db: Db, scanId: number) {
  return db
    .selectFrom('schoolscan_focus_point')
    .select(['id', 'scan_id', 'domain', 'grades', 'pupils', 'severity', 'evidence', 'goal', 'position'])
    .where('scan_id', '=', scanId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export type FocusPointRow = Awaited<ReturnType<typeof focusPointsOfScan>>[number];

/** A focus point of the school's scan of this school year (undefined when it is another's). */
export async function findFocusPoint(db: Db, schoolId: number, schoolYearId: number, focusPointId: number) {
  return db
    .selectFrom('schoolscan_focus_point as f')
    .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
    .select([
      'f.id',
      'f.scan_id',
      'f.domain',
      'f.grades',
      'f.pupils',
      'f.severity',
      'f.evidence',
      'f.goal',
      'f.position',
      's.status',
    ])
    .where('f.id', '=', focusPointId)
    .where('s.school_id', '=', schoolId)
    .where('s.school_year_id', '=', schoolYearId)
    .executeTakeFirst();
}

/** Locks the scan row of a focus point of this school and year for the transaction; its status. */
export async function lockScanOfFocusPoint(
  db: Db,
  schoolId: number,
  schoolYearId: number,
  focusPointId: number,
) {
  return db
    .selectFrom('schoolscan as s')
    .innerJoin('schoolscan_focus_point as f', 'f.scan_id', 's.id')
    .select(['s.id', 's.status'])
    .where('f.id', '=', focusPointId)
    .where('s.school_id', '=', schoolId)
    .where('s.school_year_id', '=', schoolYearId)
    .forUpdate('s')
    .executeTakeFirst();
}

/** The interventions chosen for the focus points of a scan, with who chose them. */
export async function choicesOfScan(db: Db, scanId: number) {
  const rows = await db
    .selectFrom('schoolscan_focus_choice as c')
    .innerJoin('schoolscan_focus_point as f', 'f.id', 'c.focus_point_id')
    .innerJoin('menukaart_intervention as i', 'i.id', 'c.intervention_id')
    .leftJoin('person as p', 'p.id', 'c.chosen_by')
    .select([
      'c.focus_point_id',
      'c.intervention_id',
      'i.code',
      'c.estimated_cents',
      'c.chosen_at',
      'p.name as chosen_by_name',
    ])
    .where('f.scan_id', '=', scanId)
    .orderBy('c.chosen_at')
    .orderBy('i.code')
    .execute();
  return rows.map((r) => ({
    focusPointId: r.focus_point_id,
    interventionId: r.intervention_id,
    code: r.code,
    estimatedCents: r.estimated_cents === null ? null : Number(r.estimated_cents),
    // chosen_at is a Generated<Timestamp>: the driver gives a Date.
    chosenAt: new Date(r.chosen_at as unknown as Date | string),
    chosenByName: r.chosen_by_name,
  }));
}

export type ChoiceRow = Awaited<ReturnType<typeof choicesOfScan>>[number];

/** Records a choice; false when it was already chosen. */
export async function insertChoice(
  db: Db,
  v: { focusPointId: number; interventionId: number; estimatedCents: number | null; personId: number | null },
): Promise<boolean> {
  const r = await db
    .insertInto('schoolscan_focus_choice')
    .values({
      focus_point_id: v.focusPointId,
      intervention_id: v.interventionId,
      estimated_cents: v.estimatedCents,
      chosen_by: v.personId,
    })
    .onConflict((oc) => oc.columns(['focus_point_id', 'intervention_id']).doNothing())
    .returning('focus_point_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Removes a choice; false when there was none. */
export async function deleteChoice(db: Db, focusPointId: number, interventionId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('schoolscan_focus_choice')
    .where('focus_point_id', '=', focusPointId)
    .where('intervention_id', '=', interventionId)
    .returning('focus_point_id')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * The school's money for a school year: its allocation in the current run of the funding year
 * (null when there is no run, no row, or its total is unknown) and the sum of the standing
 * reservations its board made of it.
 */
export async function schoolMoney(db: Db, schoolId: number, schoolYearId: number) {
  const year = await findFundingYear(db, schoolYearId);
  const [alloc] = year?.currentRunId ? await allocationsFor(db, [year.currentRunId], [schoolId]) : [];
  const reserved = await db
    .selectFrom('board_reservation')
    .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('cents'))
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    allocationCents: alloc?.totalCents ?? null,
    allocationStatus: alloc?.status ?? null,
    yearStatus: year?.status ?? null,
    reservedCents: Number(reserved.cents),
  };
}
