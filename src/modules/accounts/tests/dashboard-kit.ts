// Test data for the dashboard's figures, written straight into the tables (the accounts module may
// not import the modules that import it, so it has no use of their test kits): an amount in
// 2021-2022, reservations, a plan with a budget, an expense and a version, published
// questionnaires with a submission, and a board with many schools.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { ensureExampleAmount } from '../../funding/repository/reservations.ts';

type Db = Kysely<DB>;

/** Gives a school an amount in 2021-2022 (the run is made when the year has none); the year's id. */
export async function setAmount(db: Db, schoolId: number, boardId: number, cents: number) {
  await ensureExampleAmount(db, schoolId, boardId);
  const year = await db
    .selectFrom('funding_year as f')
    .innerJoin('school_year as y', 'y.id', 'f.school_year_id')
    .select(['y.id', 'f.current_run_id'])
    .where('y.label', '=', '2021-2022')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('allocation')
    .set({ total_cents: cents, base_cents: cents })
    .where('run_id', '=', year.current_run_id!)
    .where('school_id', '=', schoolId)
    .execute();
  return year.id;
}

export async function reserve(db: Db, boardId: number, schoolId: number, yearId: number, cents: number) {
  const r = await db
    .insertInto('board_reservation')
    .values({
      board_id: boardId,
      school_id: schoolId,
      school_year_id: yearId,
      amount_cents: cents,
      purpose: 'Bovenschoolse leesinterventie',
      mr_consent_on: '2021-09-01',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * A plan with one intervention from the menu, € 20.000,00 budgeted in each of the first two
 * school years, € 2.500,00 spent, and version 1 submitted to the MR on 4 October 2021.
 */
export async function seedPlanWithVersion(db: Db, schoolId: number) {
  const programme = await loadProgramme(db);
  const years = await listSchoolYears(db, programme.id);
  const now = new Date('2021-10-01T09:00:00Z');
  const stamp = { created_at: now, updated_at: now };
  const entry = await db
    .selectFrom('menukaart_entry')
    .select(['intervention_id', 'version_id'])
    .where('withdrawn', '=', false)
    .orderBy('version_id')
    .orderBy('intervention_id')
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('school_plan')
    .values({ school_id: schoolId, programme_id: programme.id, ...stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pi = await db
    .insertInto('school_plan_intervention')
    .values({
      plan_id: plan.id,
      intervention_id: entry.intervention_id,
      menu_version_id: entry.version_id,
      pupils: 48,
      starts_on: '2021-10-01',
      ends_on: '2023-07-14',
      responsible: 'Intern begeleider',
      position: 1,
      ...stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const year of years.slice(0, 2))
    await db
      .insertInto('school_plan_budget')
      .values({
        plan_intervention_id: pi.id,
        school_year_id: year.id,
        cost_type: 'eigen-personeel',
        planned_cents: 2_000_000,
      })
      .execute();
  await db
    .insertInto('school_plan_expense')
    .values({
      plan_id: plan.id,
      plan_intervention_id: pi.id,
      cost_type: 'eigen-personeel',
      school_year_id: years[0]!.id,
      spent_on: '2021-11-15',
      amount_cents: 250_000,
      description: 'Leesspecialist, november',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('school_plan_version')
    .values({ plan_id: plan.id, number: 1, snapshot: '{}', submitted_at: new Date('2021-10-04T09:00:00Z') })
    .execute();
  return plan.id;
}

/** A published questionnaire for the audience, open from 2021 until 31 December 2099. */
export async function openQuestionnaire(db: Db, audience: 'school' | 'bestuur') {
  const programme = await loadProgramme(db);
  const [year] = await listSchoolYears(db, programme.id);
  const r = await db
    .insertInto('questionnaire')
    .values({
      programme_id: programme.id,
      school_year_id: year!.id,
      audience,
      slug: `dashboard-${audience}`,
      title: audience === 'school' ? 'Vragenlijst voor schoolleiders' : 'Vragenlijst voor besturen',
      opens_on: '2021-08-23',
      closes_on: '2099-12-31',
      status: 'gepubliceerd',
      definition: JSON.stringify({ sections: [] }),
      created_at: new Date(),
      updated_at: new Date(),
      published_at: new Date('2021-08-16T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The organisation's submission number 1 of the questionnaire, now. */
export async function submit(db: Db, questionnaireId: number, orgId: number) {
  const r = await db
    .insertInto('questionnaire_response')
    .values({
      questionnaire_id: questionnaireId,
      organisation_id: orgId,
      answers: JSON.stringify({}),
      submitted_number: 1,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('questionnaire_submission')
    .values({
      response_id: r.id,
      questionnaire_id: questionnaireId,
      organisation_id: orgId,
      number: 1,
      answers: JSON.stringify({}),
      definition_revision: 1,
      submitted_at: new Date(),
    })
    .execute();
}

/** A new board with `n` schools, each with an amount in 2021-2022; the board's id. */
export async function boardWithSchools(db: Db, n: number, tag: string) {
  const board = await db
    .insertInto('organisation')
    .values({ kind: 'bestuur', code: `DB-${tag}`, name: `Dashboardbestuur ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < n; i++) {
    const s = await db
      .insertInto('organisation')
      .values({
        kind: 'school',
        code: `DS${i}-${tag}`,
        name: `Dashboardschool ${i}`,
        parent_id: board.id,
        sector: 'BO',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setAmount(db, s.id, board.id, 1_000_000 + i);
  }
  return board.id;
}
