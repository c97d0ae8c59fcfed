// The plan's part of the dashboard: the school leader drafts the plan (or sees how far it is);
// team members and MR members get a link to read it once it is started.
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { findPlan } from '../repository/plans.ts';
import { planBase } from '../views/base.ts';

const count = (n: string | null, one: string, many: string) =>
  Number(n ?? 0) === 1 ? `1 ${one}` : `${Number(n ?? 0)} ${many}`;

export async function planDashboard({ membership: m, db }: DashboardInput): Promise<DashboardAction[]> {
  if (m.organisationKind !== 'school' || !['schoolleider', 'teamlid', 'mr-lid'].includes(m.role)) return [];
  const programme = await loadProgramme(db);
  const plan = await findPlan(db, m.organisationId, programme.id);
  const href = planBase(m.organisationId);
  if (m.role === 'schoolleider') {
    if (!plan)
      return [
        {
          label: 'Schoolprogramma opstellen',
          href,
          description: 'Leg vast welke doelen en interventies de school kiest op basis van de schoolscan.',
        },
      ];
    const counts = await db
      .selectFrom('school_plan as p')
      .select((eb) => [
        eb
          .selectFrom('school_plan_goal')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('plan_id', '=', 'p.id')
          .as('goals'),
        eb
          .selectFrom('school_plan_intervention')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('plan_id', '=', 'p.id')
          .as('interventions'),
      ])
      .where('p.id', '=', plan.id)
      .executeTakeFirstOrThrow();
    return [
      {
        label: 'Schoolprogramma bijwerken',
        href,
        description: `${count(counts.goals, 'doel', 'doelen')} en ${count(counts.interventions, 'interventie', 'interventies')}.`,
      },
    ];
  }
  return plan ? [{ label: 'Schoolprogramma lezen', href }] : [];
}
