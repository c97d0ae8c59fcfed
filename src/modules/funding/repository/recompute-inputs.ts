// What a recompute reads (counts, scores, schools) and how it writes the allocations of a run.
import { sql } from 'kysely';
import type { AllocationLine } from '../tables.ts';
import type { Db } from './db.ts';

/** The newest teldatum at or before `teldatum` (within two years) that has counts, per category. */
export async function countDates(db: Db, teldatum: string) {
  const r = await sql<{ category: string; teldatum: string }>`
    select category, max(teldatum)::text as teldatum from pupil_count
    where teldatum <= ${teldatum}::date and teldatum > (${teldatum}::date - interval '2 years')
    group by category`.execute(db);
  return new Map(r.rows.map((x) => [x.category, x.teldatum]));
}

export async function scoreDates(db: Db, teldatum: string) {
  const r = await sql<{ indicator: string; peildatum: string }>`
    select indicator, max(peildatum)::text as peildatum from achterstandsscore
    where peildatum <= ${teldatum}::date and peildatum > (${teldatum}::date - interval '2 years')
    group by indicator`.execute(db);
  return new Map(r.rows.map((x) => [x.indicator, x.peildatum]));
}

export async function countsAt(db: Db, pairs: [string, string][]) {
  if (pairs.length === 0) return [];
  return (
    await sql<{
      organisation_id: number;
      category: 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34';
      teldatum: string;
      pupils: number | null;
      below_five: boolean;
    }>`
    select c.organisation_id, c.category, c.teldatum::text as teldatum, c.pupils, c.below_five
    from pupil_count c join unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::date[]) as w(category, teldatum)
      on c.category = w.category and c.teldatum = w.teldatum`.execute(db)
  ).rows;
}

export async function scoresAt(db: Db, indicator: 'po' | 'vo', peildatum: string) {
  return db
    .selectFrom('achterstandsscore')
    .select(['organisation_id', 'score_hundredths'])
    .where('indicator', '=', indicator)
    .where('peildatum', '=', peildatum)
    .where('organisation_id', 'is not', null)
    .execute();
}

export async function schoolsForFunding(db: Db, teldatum: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'parent_id', 'sector'])
    .where('kind', '=', 'school')
    .where('sector', 'is not', null)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', teldatum)]))
    .execute();
}

export interface AllocationInsert {
  schoolId: number;
  boardId: number | null;
  schoolType: string;
  status: string;
  pupils: number | null;
  baseCents: number | null;
  supplementCents: number;
  totalCents: number | null;
  lines: AllocationLine[];
}

export async function insertAllocations(db: Db, runId: number, rows: AllocationInsert[]) {
  const chunk = 5000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await sql`insert into allocation (run_id, school_id, board_id, school_type, status, pupils, base_cents, supplement_cents, total_cents, lines)
      select ${runId}::int, u.school, u.board, u.type, u.status, u.pupils, u.base, u.supp, u.total, u.lines::jsonb
      from unnest(${part.map((r) => r.schoolId)}::int[], ${part.map((r) => r.boardId)}::int[], ${part.map((r) => r.schoolType)}::text[],
                  ${part.map((r) => r.status)}::text[], ${part.map((r) => r.pupils)}::int[], ${part.map((r) => r.baseCents)}::bigint[],
                  ${part.map((r) => r.supplementCents)}::bigint[], ${part.map((r) => r.totalCents)}::bigint[],
                  ${part.map((r) => JSON.stringify(r.lines))}::text[])
        as u(school, board, type, status, pupils, base, supp, total, lines)`.execute(db);
  }
}
