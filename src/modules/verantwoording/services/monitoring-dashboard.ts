// The monitoring part of the dashboard: an analist sees the way to the national dashboard, with
// the number of published questionnaires and how many submissions came in (national counts,
// never about one school).
import { sql } from 'kysely';
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';

export async function monitoringDashboard({ membership: m, db }: DashboardInput): Promise<DashboardAction[]> {
  if (m.role !== 'analist') return [];
  const r = await sql<{ rounds: number; submissions: number }>`
    select (select count(*)::int from questionnaire where status = 'gepubliceerd') as rounds,
           (select count(*)::int from questionnaire_response where submitted_number > 0) as submissions`.execute(
    db,
  );
  const { rounds, submissions } = r.rows[0] ?? { rounds: 0, submissions: 0 };
  return [
    {
      label: 'Landelijke monitoring',
      href: '/monitoring',
      description: `${rounds} ${rounds === 1 ? 'gepubliceerde vragenlijst' : 'gepubliceerde vragenlijsten'}, ${submissions.toLocaleString('nl-NL')} ingediende antwoorden.`,
    },
  ];
}
