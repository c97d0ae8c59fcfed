// Pages of the accounts module: sign-in, second factor, password reset, invitations, my
// account, two-factor set-up, the dashboard and the people pages of schools, boards and the
// beheerder.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../ui/context.ts';
import { Layout, type Crumb } from '../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextField,
  type FormState,
} from '../../ui/components.tsx';
import { format, formatDateTime } from '../../platform/i18n/i18n.ts';
import { dashboardText, signInText, type SignInMessage, type SignInNotice } from './messages.ts';
import { minPasswordLength } from './passwords.ts';
import { roleLabels } from './service.ts';
import type { InvitationRow, MembershipRow } from './repository.ts';
import type { DashboardAction } from '../dashboard.ts';
import type { Role } from '../../platform/db/tables.ts';

const errorTitle = 'Er ging iets mis. Controleer de volgende velden:';

function Page({
  ctx,
  title,
  crumbs,
  children,
}: {
  ctx: ViewContext;
  title: string;
  crumbs?: Crumb[];
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs ?? [{ label: title }]}>
      {children}
    </Layout>
  );
}

function Form({ ctx, action, children }: { ctx: ViewContext; action: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} class="npo-stack" noValidate>
      <CsrfField token={ctx.csrfToken()} />
      {children}
    </form>
  );
}

const passwordHint = `Minstens ${minPasswordLength} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`;

// ---------------------------------------------------------------------------------------
// Signing in

export function SignInPage({
  ctx,
  form,
  message,
  returnTo,
  notice,
}: {
  ctx: ViewContext;
  form: FormState;
  message?: SignInMessage;
  returnTo: string;
  notice?: SignInNotice;
}) {
  const t = signInText(ctx.locale);
  return (
    <Page ctx={ctx} title={t.title}>
      <Heading level={1}>{t.title}</Heading>
      {notice && <Alert type="ok">{t[notice]}</Alert>}
      {message && <Alert type="error">{t[message]}</Alert>}
      <ErrorSummary form={form} title={t.errorTitle} />
      <Form ctx={ctx} action="/inloggen">
        <input type="hidden" name="terug" value={returnTo} />
        <TextField name="email" label={t.email} type="email" autocomplete="username" form={form} required />
        <TextField
          name="wachtwoord"
          label={t.password}
          type="password"
          autocomplete="current-password"
          form={form}
          required
        />
        <Button>{t.submit}</Button>
      </Form>
      <Paragraph>
        <Link href="/wachtwoord-vergeten">{t.forgot}</Link>
      </Paragraph>
      <Paragraph>{t.noAccount}</Paragraph>
    </Page>
  );
}

