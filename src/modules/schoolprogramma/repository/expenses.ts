// Expenses of a plan: the list (originals with their corrections beside them), one expense of a
// school, the sums per intervention, year and cost type, and writing new expenses and imports.
// Expenses are never updated (a trigger refuses it); a correction is a new row. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { CostType } from '../tables.ts';

type Db = Kysely<DB>;

export const expensesPerPage = 50;

function expenseColumns(db: Db) {
  return db
    .selectFrom('school_plan_expense as x')
    .innerJoin('school_plan_intervention as pi', 'pi.id', 'x.plan_intervention_id')
    .innerJoin('menukaart_intervention as mi', 'mi.id', 'pi.intervention_id')
    .innerJoin('school_year as y', 'y.id', 'x.school_year_id')
    .leftJoin('school_plan_expense_import as imp', 'imp.id', 'x.import_id')
    .select([
      'x.id',
      'x.plan_id',
      'x.plan_intervention_id',
      'mi.code as intervention_code',
      'x.cost_type',
      'x.school_year_id',
      'y.label as school_year',
      'x.spent_on',
      'x.amount_cents',
      'x.description',
      'x.corrects_id',
      'imp.file_name as import_file',
    ]);
}

export interface ExpenseFilter {
  schoolYearId?: number;
  planInterventionId?: number;
}

export interface ExpenseRow {
  id: number;
  planInterventionId: number;
  interventionCode: string;
  costType: CostType;
  schoolYear: string;
  spentOn: string;
  amountCents: number;
  description: string;
  correctsId: number | null;
  importFile: string | null;
}

const toRow = (r: {
  id: number;
  plan_intervention_id: number;
  intervention_code: string;
  cost_type: CostType;
  school_year: string;
  spent_on: string;
  amount_cents: string;
  description: string;
  corrects_id: number | null;
  import_file: string | null;
}): ExpenseRow => ({
  id: r.id,
  planInterventionId: r.plan_intervention_id,
  interventionCode: r.intervention_code,
  costType: r.cost_type,
  schoolYear: r.school_year,
  spentOn: r.spent_on,
  amountCents: Number(r.amount_cents),
  description: r.description,
  correctsId: r.corrects_id,
  importFile: r.import_file,
});

/**
 * One page of the plan's expenses (not corrections), newest first, each with its corrections;
 * the number of expenses and the sum (corrections included) under the filter.
 */
export async function listExpenses(db: Db, planId: number, filter: ExpenseFilter, page: number) {
  const base = expenseColumns(db)
    .where('x.plan_id', '=', planId)
    .$if(filter.schoolYearId !== undefined, (q) => q.where('x.school_year_id', '=', filter.schoolYearId!))
    .$if(filter.planInterventionId !== undefined, (q) =>
      q.where('x.plan_intervention_id', '=', filter.planInterventionId!),
    );
  const originals = (
    await base
      .where('x.corrects_id', 'is', null)
      .orderBy('x.spent_on', 'desc')
      .orderBy('x.id', 'desc')
      .limit(expensesPerPage)
      .offset((page - 1) * expensesPerPage)
      .execute()
  ).map(toRow);
  const corrections =
    originals.length === 0
      ? []
      : (
          await expenseColumns(db)
            .where(
              'x.corrects_id',
              'in',
              originals.map((o) => o.id),
            )
            .orderBy('x.id')
            .execute()
        ).map(toRow);
  const totals = await db
    .selectFrom('school_plan_expense as x')
    .select([
      sql<string>`count(*) filter (where x.corrects_id is null)`.as('count'),
      sql<string>`coalesce(sum(x.amount_cents), 0)`.as('cents'),
    ])
    .where('x.plan_id', '=', planId)
    .$if(filter.schoolYearId !== undefined, (q) => q.where('x.school_year_id', '=', filter.schoolYearId!))
    .$if(filter.planInterventionId !== undefined, (q) =>
      q.where('x.plan_intervention_id', '=', filter.planInterventionId!),
    )
    .executeTakeFirstOrThrow();
  return {
    expenses: originals.map((o) => ({ ...o, corrections: corrections.filter((c) => c.correctsId === o.id) })),
    count: Number(totals.count),
    totalCents: Number(totals.cents),
  };
}

export type ListedExpense = Awaited<ReturnType<typeof listExpenses>>['expenses'][number];

/** An expense of this school's plan (undefined when it is another school's). */
export async function findExpense(db: Db, schoolId: number, expenseId: number) {
  const r = await expenseColumns(db)
    .innerJoin('school_plan as p', 'p.id', 'x.plan_id')
    .where('x.id', '=', expenseId)
    .where('p.school_id', '=', schoolId)
    .executeTakeFirst();
  return r ? { ...toRow(r), planId: r.plan_id } : undefined;
}

/** What was spent per intervention, school year and cost type (corrections included). */
export async function spentOfPlan(db: Db, planId: number) {
  const rows = await db
    .selectFrom('school_plan_expense')
    .select([
      'plan_intervention_id',
      'school_year_id',
      'cost_type',
      sql<string>`sum(amount_cents)`.as('cents'),
    ])
    .where('plan_id', '=', planId)
    .groupBy(['plan_intervention_id', 'school_year_id', 'cost_type'])
    .execute();
  return rows.map((r) => ({
    planInterventionId: r.plan_intervention_id,
    schoolYearId: r.school_year_id,
    costType: r.cost_type,
    amountCents: Number(r.cents),
  }));
}

export interface NewExpense {
  planId: number;
  planInterventionId: number;
  costType: CostType;
  schoolYearId: number;
  spentOn: string;
  amountCents: number;
  description: string;
  correctsId?: number | null;
  importId?: number | null;
}

export async function insertExpenses(db: Db, rows: NewExpense[], personId: number | null, now: Date) {
  if (rows.length === 0) return [];
  const ids = await db
    .insertInto('school_plan_expense')
    .values(
      rows.map((r) => ({
        plan_id: r.planId,
        plan_intervention_id: r.planInterventionId,
        cost_type: r.costType,
        school_year_id: r.schoolYearId,
        spent_on: r.spentOn,
        amount_cents: r.amountCents,
        description: r.description,
        corrects_id: r.correctsId ?? null,
        import_id: r.importId ?? null,
        created_at: now,
        created_by: personId,
      })),
    )
    .returning('id')
    .execute();
  return ids.map((r) => r.id);
}

export async function insertImport(
  db: Db,
  v: {
    planId: number;
    fileName: string;
    rows: number;
    totalCents: number;
    personId: number | null;
    now: Date;
  },
) {
  const r = await db
    .insertInto('school_plan_expense_import')
    .values({
      plan_id: v.planId,
      file_name: v.fileName,
      rows: v.rows,
      total_cents: v.totalCents,
      created_at: v.now,
      created_by: v.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The plan's imports, newest first. */
export async function importsOfPlan(db: Db, planId: number) {
  const rows = await db
    .selectFrom('school_plan_expense_import')
    .select(['id', 'file_name', 'rows', 'total_cents', 'created_at'])
    .where('plan_id', '=', planId)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ ...r, totalCents: Number(r.total_cents), createdAt: new Date(r.created_at) }));
}
