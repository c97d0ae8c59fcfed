// Confirmation pages of the people pages (issue 11, item 5): ending someone's access, withdrawing
// an invitation, blocking an account and ending one's own role each ask first, without JavaScript.
import type { ViewContext } from '../../../ui/context.ts';
import type { Crumb } from '../../../ui/layout.tsx';
import { Paragraph } from '../../../ui/components.tsx';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { roleLabels } from '../services/roles.ts';
import type { MembershipRow } from '../repository/memberships.ts';
import type { InvitationRow } from '../repository/invitations.ts';

/** The roles whose open invitations end with the role (services/memberships.ts). */
const invitingRoles = new Set(['schoolleider', 'bestuur', 'beheerder']);

interface Back {
  href: string;
  label: string;
}

export function RemoveMembershipConfirm({
  ctx,
  m,
  action,
  back,
  crumbs,
}: {
  ctx: ViewContext;
  m: MembershipRow;
  action: string;
  back: Back;
  crumbs: Crumb[];
}) {
  const role = roleLabels[m.role];
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Toegang van ${m.personName} beëindigen?`}
      breadcrumbs={[...crumbs, { label: 'Toegang beëindigen' }]}
      action={action}
      confirmLabel="Ja, toegang beëindigen"
      back={{ href: back.href, label: `Nee, terug naar ${back.label}` }}
    >
      <Paragraph>
        {m.personName} ({m.personEmail}) heeft nu de rol {role} bij {m.organisationName}.
      </Paragraph>
      <Paragraph>
        Als u de toegang beëindigt, kan {m.personName} als {role} niet meer bij de gegevens van{' '}
        {m.organisationName}.
        {invitingRoles.has(m.role) &&
          ` Uitnodigingen die ${m.personName} heeft verstuurd en die nog openstaan, worden ingetrokken.`}{' '}
        Is het een vergissing? Stuur dan een nieuwe uitnodiging.
      </Paragraph>
    </ConfirmPage>
  );
}

export function WithdrawInvitationConfirm({
  ctx,
  invitation: i,
  action,
  back,
  crumbs,
}: {
  ctx: ViewContext;
  invitation: InvitationRow;
  action: string;
  back: Back;
  crumbs: Crumb[];
}) {
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Uitnodiging voor ${i.name} intrekken?`}
      breadcrumbs={[...crumbs, { label: 'Uitnodiging intrekken' }]}
      action={action}
      confirmLabel="Ja, uitnodiging intrekken"
      back={{ href: back.href, label: `Nee, terug naar ${back.label}` }}
    >
      <Paragraph>
        {i.name} ({i.email}) is uitgenodigd als {roleLabels[i.role]} bij {i.organisationName}. De uitnodiging
        is geldig tot {formatDateTime(i.expiresAt)}.
      </Paragraph>
      <Paragraph>
        Als u de uitnodiging intrekt, werkt de link in de e-mail niet meer. U kunt later een nieuwe
        uitnodiging sturen.
      </Paragraph>
    </ConfirmPage>
  );
}

export function BlockAccountConfirm({
  ctx,
  person,
}: {
  ctx: ViewContext;
  person: { id: number; name: string; email: string };
}) {
  const back = `/beheer/gebruikers/${person.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Account van ${person.name} blokkeren?`}
      breadcrumbs={[
        { href: '/beheer/gebruikers', label: 'Gebruikers' },
        { href: back, label: person.name },
        { label: 'Account blokkeren' },
      ]}
      action={`/beheer/gebruikers/${person.id}/status`}
      fields={{ actie: 'blokkeren' }}
      confirmLabel="Ja, account blokkeren"
      back={{ href: back, label: `Nee, terug naar ${person.name}` }}
    >
      <Paragraph>
        {person.name} ({person.email}) wordt direct uitgelogd op elk apparaat en kan niet meer inloggen. De
        rollen blijven bewaard.
      </Paragraph>
      <Paragraph>U kunt het account later op dezelfde pagina weer deblokkeren.</Paragraph>
    </ConfirmPage>
  );
}

export function LeaveRoleConfirm({ ctx, m }: { ctx: ViewContext; m: MembershipRow }) {
  const role = roleLabels[m.role];
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Uw rol als ${role} bij ${m.organisationName} beëindigen?`}
      breadcrumbs={[{ href: '/account', label: 'Mijn account' }, { label: 'Rol beëindigen' }]}
      action="/account/verlaten"
      fields={{ lidmaatschap: String(m.id) }}
      confirmLabel="Ja, mijn rol beëindigen"
      back={{ href: '/account', label: 'Nee, terug naar mijn account' }}
    >
      <Paragraph>
        Daarna kunt u als {role} niet meer bij de gegevens van {m.organisationName}.
        {invitingRoles.has(m.role) &&
          ' Uitnodigingen die u heeft verstuurd en die nog openstaan, worden ingetrokken.'}
      </Paragraph>
      <Paragraph>
        Wilt u de rol later terug? Dan moet iemand van {m.organisationName} u opnieuw uitnodigen.
      </Paragraph>
    </ConfirmPage>
  );
}
