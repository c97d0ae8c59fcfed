// Two-factor pages: setting up TOTP with a QR code, its status (switch off), and new recovery codes.
import type { ViewContext } from '../../../ui/context.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  TextField,
  type FormState,
  FailedSubmitMessage,
} from '../../../ui/components.tsx';
import { accountCrumbs, errorTitle, Form, Page } from './page-parts.tsx';

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
  error,
}: {
  ctx: ViewContext;
  recoveryLeft: number;
  mayDisable: boolean;
  form: FormState;
  notice?: string;
  error?: string;
}) {
  return (
    <Page ctx={ctx} title="Tweestapsverificatie" crumbs={accountCrumbs('Tweestapsverificatie')}>
      <Heading level={1}>Tweestapsverificatie</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
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
