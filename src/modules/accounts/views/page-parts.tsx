// The frame and form parts every accounts page shares: page with breadcrumbs, posted form, password fields.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout, type Crumb } from '../../../ui/layout.tsx';
import { CsrfField, TextField, type FormState } from '../../../ui/components.tsx';
import { minPasswordLength } from '../services/passwords.ts';

export const errorTitle = 'Er ging iets mis. Controleer de volgende velden:';

export function Page({
  ctx,
  title,
  crumbs,
  translated,
  children,
}: {
  ctx: ViewContext;
  title: string;
  crumbs?: Crumb[];
  /** Its texts exist in English too (see Layout). */
  translated?: boolean;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs ?? [{ label: title }]} translated={translated}>
      {children}
    </Layout>
  );
}

export function Form({
  ctx,
  action,
  children,
}: {
  ctx: ViewContext;
  action: string;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class="npo-stack" noValidate>
      <CsrfField token={ctx.csrfToken()} />
      {children}
    </form>
  );
}

export const passwordHint = `Minstens ${minPasswordLength} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`;

/** A new password and the same again (fields `wachtwoord` and `herhaling`), with the hint. */
export function NewPasswordFields({
  form,
  label,
  againLabel,
}: {
  form: FormState;
  label: string;
  againLabel: string;
}) {
  return (
    <>
      <TextField
        name="wachtwoord"
        label={label}
        type="password"
        autocomplete="new-password"
        description={passwordHint}
        form={form}
        required
      />
      <TextField
        name="herhaling"
        label={againLabel}
        type="password"
        autocomplete="new-password"
        form={form}
        required
      />
    </>
  );
}

export const accountCrumbs = (label: string): Crumb[] => [
  { href: '/account', label: 'Mijn account' },
  { label },
];
