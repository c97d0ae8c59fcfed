// A generated board for the benchmark (`npm run bench -- programme`): `schools` schools, each with
// a plan of realistic size — 3 to 6 interventions from the menu in force, budget lines in all
// four programme years, 20 to 60 expenses, evaluations, submitted versions with and without the
// MR's decision, scans — and an allocation per school and year in a current funding run.
// Deterministic for a seed. Written straight into the tables, in bulk per school.
import { buildSnapshot } from './snapshot.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';
import { costTypes } from '../tables.ts';

/** A small deterministic random generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

export interface GeneratedBoard {
  boardId: number;
  schoolIds: number[];
  /** The first school's plan interventions. */
  planInterventionIds: number[];
  counts: { interventions: number; budgetLines: number; expenses: number; evaluations: number };
}

export async function generateBoard(
  db: Kysely<DB>,
  opts: { schools: number; seed?: number; tag?: string },
): Promise<GeneratedBoard> {
  const rnd = random(opts.seed ?? 2021);
  const tag = opts.tag ?? String(process.pid);
  const programme = await loadProgramme(db);
  const years = (await listSchoolYears(db, programme.id)).slice(0, 4);
  const now = new Date('2022-03-01T09:00:00Z');
  const menu = await menuVersionInForce(db, now);
  const entries = await db
    .selectFrom('menukaart_entry')
    .select('intervention_id')
    .where('version_id', '=', menu.id)
    .where('withdrawn', '=', false)
    .orderBy('intervention_id')
    .execute();
  const board = await db
    .insertInto('organisation')
    .values({ kind: 'bestuur', code: `GENB${tag}`, name: `Stichting Gegenereerd ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const schools = await db
    .insertInto('organisation')
    .values(
      Array.from({ length: opts.schools }, (_, i) => ({
        kind: 'school' as const,
        code: `G${tag}S${i + 1}`,
        name: `Basisschool ${String(i + 1).padStart(2, '0')} (${tag})`,
        parent_id: board.id,
        sector: 'BO',
      })),
    )
    .returning('id')
    .execute();
  const schoolIds = schools.map((s) => s.id);
  // One current funding run per year with an allocation for every school.
  for (const y of years) {
    const run = await db
      .insertInto('allocation_run')
      .values({
        school_year_id: y.id,
        reason: 'Benchmark',
        school_count: schoolIds.length,
        total_cents: 0,
        rates: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('allocation')
      .values(
        schoolIds.map((id) => ({
          run_id: run.id,
          school_id: id,
          board_id: board.id,
          school_type: 'BAS',
          status: 'volledig' as const,
          pupils: 250,
          base_cents: 17_500_000,
          supplement_cents: rnd.int(0, 4_000_000),
          total_cents: 17_500_000 + rnd.int(0, 4_000_000),
          lines: '[]',
        })),
      )
      .execute();
    await db
      .updateTable('funding_year')
      .set({ current_run_id: run.id })
      .where('school_year_id', '=', y.id)
      .execute();
  }
  const counts = { interventions: 0, budgetLines: 0, expenses: 0, evaluations: 0 };
  let firstInterventions: number[] = [];
  const stamp = { created_at: now, updated_at: now };
  for (const schoolId of schoolIds) {
    const scanRoll = rnd.next();
    if (scanRoll > 0.15)
      await db
        .insertInto('schoolscan')
        .values(
          years.map((y) => ({
            school_id: schoolId,
            school_year_id: y.id,
            status: scanRoll > 0.5 ? ('afgerond' as const) : ('concept' as const),
            created_at: now,
            completed_at: scanRoll > 0.5 ? now : null,
          })),
        )
        .execute();
    const plan = await db
      .insertInto('school_plan')
      .values({ school_id: schoolId, programme_id: programme.id, intro: 'Gegenereerd plan.', ...stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    const n = rnd.int(3, 6);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(entries[rnd.int(0, entries.length - 1)]!.intervention_id);
    const pis = await db
      .insertInto('school_plan_intervention')
      .values(
        [...chosen].map((interventionId, i) => ({
          plan_id: plan.id,
          intervention_id: interventionId,
          menu_version_id: menu.id,
          grades: [rnd.int(1, 8)],
          pupils: rnd.int(10, 80),
          starts_on: '2021-10-01',
          ends_on: '2025-07-15',
          responsible: 'Intern begeleider',
          approach: 'In kleine groepjes, drie keer per week.',
          evaluation_plan: 'Elk jaar in juni.',
          position: i + 1,
          ...stamp,
        })),
      )
      .returning('id')
      .execute();
    const piIds = pis.map((p) => p.id);
    if (firstInterventions.length === 0) firstInterventions = piIds;
    counts.interventions += piIds.length;
    const budget = piIds.flatMap((pi) =>
      years.flatMap((y) =>
        costTypes
          .filter(() => rnd.next() < 0.5)
          .map((cost_type) => ({
            plan_intervention_id: pi,
            school_year_id: y.id,
            cost_type,
            planned_cents: rnd.int(2_000, 30_000) * 100,
            committed_cents: rnd.int(0, 10_000) * 100,
          })),
      ),
    );
    if (budget.length) await db.insertInto('school_plan_budget').values(budget).execute();
    counts.budgetLines += budget.length;
    const expenses = Array.from({ length: rnd.int(20, 60) }, (_, i) => {
      const y = years[rnd.int(0, years.length - 1)]!;
      return {
        plan_id: plan.id,
        plan_intervention_id: piIds[rnd.int(0, piIds.length - 1)]!,
        cost_type: costTypes[rnd.int(0, costTypes.length - 1)]!,
        school_year_id: y.id,
        spent_on: y.starts_on,
        amount_cents: rnd.int(50, 5_000) * 100,
        description: `Uitgave ${i + 1}`,
        created_at: now,
      };
    });
    await db.insertInto('school_plan_expense').values(expenses).execute();
    counts.expenses += expenses.length;
    const evaluations = piIds.flatMap((pi) =>
      Array.from({ length: rnd.int(0, 2) }, (_, k) => ({
        plan_intervention_id: pi,
        evaluated_on: `${2022 + k}-06-20`,
        results: 'De groep groeit zoals gepland.',
        evidence_links: '[]',
        decision: (['doorgaan', 'bijstellen', 'stoppen'] as const)[rnd.int(0, 2)],
        decision_reason: 'Gegenereerd besluit.',
        ...stamp,
      })),
    );
    if (evaluations.length) await db.insertInto('school_plan_evaluation').values(evaluations).execute();
    counts.evaluations += evaluations.length;
    const versions = rnd.int(0, 3);
    // Versions hold the real frozen content, as submitting would (pages parse it).
    const snapshot = versions ? JSON.stringify(await buildSnapshot(db, plan.id, now)) : '';
    for (let v = 1; v <= versions; v++) {
      const version = await db
        .insertInto('school_plan_version')
        .values({ plan_id: plan.id, number: v, snapshot, submitted_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (v < versions || rnd.next() < 0.5)
        await db
          .insertInto('school_plan_decision')
          .values({
            version_id: version.id,
            decision: v < versions || rnd.next() < 0.7 ? 'instemming' : 'geen-instemming',
            reasons: 'Gegenereerd.',
            meeting_on: '2022-02-01',
            recorded_at: now,
          })
          .execute();
    }
  }
  return { boardId: board.id, schoolIds, planInterventionIds: firstInterventions, counts };
}
