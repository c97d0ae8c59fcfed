// Key figures and next actions of the funding module on the dashboard.
import type { DashboardProvider } from '../../platform/dashboard.ts';
import { fundingFigures } from './services/dashboard-figures.ts';

export const fundingDashboard: DashboardProvider = {
  name: 'funding',
  figures: fundingFigures,
  actions({ membership: m }) {
    switch (m.role) {
      case 'bestuur':
        return [
          {
            label: 'Bekostiging van uw scholen',
            href: `/besturen/${m.organisationId}/bekostiging`,
            description: 'Bedragen per school en reserveringen voor bovenschoolse inzet.',
          },
        ];
      case 'analist':
        return [{ label: 'Bedragen per leerling beheren', href: '/beheer/bekostiging' }];
      case 'beheerder':
        return [{ label: 'Open data van DUO en CBS importeren', href: '/beheer/imports' }];
      default:
        return [];
    }
  },
};
