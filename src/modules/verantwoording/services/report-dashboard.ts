// The annual report part of the dashboard: a board member sees the way to the annual reports,
// with the years that have ended and are not confirmed yet.
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { listReports } from '../repository/report.ts';
import { reportYears } from './report.ts';

export async function reportDashboard({
  membership: m,
  db,
  now,
}: DashboardInput): Promise<DashboardAction[]> {
  if (m.role !== 'bestuur') return [];
  const programme = await loadProgramme(db);
  const confirmed = new Set(
    (await listReports(db, m.organisationId, programme.id))
      .filter((r) => r.status === 'bevestigd')
      .map((r) => r.calendar_year),
  );
  const open = (await reportYears(db, programme.id)).filter(
    (y) => now.getTime() >= new Date(`${y + 1}-01-01T00:00:00+01:00`).getTime() && !confirmed.has(y),
  );
  return [
    {
      label: 'Jaarverslag: verantwoording van het programma',
      href: `/besturen/${m.organisationId}/jaarverslag`,
      description: open.length
        ? `Nog niet bevestigd: ${open.join(', ')}.`
        : 'Alle verslagen over voorbije jaren zijn bevestigd.',
      urgent: open.length > 0,
    },
  ];
}
