// The names of the roles as people read them (mails, the dashboard, the CLI).
import type { Role } from '../../../platform/db/tables.ts';

export const roleLabels: Record<Role, string> = {
  schoolleider: 'Schoolleider',
  teamlid: 'Teamlid',
  'mr-lid': 'MR-lid',
  bestuur: 'Bestuur',
  'gmr-lid': 'GMR-lid',
  helpdesk: 'Helpdesk',
  redactie: 'Redactie',
  analist: 'Analist',
  beheerder: 'Beheerder',
};
