// The school programme's dashboard figures in one query: per school year of the programme, what the
// school's plan budgets and what it spent (the sums the budget overview makes of the same lines),
// with the plan and its newest version and the MR's decision on it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MrDecision } from '../tables.ts';

export interface PlanFigureRow {
  plan_id: number | null;
  number: number | null;
  submitted_at: Date | string | null;
  decision: MrDecision | null;
  label: string;
  ends_on: string;
  planned: string;
  spent: string;
}

export async function planFigureRows(db: Kysely<DB>, schoolId: number, programmeId: number) {
  const r = await sql<PlanFigureRow>`
    select p.id as plan_id, v.number, v.submitted_at, d.decision, y.label, y.ends_on::text as ends_on,
      (select coalesce(sum(b.planned_cents), 0) from school_plan_budget b
         join school_plan_intervention pi on pi.id = b.plan_intervention_id
        where pi.plan_id = p.id and b.school_year_id = y.id) as planned,
      (select coalesce(sum(e.amount_cents), 0) from school_plan_expense e
        where e.plan_id = p.id and e.school_year_id = y.id) as spent
    from school_year y
    left join school_plan p on p.school_id = ${schoolId} and p.programme_id = y.programme_id
    left join lateral (select id, number, submitted_at from school_plan_version
                       where plan_id = p.id order by number desc limit 1) v on true
    left join school_plan_decision d on d.version_id = v.id
    where y.programme_id = ${programmeId}
    order by y.starts_on`.execute(db);
  return r.rows;
}
