// The accounts module's own next actions on the dashboard: managing people and organisations.
import type { DashboardProvider } from '../../platform/dashboard.ts';

export const accountsDashboard: DashboardProvider = {
  name: 'accounts',
  actions({ membership: m }) {
    switch (m.role) {
      case 'schoolleider':
        return [
          {
            label: 'Team en MR beheren',
            href: `/scholen/${m.organisationId}/team`,
            description: 'Nodig teamleden en MR-leden uit of beëindig hun toegang.',
          },
        ];
      case 'bestuur':
        return [
          { label: 'Scholen van het bestuur', href: `/besturen/${m.organisationId}/scholen` },
          {
            label: 'Schoolleiders en GMR beheren',
            href: `/besturen/${m.organisationId}/mensen`,
            description: 'Nodig schoolleiders en GMR-leden uit.',
          },
          { label: 'Auditlog van het bestuur', href: `/besturen/${m.organisationId}/audit` },
        ];
      case 'beheerder':
        return [
          { label: 'Gebruikers beheren', href: '/beheer/gebruikers' },
          { label: 'Organisaties beheren', href: '/beheer/organisaties' },
          { label: 'Auditlog doorzoeken', href: '/beheer/audit' },
        ];
      default:
        return [];
    }
  },
};
