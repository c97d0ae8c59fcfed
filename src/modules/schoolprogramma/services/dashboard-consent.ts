// The consent part of the dashboard: an MR member sees a version awaiting the MR's decision
// (urgent); the school leader sees where the newest version stands.
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { latestOfSchool } from '../repository/versions.ts';
import { planBase } from '../views/base.ts';

export async function consentDashboard({ membership: m, db }: DashboardInput): Promise<DashboardAction[]> {
  if (m.role !== 'mr-lid' && m.role !== 'schoolleider') return [];
  const latest = await latestOfSchool(db, m.organisationId);
  if (!latest) return [];
  const href = `${planBase(m.organisationId)}/versies/${latest.number}`;
  if (m.role === 'mr-lid')
    return latest.decision
      ? []
      : [
          {
            label: `Versie ${latest.number} wacht op uw besluit`,
            href,
            description: `Het schoolprogramma is op ${formatDate(latest.submitted_at)} ingediend bij de MR. Lees het, reageer en leg het besluit vast.`,
            urgent: true,
          },
        ];
  const status =
    latest.decision === 'instemming'
      ? `De MR heeft ingestemd met versie ${latest.number}`
      : latest.decision === 'geen-instemming'
        ? `De MR heeft niet ingestemd met versie ${latest.number}`
        : `Versie ${latest.number} wacht op het besluit van de MR`;
  return [{ label: status, href, description: 'Alle versies en hun status staan bij het schoolprogramma.' }];
}