export function SecondFactorPage({
  ctx,
  form,
  returnTo,
}: {
  ctx: ViewContext;
  form: FormState;
  returnTo: string;
}) {
  const t = signInText(ctx.locale);
  return (
    <Page ctx={ctx} title={t.codeTitle}>
      <Heading level={1}>{t.codeHeading}</Heading>
      <ErrorSummary form={form} title={t.errorTitle} />
      <Paragraph>{t.codeIntro}</Paragraph>
      <Form ctx={ctx} action="/inloggen/code">
        <input type="hidden" name="terug" value={returnTo} />
        <TextField
          name="code"
          label={t.codeLabel}
          autocomplete="one-time-code"
          inputMode="numeric"
          form={form}
          required
          maxLength={20}
        />
        <Button>{t.codeSubmit}</Button>
      </Form>
      <Paragraph>
        <Link href="/inloggen">{t.codeAgain}</Link>
      </Paragraph>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------
// Password reset

export function ForgotPasswordPage({
  ctx,
  form,
  sent,
}: {
  ctx: ViewContext;
  form: FormState;
  sent?: boolean;
}) {
  return (
    <Page
      ctx={ctx}
      title="Wachtwoord vergeten"
      crumbs={[{ href: '/inloggen', label: 'Inloggen' }, { label: 'Wachtwoord vergeten' }]}
    >
      <Heading level={1}>Wachtwoord vergeten</Heading>
      {sent ? (
        <Alert type="ok">
          Als er een account is met dit e-mailadres, hebben we een e-mail gestuurd met een link om een nieuw
          wachtwoord te kiezen. De link werkt één uur en één keer.
        </Alert>
      ) : (
        <>
          <ErrorSummary form={form} title={errorTitle} />
          <Paragraph>
            Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord te
            kiezen.
          </Paragraph>
          <Form ctx={ctx} action="/wachtwoord-vergeten">
            <TextField
              name="email"
              label="E-mailadres"
              type="email"
              autocomplete="email"
              form={form}
              required
            />
            <Button>Stuur mij een link</Button>
          </Form>
        </>
      )}
    </Page>
  );
}

const linkProblems = {
  expired: 'Deze link is verlopen.',
  used: 'Deze link is al gebruikt.',
  unknown: 'Deze link werkt niet.',
};

export function ResetPasswordPage({
  ctx,
  token,
  form,
  state,
}: {
  ctx: ViewContext;
  token: string;
  form: FormState;
  state: 'open' | 'expired' | 'used' | 'unknown';
}) {
  return (
    <Page ctx={ctx} title="Nieuw wachtwoord kiezen">
      <Heading level={1}>Nieuw wachtwoord kiezen</Heading>
      {state !== 'open' ? (
        <>
          <Alert type="error">{linkProblems[state]} Vraag een nieuwe link aan.</Alert>
          <Paragraph>
            <Link href="/wachtwoord-vergeten">Nieuwe link aanvragen</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <ErrorSummary form={form} title={errorTitle} />
          <Form ctx={ctx} action="/wachtwoord-herstellen">
            <input type="hidden" name="token" value={token} />
            <TextField
              name="wachtwoord"
              label="Nieuw wachtwoord"
              type="password"
              autocomplete="new-password"
              description={passwordHint}
              form={form}
              required
            />
            <TextField
              name="herhaling"
              label="Nieuw wachtwoord nog een keer"
              type="password"
              autocomplete="new-password"
              form={form}
              required
            />
            <Button>Wachtwoord opslaan</Button>
          </Form>
        </>
      )}
    </Page>
  );
}

// ---------------------------------------------------------------------------------------
// Invitations

export function InvitationPage({
  ctx,
  token,
  form,
  state,
  invitation,
  existingAccount,
}: {
  ctx: ViewContext;
  token: string;
  form: FormState;
  state: 'open' | 'expired' | 'used' | 'unknown';
  invitation?: InvitationRow;
  existingAccount?: boolean;
}) {
  return (
    <Page ctx={ctx} title="Uitnodiging">
      <Heading level={1}>Uitnodiging</Heading>
      {state !== 'open' || !invitation ? (
        <Alert type="error">
          {state === 'expired'
            ? 'Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe uitnodiging.'
            : state === 'used'
              ? 'Deze uitnodiging is al gebruikt. Heeft u al een account? Log dan in.'
              : 'Deze uitnodiging bestaat niet. Controleer of u de hele link uit de e-mail heeft gebruikt.'}
        </Alert>
      ) : (
        <>
          <Paragraph>
            U bent uitgenodigd als <strong>{roleLabels[invitation.role]}</strong> bij{' '}
            <strong>{invitation.organisationName}</strong> ({invitation.email}).
          </Paragraph>
          <ErrorSummary form={form} title={errorTitle} />
          {existingAccount ? (
            ctx.principal && ctx.principal.email.toLowerCase() === invitation.email.toLowerCase() ? (
              <Form ctx={ctx} action="/uitnodiging">
                <input type="hidden" name="token" value={token} />
                <Button>Uitnodiging aannemen</Button>
              </Form>
            ) : (
              <>
                <Alert type="info">
                  Er is al een account met dit e-mailadres. Log in met dat account om de uitnodiging aan te
                  nemen.
                </Alert>
                <Paragraph>
                  <Link href={`/inloggen?terug=${encodeURIComponent(`/uitnodiging?token=${token}`)}`}>
                    Inloggen
                  </Link>
                </Paragraph>
              </>
            )
          ) : (
            <Form ctx={ctx} action="/uitnodiging">
              <input type="hidden" name="token" value={token} />
              <TextField
                name="naam"
                label="Uw naam"
                autocomplete="name"
                form={form}
                required
                maxLength={200}
              />
              <TextField
                name="wachtwoord"
                label="Kies een wachtwoord"
                type="password"
                autocomplete="new-password"
                description={passwordHint}
                form={form}
                required
              />
              <TextField
                name="herhaling"
                label="Wachtwoord nog een keer"
                type="password"
                autocomplete="new-password"
                form={form}
                required
              />
              <Button>Account aanmaken</Button>
            </Form>
          )}
        </>
      )}
    </Page>
  );
}

// ---------------------------------------------------------------------------------------
// My account

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
      {leaveError && <Alert type="error">{leaveError}</Alert>}
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
          <TextField
            name="wachtwoord"
            label="Nieuw wachtwoord"
            type="password"
            autocomplete="new-password"
            description={passwordHint}
            form={passwordForm}
            required
          />
          <TextField
            name="herhaling"
            label="Nieuw wachtwoord nog een keer"
            type="password"
            autocomplete="new-password"
            form={passwordForm}
            required
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
                  <form method="post" action="/account/verlaten" class="npo-inline-form">
                    <CsrfField token={ctx.csrfToken()} />
                    <input type="hidden" name="lidmaatschap" value={String(m.id)} />
                    <Button variant="subtle">
                      Rol beëindigen
                      <span class="npo-visually-hidden">
                        : {roleLabels[m.role]} bij {m.organisationName}
                      </span>
                    </Button>
                  </form>
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

const accountCrumbs = (label: string): Crumb[] => [{ href: '/account', label: 'Mijn account' }, { label }];

export function TotpSetupPage({
  ctx,
  qrSvg,
  secret,
  form,
  mustEnrol,
}: {
  ctx: ViewContext;
  qrSvg: string;
  secret: string;
  form: FormState;
  mustEnrol: boolean;
}) {
  return (
    <Page ctx={ctx} title="Tweestapsverificatie instellen" crumbs={accountCrumbs('Tweestapsverificatie')}>
      <Heading level={1}>Tweestapsverificatie instellen</Heading>
      {mustEnrol && (
        <Alert type="warning">
          Voor uw rol is tweestapsverificatie verplicht. Stel het nu in; daarna kunt u alles doen wat bij uw
          rol hoort.
        </Alert>
      )}
      <ErrorSummary form={form} title={errorTitle} />
      <ol class="npo-stack">
        <li>
          Installeer een authenticator-app op uw telefoon, bijvoorbeeld FreeOTP, Google Authenticator of
          Microsoft Authenticator.
        </li>
        <li>Scan deze QR-code met de app.</li>
      </ol>
      <div class="npo-qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <Paragraph>
        Lukt scannen niet? Voer dan deze sleutel in de app in:{' '}
        <code class="npo-reference">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </Paragraph>
      <Form ctx={ctx} action="/account/tweestapsverificatie">
        <TextField
          name="code"
          label="Code uit de app (6 cijfers)"
          autocomplete="one-time-code"
          inputMode="numeric"
          form={form}
          required
          maxLength={8}
        />
        <Button>Tweestapsverificatie aanzetten</Button>
      </Form>
    </Page>
  );
}

export function TotpStatusPage({
  ctx,
  recoveryLeft,
  mayDisable,
  form,
  notice,
}: {
  ctx: ViewContext;
  recoveryLeft: number;
  mayDisable: boolean;
  form: FormState;
  notice?: string;
}) {
  return (
    <Page ctx={ctx} title="Tweestapsverificatie" crumbs={accountCrumbs('Tweestapsverificatie')}>
      <Heading level={1}>Tweestapsverificatie</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <Paragraph>
        Tweestapsverificatie staat aan. U heeft nog {recoveryLeft} ongebruikte herstelcodes.
      </Paragraph>
      <section class="npo-stack" aria-labelledby="herstel-kop">
        <Heading level={2} id="herstel-kop">
          Nieuwe herstelcodes
        </Heading>
        <Paragraph>Maakt u nieuwe herstelcodes, dan werken de oude niet meer.</Paragraph>
        <Form ctx={ctx} action="/account/herstelcodes">
          <Button variant="secondary">Nieuwe herstelcodes maken</Button>
        </Form>
      </section>
      <section class="npo-stack" aria-labelledby="uit-kop">
        <Heading level={2} id="uit-kop">
          Tweestapsverificatie uitzetten
        </Heading>
        {mayDisable ? (
          <>
            <ErrorSummary form={form} title={errorTitle} />
            <Form ctx={ctx} action="/account/tweestapsverificatie/uitzetten">
              <TextField
                name="wachtwoord"
                label="Uw wachtwoord"
                type="password"
                autocomplete="current-password"
                form={form}
                required
              />
              <Button variant="danger">Tweestapsverificatie uitzetten</Button>
            </Form>
          </>
        ) : (
          <Paragraph>Voor uw rol is tweestapsverificatie verplicht; u kunt het niet uitzetten.</Paragraph>
        )}
      </section>
    </Page>
  );
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: ViewContext; codes: string[] }) {
  return (
    <Page ctx={ctx} title="Uw herstelcodes" crumbs={accountCrumbs('Herstelcodes')}>
      <Heading level={1}>Uw herstelcodes</Heading>
      <Alert type="warning">
        Bewaar deze codes op een veilige plek, bijvoorbeeld op papier. Elke code werkt één keer, als u uw
        telefoon niet bij de hand heeft. U ziet ze alleen nu.
      </Alert>
      <ul class="npo-codes">
        {codes.map((c) => (
          <li key={c}>
            <code class="npo-reference">{c}</code>
          </li>
        ))}
      </ul>
      <Paragraph>
        <Link href="/overzicht">Verder naar mijn overzicht</Link>
      </Paragraph>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------
// Dashboard

export interface DashboardSection {
  key: string;
  title: string;
  actions: DashboardAction[];
}

export function DashboardPage({
  ctx,
  sections,
  waiting,
  mustEnrol,
}: {
  ctx: ViewContext;
  sections: DashboardSection[];
  waiting: string[];
  mustEnrol: boolean;
}) {
  const t = dashboardText(ctx.locale);
  return (
    <Page ctx={ctx} title={t.title}>
      <Heading level={1}>{t.title}</Heading>
      {mustEnrol && (
        <Alert type="warning">
          {t.mustEnrolBefore} <Link href="/account/tweestapsverificatie">{t.mustEnrolLink}</Link>{' '}
          {t.mustEnrolAfter}
        </Alert>
      )}
      {waiting.length > 0 && !mustEnrol && (
        <Alert type="info">{format(t.waiting, { roles: waiting.join(', ') })}</Alert>
      )}
      {sections.length === 0 && <Paragraph>{t.noRoles}</Paragraph>}
      {sections.map((s) => (
        <section key={s.key} class="npo-stack" aria-labelledby={`sectie-${s.key}`}>
          <Heading level={2} id={`sectie-${s.key}`}>
            {s.title}
          </Heading>
          {s.actions.length === 0 ? (
            <Paragraph>{t.nothing}</Paragraph>
          ) : (
            <ul class="npo-actions">
              {s.actions.map((a) => (
                <li key={a.href + a.label}>
                  <Link href={a.href}>{a.label}</Link>
                  {a.urgent && <strong> {t.urgent}</strong>}
                  {a.description && <div class="npo-action-description">{a.description}</div>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Page>
  );
}

// ---------------------------------------------------------------------------------------
// People of a school, a board or the platform

export function MembersTable({
  ctx,
  caption,
  rows,
  removeAction,
  showOrganisation,
}: {
  ctx: ViewContext;
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
            return (
              <form method="post" action={action} class="npo-inline-form">
                <CsrfField token={ctx.csrfToken()} />
                <Button variant="subtle">
                  Toegang beëindigen
                  <span class="npo-visually-hidden">
                    : {m.personName}, {roleLabels[m.role]}
                  </span>
                </Button>
              </form>
            );
          },
        },
      ]}
    />
  );
}

export function InvitationsTable({ rows }: { rows: InvitationRow[] }) {
  if (rows.length === 0) return <Paragraph>Er staan geen uitnodigingen open.</Paragraph>;
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
  invite: ComponentChildren;
}) {
  return (
    <Page ctx={ctx} title={title} crumbs={crumbs}>
      <Heading level={1}>{title}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {error && <Alert type="error">{error}</Alert>}
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
        <InvitationsTable rows={invitations} />
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

// ---------------------------------------------------------------------------------------
// Demo outbox

export function OutboxPage({
  ctx,
  mails,
}: {
  ctx: ViewContext;
  mails: { id: string; to: string; subject: string; text: string; sentAt: string }[];
}) {
  return (
    <Page ctx={ctx} title="Verstuurde e-mail (demo)">
      <Heading level={1}>Verstuurde e-mail (demo)</Heading>
      <Paragraph>
        In de demo gaat e-mail niet echt de deur uit. Hier ziet u de nieuwste berichten, met de links erin.
      </Paragraph>
      {mails.length === 0 && <Paragraph>Er is nog geen e-mail verstuurd.</Paragraph>}
      {mails.map((m, i) => (
        <article key={m.id} class="npo-stack npo-mail" aria-labelledby={`mail-${i}`}>
          <Heading level={2} id={`mail-${i}`}>
            {m.subject}
          </Heading>
          <DataSummary
            items={[
              { key: 'Aan', value: m.to },
              { key: 'Verstuurd', value: formatDateTime(new Date(m.sentAt)) },
            ]}
          />
          <pre class="npo-mail-text">
            {m.text.split(/(https?:\/\/\S+)/g).map((part, j) =>
              /^https?:\/\//.test(part) ? (
                <a key={j} class="nl-link rhc-link" href={part.replace(/^https?:\/\/[^/]+/, '')}>
                  {part}
                </a>
              ) : (
                part
              ),
            )}
          </pre>
        </article>
      ))}
    </Page>
  );
}
