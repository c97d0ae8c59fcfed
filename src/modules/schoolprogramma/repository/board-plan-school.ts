// What a school sees of the board's reservations: only those taken from its own money.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/** The reservations of the school's money (standing and withdrawn), newest school year first. */
export async function reservationsOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('board_reservation as r')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .leftJoin('menukaart_category as c', (j) =>
      j.onRef('c.version_id', '=', 'r.menu_version_id').onRef('c.code', '=', 'r.category_code'),
    )
    .leftJoin('menukaart_entry as e', (j) =>
      j.onRef('e.version_id', '=', 'r.menu_version_id').onRef('e.intervention_id', '=', 'r.intervention_id'),
    )
    .leftJoin('menukaart_intervention as i', 'i.id', 'r.intervention_id')
    .leftJoin('board_plan_intervention as b', 'b.id', 'r.board_plan_intervention_id')
    .select([
      'r.id',
      'r.amount_cents',
      'y.label as school_year',
      'r.purpose',
      'r.category_code',
      'c.name as category_name',
      'i.code as intervention_code',
      'e.name_nl as intervention_name',
      'r.mr_consent_on',
      'r.withdrawn_at',
      'b.title as plan_intervention_title',
      'b.plan_id',
    ])
    .where('r.school_id', '=', schoolId)
    .orderBy('y.starts_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export type SchoolReservationRow = Awaited<ReturnType<typeof reservationsOfSchool>>[number];
