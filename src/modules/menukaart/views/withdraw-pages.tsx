// Withdrawing a published kennisplein item: the redactie's confirmation page (with the reason,
// without JavaScript), and the public page that says an item was withdrawn (answered with 410).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  TextArea,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { ItemRow } from '../repository/kennisplein.ts';
import { redactieCrumb } from './editor-home-page.tsx';

const noun = (item: ItemRow) => (item.kind === 'voorbeeld' ? 'voorbeeld' : 'samenvatting');

export function WithdrawItemPage({ ctx, item, form }: { ctx: ViewContext; item: ItemRow; form: FormState }) {
  const title = `${noun(item) === 'voorbeeld' ? 'Voorbeeld' : 'Samenvatting'} '${item.title}' intrekken?`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        redactieCrumb,
        { href: '/redactie/kennisplein', label: 'Kennisplein' },
        { label: 'Intrekken' },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        Na intrekken verdwijnt {item.kind === 'voorbeeld' ? 'het voorbeeld' : 'de samenvatting'} uit de
        lijsten en de zoekresultaten. Wie de pagina nog opent, leest dat{' '}
        {item.kind === 'voorbeeld' ? 'het' : 'zij'} is ingetrokken en waarom
        {item.kind === 'voorbeeld' ? '; de school ziet de reden bij haar voorbeelden' : ''}. Intrekken kan
        niet ongedaan worden gemaakt.
      </Paragraph>
      <Paragraph>
        <Link href={`/kennisplein/${item.id}`}>Bekijk de pagina zoals die nu is</Link>
      </Paragraph>
      <ErrorSummary form={form} title="Er is niets ingetrokken. Controleer dit veld:" />
      <form novalidate method="post" action={`/redactie/kennisplein/${item.id}/intrekken`} class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <TextArea
          name="reden"
          label="Reden van intrekken"
          form={form}
          rows={4}
          required
          description="Bezoekers lezen deze reden op de pagina. Zet er geen namen van leerlingen in."
        />
        <div class="npo-confirm-form">
          <Button variant="danger">Intrekken</Button>
          <Link href="/redactie/kennisplein">Terug, niets intrekken</Link>
        </div>
      </form>
    </Layout>
  );
}

/** What a visitor sees at the address of a withdrawn item. */
export function WithdrawnItemPage({ ctx, item }: { ctx: ViewContext; item: ItemRow }) {
  const title =
    item.kind === 'voorbeeld' ? 'Dit voorbeeld is ingetrokken' : 'Deze samenvatting is ingetrokken';
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="/kennisplein"
      breadcrumbs={[
        { href: '/menukaart', label: 'Menukaart' },
        { href: '/kennisplein', label: 'Kennisplein' },
        { label: 'Ingetrokken' },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        De redactie heeft {item.kind === 'voorbeeld' ? 'het voorbeeld' : 'de samenvatting'} ‘{item.title}’
        {item.withdrawn_at ? ` op ${formatDate(item.withdrawn_at)}` : ''} van het kennisplein gehaald.
      </Paragraph>
      {item.withdrawn_reason && (
        <Paragraph>
          <strong>Reden:</strong> <span class="npo-diff-text">{item.withdrawn_reason}</span>
        </Paragraph>
      )}
      <Paragraph>
        <Link href="/kennisplein">Bekijk de andere voorbeelden op het kennisplein</Link>
      </Paragraph>
    </Layout>
  );
}
