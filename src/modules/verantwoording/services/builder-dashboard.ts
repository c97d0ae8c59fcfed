// The builder's part of the analist's dashboard: the way to the questionnaires, and how many
// concepts still wait to be published.
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { listQuestionnaires } from '../repository/questionnaires.ts';

export async function builderDashboard({ membership, db }: DashboardInput): Promise<DashboardAction[]> {
  if (membership.role !== 'analist') return [];
  const programme = await loadProgramme(db);
  const concepts = (await listQuestionnaires(db, programme.id)).filter((q) => q.status === 'concept');
  return [
    {
      label: 'Vragenlijsten voor schoolleiders en besturen',
      href: '/beheer/vragenlijsten',
      description: 'Maken, kopiëren, bekijken en publiceren.',
    },
    ...(concepts.length
      ? [
          {
            label:
              concepts.length === 1
                ? '1 vragenlijst is nog een concept'
                : `${concepts.length} vragenlijsten zijn nog een concept`,
            href: '/beheer/vragenlijsten',
            description: 'Schoolleiders en besturen zien een vragenlijst pas als u haar publiceert.',
          },
        ]
      : []),
  ];
}
