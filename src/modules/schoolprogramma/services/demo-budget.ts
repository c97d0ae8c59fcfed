// Demo data for the budget and spending: on the demo school's plan (made by the plan's demo
// part), budget lines per intervention and school year that use most of the school's money,
// expenses in the years that have passed, and one correction. Does nothing when the plan has no
// interventions yet, or when it already has a budget or expenses.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DemoOrganisations } from '../../../platform/demo-step.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { findPlan } from '../repository/plans.ts';
import { moneyPerYear } from '../repository/money.ts';
import { insertExpenses, type NewExpense } from '../repository/expenses.ts';
import type { CostType } from '../tables.ts';

/** How the demo divides an intervention's money over the cost types (percentages). */
const split: Array<[CostType, number]> = [
  ['eigen-personeel', 55],
  ['extern-personeel', 25],
  ['materialen-ict', 10],
  ['professionalisering', 10],
];

export async function budgetDemo(db: Kysely<DB>, orgs: DemoOrganisations): Promise<string[]> {
  const programme = await loadProgramme(db);
  const schoolId = orgs.schools.bo;
  const plan = await findPlan(db, schoolId, programme.id);
  if (!plan) return [];
  const interventions = await db
    .selectFrom('school_plan_intervention')
    .select('id')
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  if (interventions.length === 0) return [];
  const hasBudget = await db
    .selectFrom('school_plan_budget')
    .select('plan_intervention_id')
    .where(
      'plan_intervention_id',
      'in',
      interventions.map((i) => i.id),
    )
    .limit(1)
    .executeTakeFirst();
  const hasExpense = await db
    .selectFrom('school_plan_expense')
    .select('id')
    .where('plan_id', '=', plan.id)
    .limit(1)
    .executeTakeFirst();
  if (hasBudget || hasExpense) return [];

  const years = await moneyPerYear(db, schoolId, programme.id);
  const available = years.reduce((s, y) => s + (y.allocationCents ?? 0) - y.reservedCents, 0);
  // Plan about 95 % of the money, evenly over interventions and years, in whole hundreds of euros.
  const perCell =
    available > 0
      ? Math.floor((available * 0.95) / (interventions.length * years.length) / 10_000) * 10_000
      : 2_000_000;
  const lines = interventions.flatMap((i) =>
    years.flatMap((y, yi) =>
      split.map(([costType, pct]) => {
        const planned = Math.round((perCell * pct) / 100);
        return {
          plan_intervention_id: i.id,
          school_year_id: y.schoolYearId,
          cost_type: costType,
          planned_cents: planned,
          // The first year's contracts are signed; later years are only planned.
          committed_cents: yi === 0 ? planned : 0,
        };
      }),
    ),
  );
  const expenses: NewExpense[] = interventions.flatMap((i, ii) =>
    years.slice(0, 3).flatMap((y, yi) =>
      split.slice(0, 2).map(([costType, pct]) => ({
        planId: plan.id,
        planInterventionId: i.id,
        costType,
        schoolYearId: y.schoolYearId,
        spentOn: `${2022 + yi}-03-${String(10 + ii).padStart(2, '0')}`,
        amountCents: Math.round((perCell * pct * 0.9) / 100),
        description:
          costType === 'eigen-personeel'
            ? `Inzet leerkrachten, ${y.label}`
            : `Factuur extern begeleider, ${y.label}`,
      })),
    ),
  );
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('school_plan_budget').values(lines).execute();
    const ids = await insertExpenses(trx, expenses, null, new Date('2024-06-01T10:00:00Z'));
    const first = expenses[1]!;
    await insertExpenses(
      trx,
      [
        {
          ...first,
          spentOn: first.spentOn.replace(/-03-/, '-04-'),
          amountCents: -25_000,
          description: 'Creditnota: twee uur te veel gefactureerd',
          correctsId: ids[1]!,
        },
      ],
      null,
      new Date('2024-06-01T10:00:00Z'),
    );
  });
  return [
    `Schoolprogramma: begroting en ${expenses.length + 1} uitgaven (waarvan 1 correctie) voor de demoschool.`,
  ];
}
