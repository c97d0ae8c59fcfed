// The invitation mail. Every name in it (invitee, inviter, organisation) is plain text that no
// mail client turns into a link; the only link is the invitation's own.
import type { Role } from '../../../platform/db/tables.ts';
import { composeMail } from '../../../platform/mail/mailer.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { plainName } from './names.ts';
import { roleLabels } from './roles.ts';
import { invitationValidityMs } from './invitations.ts';

export function invitationMail(
  baseUrl: string,
  v: {
    to: string;
    name: string;
    inviterName: string;
    role: Role;
    organisationName: string;
    token: string;
    now: Date;
  },
) {
  const role = roleLabels[v.role];
  const org = plainName(v.organisationName);
  return composeMail(v.to, `Uitnodiging voor NP Onderwijs: ${role} bij ${org}`, [
    `Beste ${plainName(v.name)},`,
    `${plainName(v.inviterName)} nodigt u uit voor het platform van het Nationaal Programma Onderwijs, als ${role.toLowerCase()} bij ${org}.`,
    'Neem de uitnodiging aan via deze link. U kiest daar zelf een wachtwoord:',
    `${baseUrl}/uitnodiging?token=${v.token}`,
    `De link werkt tot ${formatDateTime(new Date(v.now.getTime() + invitationValidityMs))} en één keer. Kent u de afzender niet? Dan kunt u deze e-mail negeren.`,
  ]);
}
