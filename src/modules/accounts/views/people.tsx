import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
// People pages of a school, a board or the platform: members, open invitations, the invite form.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import type { Crumb } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Paragraph,
  SelectField,
  Table,
  TextField,
  type FormState,
  FailedSubmitMessage,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { roleLabels } from '../services/roles.ts';
import type { InvitationRow } from '../repository/invitations.ts';
import type { MembershipRow } from '../repository/memberships.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { errorTitle, Form, Page } from './page-parts.tsx';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';

export function MembersTable({
  caption,
  rows,
  removeAction,
  showOrganisation,
}: {
  /** Kept for the callers: removing is a link to a confirmation page, no form here. */
  ctx?: ViewContext;
  caption: string;
  rows: MembershipRow[];
  removeAction?: (m: MembershipRow) => string | null;
  showOrganisation?: boolean;
}) {
  if (rows.length === 0) return <Paragraph>Er zijn nog geen mensen met toegang.</Paragraph>;
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(m) => m.id}
      columns={[
        { header: 'Naam', cell: (m) => m.personName },
        { header: 'E-mailadres', cell: (m) => m.personEmail },
        ...(showOrganisation
          ? [{ header: 'Organisatie', cell: (m: MembershipRow) => m.organisationName }]
          : []),
        { header: 'Rol', cell: (m) => roleLabels[m.role] },
        {
          header: 'Actie',
          cell: (m) => {
            const action = removeAction?.(m);
            if (!action) return '';
            // A link to the confirmation page (GET); that page posts to the same address.
            return (
              <ConfirmLink href={action}>
                Toegang beëindigen
                <span class="npo-visually-hidden">
                  : {m.personName}, {roleLabels[m.role]}
                </span>
              </ConfirmLink>
            );
          },
        },
      ]}
    />
  );
}

/** Open invitations; with `actionBase`, each row can be sent again or withdrawn. */
export function InvitationsTable({
  ctx,
  rows,
  actionBase,
}: {
  ctx: ViewContext;
  rows: InvitationRow[];
  actionBase?: string;
}) {
  if (rows.length === 0) return <Paragraph>Er staan geen uitnodigingen open.</Paragraph>;
  const context = (i: InvitationRow) => (
    <span class="npo-visually-hidden">
      : {i.name}, {roleLabels[i.role]}
    </span>
  );
  const resend = (i: InvitationRow) => (
    <form novalidate method="post" action={`${actionBase}/${i.id}/opnieuw`} class="npo-inline-form">
      <CsrfField token={ctx.csrfToken()} />
      <Button variant="subtle">
        Opnieuw versturen
        {context(i)}
      </Button>
    </form>
  );
  // Withdrawing asks first: a link to the confirmation page, which posts to the same address.
  const withdraw = (i: InvitationRow) => (
    <ConfirmLink href={`${actionBase}/${i.id}/intrekken`}>
      Intrekken
      {context(i)}
    </ConfirmLink>
  );
  return (
    <Table
      caption="Openstaande uitnodigingen"
      rows={rows}
      rowKey={(i) => i.id}
      columns={[
        { header: 'Naam', cell: (i) => i.name },
        { header: 'E-mailadres', cell: (i) => i.email },
        { header: 'Organisatie', cell: (i) => i.organisationName },
        { header: 'Rol', cell: (i) => roleLabels[i.role] },
        { header: 'Geldig tot', cell: (i) => formatDateTime(i.expiresAt) },
        ...(actionBase
          ? [
              {
                header: 'Actie',
                cell: (i: InvitationRow) => (
                  <>
                    {resend(i)} {withdraw(i)}
                  </>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function InviteForm({
  ctx,
  action,
  form,
  roles,
  organisations,
  organisationLabel,
  extra,
}: {
  ctx: ViewContext;
  action: string;
  form: FormState;
  roles: Role[];
  organisations?: { value: string; label: string }[];
  organisationLabel?: string;
  extra?: ComponentChildren;
}) {
  return (
    <>
      <ErrorSummary form={form} title={errorTitle} />
      <Form ctx={ctx} action={action}>
        <TextField name="naam" label="Naam" autocomplete="off" form={form} required maxLength={200} />
        <TextField
          name="email"
          label="E-mailadres"
          type="email"
          autocomplete="off"
          form={form}
          required
          maxLength={320}
        />
        <SelectField
          name="rol"
          label="Rol"
          form={form}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          required
        />
        {organisations && (
          <SelectField
            name="organisatie"
            label={organisationLabel ?? 'Organisatie'}
            form={form}
            options={organisations}
            required
          />
        )}
        {extra}
        <IdempotencyField value={form.values._sleutel} />
        <Button>Uitnodiging versturen</Button>
      </Form>
    </>
  );
}

export function PeoplePage({
  ctx,
  title,
  crumbs,
  intro,
  notice,
  error,
  members,
  invitations,
  invitationActions,
  invite,
}: {
  ctx: ViewContext;
  title: string;
  crumbs?: Crumb[];
  intro: string;
  notice?: string;
  error?: string;
  members: ComponentChildren;
  invitations: InvitationRow[];
  /** Where the resend and withdraw forms post (…/:invitationId/opnieuw or /intrekken). */
  invitationActions?: string;
  invite: ComponentChildren;
}) {
  return (
    <Page ctx={ctx} title={title} crumbs={crumbs}>
      <Heading level={1}>{title}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      <Paragraph>{intro}</Paragraph>
      <section class="npo-stack" aria-labelledby="mensen-kop">
        <Heading level={2} id="mensen-kop">
          Mensen met toegang
        </Heading>
        {members}
      </section>
      <section class="npo-stack" aria-labelledby="uitnodigingen-kop">
        <Heading level={2} id="uitnodigingen-kop">
          Uitnodigingen
        </Heading>
        <InvitationsTable ctx={ctx} rows={invitations} actionBase={invitationActions} />
      </section>
      <section class="npo-stack" aria-labelledby="uitnodigen-kop">
        <Heading level={2} id="uitnodigen-kop">
          Iemand uitnodigen
        </Heading>
        <Paragraph>De uitgenodigde krijgt een e-mail met een link. De link werkt zeven dagen.</Paragraph>
        {invite}
      </section>
    </Page>
  );
}
