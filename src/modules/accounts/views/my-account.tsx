// My account: name, password, two-factor link, roles (leave one) and logging out everywhere.
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import {
  Alert,
  Button,
  DataSummary,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Table,
  TextField,
  type FormState,
  FailedSubmitMessage,
} from '../../../ui/components.tsx';
import { roleLabels } from '../services/roles.ts';
import type { MembershipRow } from '../repository/memberships.ts';
import { errorTitle, Form, NewPasswordFields, Page } from './page-parts.tsx';

export function AccountPage({
  ctx,
  person,
  memberships,
  sessions,
  recoveryLeft,
  nameForm,
  passwordForm,
  notice,
  leaveError,
}: {
  ctx: ViewContext;
  person: { name: string; email: string; totpEnabled: boolean };
  memberships: MembershipRow[];
  sessions: number;
  recoveryLeft: number;
  nameForm: FormState;
  passwordForm: FormState;
  notice?: string;
  leaveError?: string;
}) {
  return (
    <Page ctx={ctx} title="Mijn account">
      <Heading level={1}>Mijn account</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {leaveError && <FailedSubmitMessage>{leaveError}</FailedSubmitMessage>}
      <DataSummary
        items={[
          { key: 'Naam', value: person.name },
          { key: 'E-mailadres', value: person.email },
          {
            key: 'Tweestapsverificatie',
            value: person.totpEnabled ? `Aan (nog ${recoveryLeft} herstelcodes)` : 'Uit',
          },
          { key: 'Actieve sessies', value: String(sessions) },
        ]}
      />

      <section class="npo-stack" aria-labelledby="naam-kop">
        <Heading level={2} id="naam-kop">
          Naam
        </Heading>
        <ErrorSummary form={nameForm} title={errorTitle} />
        <Form ctx={ctx} action="/account/naam">
          <TextField name="naam" label="Naam" autocomplete="name" form={nameForm} required maxLength={200} />
          <Button variant="secondary">Naam opslaan</Button>
        </Form>
      </section>

      <section class="npo-stack" aria-labelledby="wachtwoord-kop">
        <Heading level={2} id="wachtwoord-kop">
          Wachtwoord wijzigen
        </Heading>
        <ErrorSummary form={passwordForm} title={errorTitle} />
        <Form ctx={ctx} action="/account/wachtwoord">
          <TextField
            name="huidig"
            label="Huidig wachtwoord"
            type="password"
            autocomplete="current-password"
            form={passwordForm}
            required
          />
          <NewPasswordFields
            form={passwordForm}
            label="Nieuw wachtwoord"
            againLabel="Nieuw wachtwoord nog een keer"
          />
          <Button variant="secondary">Wachtwoord wijzigen</Button>
        </Form>
      </section>

      <section class="npo-stack" aria-labelledby="tweestaps-kop">
        <Heading level={2} id="tweestaps-kop">
          Tweestapsverificatie
        </Heading>
        <Paragraph>
          {person.totpEnabled
            ? 'Bij het inloggen vragen we naast uw wachtwoord een code uit uw authenticator-app.'
            : 'Beveilig uw account met een code uit een authenticator-app. Voor besturen, helpdesk, redactie, analisten en beheerders is dit verplicht.'}
        </Paragraph>
        <Paragraph>
          <Link href="/account/tweestapsverificatie">
            {person.totpEnabled ? 'Tweestapsverificatie en herstelcodes' : 'Tweestapsverificatie instellen'}
          </Link>
        </Paragraph>
      </section>

      <section class="npo-stack" aria-labelledby="rollen-kop">
        <Heading level={2} id="rollen-kop">
          Mijn rollen
        </Heading>
        {memberships.length === 0 ? (
          <Paragraph>U heeft (nog) geen rol bij een school, bestuur of het ministerie.</Paragraph>
        ) : (
          <Table
            caption="Organisaties waarvoor u werkt"
            rows={memberships}
            rowKey={(m) => m.id}
            columns={[
              { header: 'Organisatie', cell: (m) => m.organisationName },
              { header: 'Rol', cell: (m) => roleLabels[m.role] },
              {
                header: 'Actie',
                cell: (m) => (
                  // Asks first on its own page; that page posts to /account/verlaten.
                  <ConfirmLink href={`/account/verlaten?lidmaatschap=${m.id}`}>
                    Rol beëindigen
                    <span class="npo-visually-hidden">
                      : {roleLabels[m.role]} bij {m.organisationName}
                    </span>
                  </ConfirmLink>
                ),
              },
            ]}
          />
        )}
      </section>

      <section class="npo-stack" aria-labelledby="overal-kop">
        <Heading level={2} id="overal-kop">
          Overal uitloggen
        </Heading>
        <Paragraph>
          Bent u ergens ingelogd gebleven, bijvoorbeeld op een gedeelde computer? Log dan overal uit. U moet
          daarna opnieuw inloggen.
        </Paragraph>
        <Form ctx={ctx} action="/uitloggen/overal">
          <Button variant="secondary">Overal uitloggen</Button>
        </Form>
      </section>
    </Page>
  );
}
