// The rule "a submitted version never changes; a correction is a new expense" holds in the
// database itself: the triggers of migration 0500 refuse updates of versions, MR decisions and
// expenses, on both engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures } from '../../../../test/support/app.ts';
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { ensurePlan } from '../repository/plans.ts';
import { seedPlan } from './kit.ts';

eachEngine('schoolprogramma history', (database) => {
  const seed = async () => {
    const db = database().db;
    const fx = await createFixtures(database());
    const programme = await loadProgramme(db);
    const plan = await ensurePlan(db, fx.schoolId, programme.id, null, new Date());
    const year = (await listSchoolYears(db, programme.id))[0]!;
    const menu = await db
      .selectFrom('menukaart_entry')
      .select(['intervention_id', 'version_id'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const pi = await db
      .insertInto('school_plan_intervention')
      .values({
        plan_id: plan.id,
        intervention_id: menu.intervention_id,
        menu_version_id: menu.version_id,
        pupils: 20,
        starts_on: '2021-10-01',
        ends_on: '2022-07-15',
        responsible: 'Intern begeleider',
        position: 1,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await db
      .insertInto('school_plan_version')
      .values({
        plan_id: plan.id,
        number: 1,
        snapshot: JSON.stringify({ doelen: [] }),
        submitted_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const expense = await db
      .insertInto('school_plan_expense')
      .values({
        plan_id: plan.id,
        plan_intervention_id: pi.id,
        cost_type: 'materialen-ict',
        school_year_id: year.id,
        spent_on: '2021-11-02',
        amount_cents: 12_345,
        description: 'Leesboeken',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { db, plan, version, expense };
  };

  test('a submitted version cannot be updated', async () => {
    const { db, version } = await seed();
    await assert.rejects(
      db.updateTable('school_plan_version').set({ note: 'stiekem' }).where('id', '=', version.id).execute(),
      /ingediende versie wordt nooit gewijzigd/,
    );
  });

  test('an MR decision cannot be updated', async () => {
    const { db, version } = await seed();
    await db
      .insertInto('school_plan_decision')
      .values({
        version_id: version.id,
        decision: 'instemming',
        meeting_on: '2021-10-05',
        recorded_at: new Date(),
      })
      .execute();
    await assert.rejects(
      db
        .updateTable('school_plan_decision')
        .set({ decision: 'geen-instemming' })
        .where('version_id', '=', version.id)
        .execute(),
      /besluit van de MR wordt nooit gewijzigd/,
    );
  });

  test('an expense cannot be updated; a correction is a new row that names it', async () => {
    const { db, plan, expense } = await seed();
    await assert.rejects(
      db.updateTable('school_plan_expense').set({ amount_cents: 1 }).where('id', '=', expense.id).execute(),
      /uitgave wordt nooit gewijzigd/,
    );
    const original = await db
      .selectFrom('school_plan_expense')
      .selectAll()
      .where('id', '=', expense.id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('school_plan_expense')
      .values({
        ...original,
        id: undefined,
        amount_cents: -12_345,
        corrects_id: expense.id,
        description: 'Correctie',
      } as never)
      .execute();
    const total = await db
      .selectFrom('school_plan_expense')
      .select(sql<string>`sum(amount_cents)`.as('total'))
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(total.total), 0);
  });

  test('MR refusal without reasons is refused by the database', async () => {
    const { db, version } = await seed();
    await assert.rejects(
      db
        .insertInto('school_plan_decision')
        .values({
          version_id: version.id,
          decision: 'geen-instemming',
          meeting_on: '2021-10-05',
          recorded_at: new Date(),
        })
        .execute(),
      /school_plan_decision_reasons_check/,
    );
  });
});

eachEngine('schoolprogramma test kit', (database) => {
  test('seedPlan makes a plan with two goals, two interventions, budget lines and an expense', async () => {
    const db = database().db;
    const fx = await createFixtures(database());
    const seeded = await seedPlan(db, fx.schoolId);
    assert.equal(seeded.goalIds.length, 2);
    assert.equal(seeded.planInterventionIds.length, 2);
    const lines = await db
      .selectFrom('school_plan_budget')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('plan_intervention_id', 'in', seeded.planInterventionIds)
      .executeTakeFirstOrThrow();
    assert.equal(Number(lines.n), 8);
  });
});
