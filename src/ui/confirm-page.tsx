// Destructive actions (end access, withdraw, block, discard) ask first, without JavaScript: the
// button in a list is a link to a confirmation page (GET), which says what will happen and has a
// form that posts the action itself, and a link back that changes nothing.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.ts';
import { Layout, type Crumb } from './layout.tsx';
import { Button, CsrfField, Heading, Link } from './components.tsx';

/** The link, looking like a button, that leads to a confirmation page. */
export function ConfirmLink({
  href,
  children,
  variant = 'subtle',
}: {
  href: string;
  children: ComponentChildren;
  variant?: 'subtle' | 'secondary-action';
}) {
  return (
    <a class={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${variant}`} href={href}>
      {children}
    </a>
  );
}

export function ConfirmPage({
  ctx,
  title,
  breadcrumbs,
  action,
  fields,
  confirmLabel,
  back,
  children,
}: {
  ctx: ViewContext;
  /** The question, e.g. "Toegang van Jan Jansen beëindigen?" */
  title: string;
  breadcrumbs: Crumb[];
  /** Where the confirming form posts: the action itself. */
  action: string;
  /** Hidden form fields the action needs. */
  fields?: Record<string, string>;
  confirmLabel: string;
  back: { href: string; label: string };
  /** What will happen, in words. */
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={breadcrumbs}>
      <Heading level={1}>{title}</Heading>
      <div class="npo-stack" data-bevestiging="">
        {children}
      </div>
      <form novalidate method="post" action={action} class="npo-confirm-form">
        <CsrfField token={ctx.csrfToken()} />
        {Object.entries(fields ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <Button variant="danger">{confirmLabel}</Button>
        <Link href={back.href}>{back.label}</Link>
      </form>
    </Layout>
  );
}
