// The sign-in page and the second step (a code from the app or a recovery code).
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
import { signInText, type SignInMessage, type SignInNotice } from '../messages.ts';
import { Form, Page } from './page-parts.tsx';

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
    <Page ctx={ctx} title={t.title} translated>
      <Heading level={1}>{t.title}</Heading>
      {notice && <Alert type="ok">{t[notice]}</Alert>}
      {message && <FailedSubmitMessage>{t[message]}</FailedSubmitMessage>}
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
    <Page ctx={ctx} title={t.codeTitle} translated>
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
