// The funding figures of the dashboard, one query per membership: a school's amount per school
// year with what its board reserved of it; a board's total over its schools per school year with
// what it reserved; the national counts an analist starts from. The same rows as the funding
// pages read (each year's current run, standing reservations), summed in the database.
import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface SchoolYearMoney {
  label: string;
  status: 'voorlopig' | 'definitief' | 'geen-toekenning';
  /** Null when the year has no current run or the school's total is unknown. */
  totalCents: number | null;
  reservedCents: number;
}

/** The school's code and, per school year of the programme, its amount and what is reserved. */
export async function schoolMoney(db: Db, schoolId: number, programmeId: number) {
  const r = await sql<{
    code: string | null;
    label: string;
    status: SchoolYearMoney['status'];
    total_cents: string | null;
    reserved_cents: string;
  }>`
    select o.code, y.label, f.status, a.total_cents,
      (select coalesce(sum(r.amount_cents), 0) from board_reservation r
        where r.school_id = o.id and r.school_year_id = y.id and r.withdrawn_at is null) as reserved_cents
    from organisation o
    join school_year y on y.programme_id = ${programmeId}
    join funding_year f on f.school_year_id = y.id
    left join allocation a on a.run_id = f.current_run_id and a.school_id = o.id
    where o.id = ${schoolId} and o.kind = 'school'
    order by y.starts_on`.execute(db);
  return {
    code: r.rows[0]?.code ?? null,
    years: r.rows.map((x): SchoolYearMoney => ({
      label: x.label,
      status: x.status,
      totalCents: x.total_cents === null ? null : Number(x.total_cents),
      reservedCents: Number(x.reserved_cents),
    })),
  };
}

export interface BoardYearMoney {
  label: string;
  status: 'voorlopig' | 'definitief' | 'geen-toekenning';
  hasRun: boolean;
  /** Schools of the board with an allocation in the current run, and how many of them are known. */
  schools: number;
  known: number;
  totalCents: number;
  reservedCents: number;
}

/**
 * Per school year of the programme: the sum over the board's schools (organisation.parent_id, as
 * the board's funding page lists them) of their amount in the current run, and the board's
 * standing reservations.
 */
export async function boardMoney(db: Db, boardId: number, programmeId: number): Promise<BoardYearMoney[]> {
  const r = await sql<{
    label: string;
    status: BoardYearMoney['status'];
    current_run_id: number | null;
    schools: number;
    known: number;
    total_cents: string;
    reserved_cents: string;
  }>`
    select y.label, f.status, f.current_run_id, s.schools, s.known, s.total_cents,
      (select coalesce(sum(r.amount_cents), 0) from board_reservation r
        where r.board_id = ${boardId} and r.school_year_id = y.id and r.withdrawn_at is null) as reserved_cents
    from school_year y
    join funding_year f on f.school_year_id = y.id
    cross join lateral (
      select count(*)::int as schools, count(a.total_cents)::int as known,
             coalesce(sum(a.total_cents), 0) as total_cents
      from allocation a join organisation o on o.id = a.school_id
      where a.run_id = f.current_run_id and o.parent_id = ${boardId} and o.kind = 'school'
    ) s
    where y.programme_id = ${programmeId}
    order by y.starts_on`.execute(db);
  return r.rows.map((x) => ({
    label: x.label,
    status: x.status,
    hasRun: x.current_run_id !== null,
    schools: x.schools,
    known: x.known,
    totalCents: Number(x.total_cents),
    reservedCents: Number(x.reserved_cents),
  }));
}

/** For the analist: the open schools in the country and the rate changes waiting for a second analist. */
export async function nationalCounts(db: Db): Promise<{ schools: number; proposals: number }> {
  const r = await sql<{ schools: number; proposals: number }>`
    select (select count(*)::int from organisation where kind = 'school' and closed_on is null) as schools,
           (select count(*)::int from funding_rate_proposal where decision is null) as proposals`.execute(db);
  return r.rows[0] ?? { schools: 0, proposals: 0 };
}
