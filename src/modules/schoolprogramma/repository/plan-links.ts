// What the plan links to outside itself: the focus points of the school's scans (any school year)
// and the interventions the school chose for them in the keuzehulp. Kysely only.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { focusDomainLabel } from '../../schoolscan/services/focus-domains.ts';

type Db = Kysely<DB>;

export interface FocusPointRef {
  id: number;
  label: string;
  grades: number[];
  pupils: number;
  goal: string;
}

/** The focus points of every scan of this school, oldest scan first, in their order. */
export async function focusPointsOfSchool(db: Db, schoolId: number): Promise<FocusPointRef[]> {
  const rows = await db
    .selectFrom('schoolscan_focus_point as f')
    .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
    .innerJoin('school_year as y', 'y.id', 's.school_year_id')
    .select(['f.id', 'f.domain', 'f.grades', 'f.pupils', 'f.goal', 'y.label as year'])
    .where('s.school_id', '=', schoolId)
    .orderBy('y.starts_on')
    .orderBy('f.position')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: `${focusDomainLabel(r.domain)}${r.grades.length ? `, groep ${r.grades.join(' en ')}` : ''} (schoolscan ${r.year})`,
    grades: r.grades,
    pupils: r.pupils,
    goal: r.goal,
  }));
}

export interface KeuzehulpChoice {
  focusPointId: number;
  interventionId: number;
  code: string;
}

/** The keuzehulp's choices of this school whose intervention is not in the plan yet. */
export async function choicesNotInPlan(
  db: Db,
  schoolId: number,
  planId: number | null,
): Promise<KeuzehulpChoice[]> {
  let q = db
    .selectFrom('schoolscan_focus_choice as c')
    .innerJoin('schoolscan_focus_point as f', 'f.id', 'c.focus_point_id')
    .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
    .innerJoin('menukaart_intervention as i', 'i.id', 'c.intervention_id')
    .select(['c.focus_point_id', 'c.intervention_id', 'i.code'])
    .where('s.school_id', '=', schoolId);
  if (planId !== null)
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('school_plan_intervention as p')
            .select('p.id')
            .where('p.plan_id', '=', planId)
            .whereRef('p.intervention_id', '=', 'c.intervention_id'),
        ),
      ),
    );
  const rows = await q.orderBy('f.id').orderBy('i.code').execute();
  return rows.map((r) => ({
    focusPointId: r.focus_point_id,
    interventionId: r.intervention_id,
    code: r.code,
  }));
}
