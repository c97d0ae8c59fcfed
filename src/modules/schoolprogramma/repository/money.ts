// The school's money per school year of the programme: its allocation in the funding module's
// current run of each year, minus the standing reservations its board made of it. The same rule
// as the keuzehulp's schoolMoney (schoolscan/repository/keuzehulp.ts), for all years in three
// queries instead of three per year.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { allocationsFor } from '../../funding/repository/allocations.ts';
import type { YearInput } from '../services/budget-overview.ts';

type Db = Kysely<DB>;

/** The programme's school years with the school's allocation and reservations (cents). */
export async function moneyPerYear(
  db: Db,
  schoolId: number,
  programmeId: number,
): Promise<Array<YearInput & { startsOn: string }>> {
  const years = await db
    .selectFrom('school_year as y')
    .leftJoin('funding_year as f', 'f.school_year_id', 'y.id')
    .select(['y.id', 'y.label', 'y.starts_on', 'y.ends_on', 'f.status', 'f.current_run_id'])
    .where('y.programme_id', '=', programmeId)
    .orderBy('y.starts_on')
    .execute();
  const runIds = years.flatMap((y) => (y.current_run_id ? [y.current_run_id] : []));
  const allocations = await allocationsFor(db, runIds, [schoolId]);
  const reserved = await db
    .selectFrom('board_reservation')
    .select(['school_year_id', sql<string>`sum(amount_cents)`.as('cents')])
    .where('school_id', '=', schoolId)
    .where('withdrawn_at', 'is', null)
    .groupBy('school_year_id')
    .execute();
  const reservedBy = new Map(reserved.map((r) => [r.school_year_id, Number(r.cents)]));
  return years.map((y) => {
    const alloc = allocations.find((a) => a.runId === y.current_run_id);
    return {
      schoolYearId: y.id,
      label: y.label,
      startsOn: y.starts_on,
      endsOn: y.ends_on,
      // A year without a new allocation (the later years of the programme) has € 0, not "unknown".
      allocationCents:
        y.status === 'geen-toekenning' ? 0 : alloc?.totalCents == null ? null : Number(alloc.totalCents),
      reservedCents: reservedBy.get(y.id) ?? 0,
    };
  });
}
