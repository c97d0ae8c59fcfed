// The board part of the dashboard: a board member sees the way to the overview of its schools'
// programmes, with how many wait for the MR's consent and where more is planned than available.
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { loadBoardOverview } from './board-data.ts';

export async function boardDashboard({ membership: m, db, now }: DashboardInput): Promise<DashboardAction[]> {
  if (m.role !== 'bestuur') return [];
  const programme = await loadProgramme(db);
  const { overview } = await loadBoardOverview(db, m.organisationId, programme.id, now);
  const parts = [
    overview.waitingForConsent === 1
      ? '1 school wacht op instemming van de MR'
      : `${overview.waitingForConsent} scholen wachten op instemming van de MR`,
    overview.overPlanned === 1
      ? 'bij 1 school is meer gepland dan beschikbaar'
      : `bij ${overview.overPlanned} scholen is meer gepland dan beschikbaar`,
  ];
  return [
    {
      label: "Schoolprogramma's van uw scholen",
      href: `/besturen/${m.organisationId}/schoolprogrammas`,
      description: `${parts.join('; ')}.`,
      urgent: overview.waitingForConsent > 0 || overview.overPlanned > 0,
    },
  ];
}
