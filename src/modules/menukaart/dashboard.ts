// Dashboard actions of the menukaart: school leaders share examples on the kennisplein; the
// redactie sees examples waiting for a decision and the draft of the next menu version.
import type { DashboardProvider } from '../../platform/dashboard.ts';
import { itemsOfSchool, itemsWithStatus } from './repository/kennisplein.ts';
import { draftVersion } from './repository/versions.ts';

export const menukaartDashboard: DashboardProvider = {
  name: 'menukaart',
  async actions({ membership, db }) {
    if (membership.role === 'schoolleider') {
      const changes = (await itemsOfSchool(db, membership.organisationId)).filter(
        (i) => i.status === 'wijzigingen_gevraagd',
      ).length;
      return [
        {
          label: changes
            ? `Kennisplein: de redactie vraagt om wijzigingen in ${changes === 1 ? 'een voorbeeld' : `${changes} voorbeelden`}`
            : 'Een voorbeeld delen op het kennisplein',
          href: `/scholen/${membership.organisationId}/kennisplein`,
          urgent: changes > 0,
        },
      ];
    }
    if (membership.role === 'redactie') {
      const pending = (await itemsWithStatus(db, ['ingediend'])).length;
      return [
        {
          label: 'Menukaart bewerken',
          href: '/redactie/menukaart',
          description: (await draftVersion(db)) ? 'Er is een concept voor de volgende versie.' : undefined,
        },
        {
          label: `Kennisplein: ${pending} ${pending === 1 ? 'voorbeeld wacht' : 'voorbeelden wachten'} op een besluit`,
          href: '/redactie/kennisplein',
          urgent: pending > 0,
        },
      ];
    }
    return [];
  },
};
