// Password reset pages: asking for a link by mail, and choosing a new password with it.
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
} from '../../../ui/components.tsx';
import { errorTitle, Form, NewPasswordFields, Page } from './page-parts.tsx';

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
            <NewPasswordFields
              form={form}
              label="Nieuw wachtwoord"
              againLabel="Nieuw wachtwoord nog een keer"
            />
            <Button>Wachtwoord opslaan</Button>
          </Form>
        </>
      )}
    </Page>
  );
}
