// The board-level plan on the dashboard: a GMR member sees a version waiting for the GMR's
// decision (urgent); the board sees the plan's status with the GMR.
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { findBoardPlan } from '../repository/board-plan.ts';
import { latestVersion } from '../repository/board-plan-versions.ts';
import { boardPlanBase } from '../views/board-plan-parts.tsx';
import { planStatus, statusText } from './board-plan-rules.ts';

export async function boardPlanDashboard({ membership: m, db }: DashboardInput): Promise<DashboardAction[]> {
  if (m.organisationKind !== 'bestuur' || (m.role !== 'gmr-lid' && m.role !== 'bestuur')) return [];
  const programme = await loadProgramme(db);
  const plan = await findBoardPlan(db, m.organisationId, programme.id);
  if (!plan) return [];
  const newest = await latestVersion(db, plan.id);
  const base = boardPlanBase(m.organisationId);
  if (m.role === 'gmr-lid') {
    if (!newest || newest.decision) return [];
    return [
      {
        label: `Bovenschools plan versie ${newest.number} wacht op uw besluit`,
        href: `${base}/versies/${newest.number}`,
        description: `${m.organisationName}: lees de versie, reageer en leg het besluit van de GMR vast.`,
        urgent: true,
      },
    ];
  }
  const status = statusText(planStatus(newest ? [newest] : []));
  return [
    {
      // Only the first letter: "GMR" stays in capitals.
      label: `Bovenschools plan: ${status.charAt(0).toLowerCase()}${status.slice(1)}`,
      href: base,
    },
  ];
}
