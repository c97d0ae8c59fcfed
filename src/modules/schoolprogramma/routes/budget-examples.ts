// How the authorization matrix, the cross-tenant suite and the browser suite reach the budget
// and spending routes: a plan with interventions in the tenant's school (seeded once), its
// budget revision, and an expense of it.
import type { Kysely } from 'kysely';
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { seedPlan } from '../tests/kit.ts';

/** The first intervention of the school's plan, seeding a plan when the school has none. */
export async function examplePlanIntervention(db: Kysely<DB>, schoolId: number) {
  const find = () =>
    db
      .selectFrom('school_plan_intervention as pi')
      .innerJoin('school_plan as p', 'p.id', 'pi.plan_id')
      .select(['pi.id', 'pi.budget_revision', 'p.id as plan_id'])
      .where('p.school_id', '=', schoolId)
      .orderBy('pi.id')
      .executeTakeFirst();
  const found = await find();
  if (found) return found;
  await seedPlan(db, schoolId);
  return (await find())!;
}

/** An expense of the school's plan, recorded now when the plan (made by another part's examples) has none. */
async function exampleExpense(db: Kysely<DB>, schoolId: number) {
  const pi = await examplePlanIntervention(db, schoolId);
  const find = () =>
    db
      .selectFrom('school_plan_expense')
      .select('id')
      .where('plan_id', '=', pi.plan_id)
      .where('corrects_id', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  const year = await db
    .selectFrom('school_year')
    .select('id')
    .where('starts_on', '<=', '2021-11-15')
    .where('ends_on', '>=', '2021-11-15')
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('school_plan_expense')
    .values({
      plan_id: pi.plan_id,
      plan_intervention_id: pi.id,
      cost_type: 'extern-personeel',
      school_year_id: year.id,
      spent_on: '2021-11-15',
      amount_cents: 250_000,
      description: 'Inhuur leesspecialist, november',
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const planSchoolExample: RouteExamples = {
  params: async ({ schoolId, db }) => {
    await examplePlanIntervention(db, schoolId);
    return { schoolId };
  },
};

export const interventionBudgetExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    schoolId,
    planInterventionId: (await examplePlanIntervention(db, schoolId)).id,
  }),
  bodyFor: async ({ schoolId, db }) => {
    const pi = await examplePlanIntervention(db, schoolId);
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .orderBy('starts_on')
      .executeTakeFirstOrThrow();
    return {
      revisie: String(pi.budget_revision),
      [`gepland-${year.id}-eigen-personeel`]: '12.500,00',
      [`gepland-${year.id}-extern-personeel`]: '4.000',
      [`vastgelegd-${year.id}-extern-personeel`]: '2.000,50',
    };
  },
};

export const newExpenseExample: RouteExamples = {
  ...planSchoolExample,
  bodyFor: async ({ schoolId, db }) => ({
    datum: '15-03-2022',
    bedrag: '1.250,00',
    omschrijving: 'Leesboeken voor groep 4',
    interventie: String((await examplePlanIntervention(db, schoolId)).id),
    kostensoort: 'materialen-ict',
  }),
};

export const correctionExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ schoolId, expenseId: await exampleExpense(db, schoolId) }),
  bodyFor: async ({ schoolId, db }) => ({
    datum: '20-11-2021',
    bedrag: '-250,00',
    omschrijving: 'Creditnota: een uur te veel gefactureerd',
    interventie: String((await examplePlanIntervention(db, schoolId)).id),
    kostensoort: 'extern-personeel',
  }),
};

/** A small bookkeeping export whose interventions are named by their menu code. */
export const importExample: RouteExamples = {
  ...planSchoolExample,
  bodyFor: async ({ schoolId, db }) => {
    const pi = await examplePlanIntervention(db, schoolId);
    // A code that names exactly one intervention of the plan: other parts' examples may have
    // added the same intervention several times, so add one the plan does not have yet.
    const inPlan = db
      .selectFrom('school_plan_intervention')
      .select('intervention_id')
      .where('plan_id', '=', pi.plan_id);
    const entry = await db
      .selectFrom('school_plan_intervention as own')
      .innerJoin('menukaart_entry as e', 'e.version_id', 'own.menu_version_id')
      .innerJoin('menukaart_intervention as mi', 'mi.id', 'e.intervention_id')
      .select(['mi.id', 'mi.code', 'own.menu_version_id'])
      .where('own.id', '=', pi.id)
      .where('e.withdrawn', '=', false)
      .where('e.intervention_id', 'not in', inPlan)
      .orderBy('mi.id')
      .executeTakeFirstOrThrow();
    const now = new Date();
    await db
      .insertInto('school_plan_intervention')
      .values({
        plan_id: pi.plan_id,
        intervention_id: entry.id,
        menu_version_id: entry.menu_version_id,
        pupils: 20,
        starts_on: '2021-10-01',
        ends_on: '2023-07-14',
        responsible: 'Intern begeleider',
        position: 99,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return {
      regels: `datum;bedrag;omschrijving;interventie;kostensoort\n01-12-2021;1.500,00;Inhuur december;${entry.code};extern personeel\n`,
    };
  },
};
