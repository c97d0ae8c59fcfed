// The redactie and the kennisplein: the queue of submitted examples, the decision form, and a research summary form.
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { statusLabels } from '../services/kennisplein.ts';
import type { ItemRow } from '../repository/kennisplein.ts';
import { InterventionChecklist, type InterventionChoice } from './kennisplein.tsx';
import { redactieCrumb } from './editor-home-page.tsx';

export function ModerationQueuePage({
  ctx,
  items,
  published,
  message,
}: {
  ctx: ViewContext;
  items: (ItemRow & { school_name: string | null })[];
  /** What is on the kennisplein now, each with a way to withdraw it. */
  published: (ItemRow & { school_name: string | null })[];
  message?: string;
}) {
  return (
    <Layout ctx={ctx} title="Kennisplein modereren" breadcrumbs={[redactieCrumb, { label: 'Kennisplein' }]}>
      <Heading level={1}>Kennisplein: voorbeelden beoordelen</Heading>
      {message && <Alert type="ok">{message}</Alert>}
      <Paragraph>
        <Link href="/redactie/kennisplein/onderzoek">Samenvatting van onderzoek toevoegen</Link>
      </Paragraph>
      {items.length ? (
        <Table
          caption="Voorbeelden die op een besluit wachten"
          rowKey={(i) => i.id}
          rows={items}
          columns={[
            { header: 'Titel', cell: (i) => <Link href={`/redactie/kennisplein/${i.id}`}>{i.title}</Link> },
            { header: 'School', cell: (i) => i.school_name ?? '' },
            { header: 'Ingediend', cell: (i) => (i.submitted_at ? formatDateTime(i.submitted_at) : '') },
          ]}
        />
      ) : (
        <Paragraph>Er wachten geen voorbeelden op een besluit.</Paragraph>
      )}
      <section aria-labelledby="gepubliceerd">
        <Heading level={2} id="gepubliceerd">
          Gepubliceerd op het kennisplein
        </Heading>
        {published.length ? (
          <Table
            caption="Gepubliceerde voorbeelden en samenvattingen, nieuwste eerst"
            rowKey={(i) => i.id}
            rows={published}
            columns={[
              { header: 'Titel', cell: (i) => <Link href={`/kennisplein/${i.id}`}>{i.title}</Link> },
              { header: 'School', cell: (i) => i.school_name ?? 'redactie' },
              { header: 'Gepubliceerd', cell: (i) => (i.published_at ? formatDateTime(i.published_at) : '') },
              {
                header: 'Actie',
                cell: (i) => (
                  <ConfirmLink href={`/redactie/kennisplein/${i.id}/intrekken`}>
                    Intrekken<span class="npo-visually-hidden"> {i.title}</span>
                  </ConfirmLink>
                ),
              },
            ]}
          />
        ) : (
          <Paragraph>Er staat nog niets op het kennisplein.</Paragraph>
        )}
      </section>
    </Layout>
  );
}

export function ModerationFormPage({
  ctx,
  item,
  form,
}: {
  ctx: ViewContext;
  item: ItemRow;
  form: FormState;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Besluit: ${item.title}`}
      breadcrumbs={[
        redactieCrumb,
        { href: '/redactie/kennisplein', label: 'Kennisplein' },
        { label: 'Besluit' },
      ]}
    >
      <Heading level={1}>Besluit over '{item.title}'</Heading>
      <Paragraph>
        Status: {statusLabels[item.status]}.{' '}
        <Link href={`/redactie/kennisplein/${item.id}/voorbeeld`}>
          Bekijk het voorbeeld zoals het gepubliceerd zou worden
        </Link>
        .
      </Paragraph>
      <ErrorSummary form={form} title="Het besluit is niet opgeslagen:" />
      <form novalidate method="post" action={`/redactie/kennisplein/${item.id}`} class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <SelectField
          name="actie"
          label="Besluit"
          form={form}
          required
          options={[
            { value: '', label: 'Kies…' },
            { value: 'goedkeuren', label: 'Publiceren' },
            { value: 'wijzigingen', label: 'Om wijzigingen vragen' },
            { value: 'afwijzen', label: 'Afwijzen' },
          ]}
        />
        <TextArea
          name="reden"
          label="Toelichting voor de school"
          form={form}
          rows={4}
          description="Verplicht bij 'om wijzigingen vragen' en bij 'afwijzen'."
        />
        <Button>Besluit opslaan</Button>
      </form>
    </Layout>
  );
}

export function ResearchFormPage({
  ctx,
  form,
  chosen,
  choices,
}: {
  ctx: ViewContext;
  form: FormState;
  chosen: string[];
  choices: InterventionChoice[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Onderzoek toevoegen"
      breadcrumbs={[
        redactieCrumb,
        { href: '/redactie/kennisplein', label: 'Kennisplein' },
        { label: 'Onderzoek' },
      ]}
    >
      <Heading level={1}>Samenvatting van onderzoek toevoegen</Heading>
      <ErrorSummary form={form} title="De samenvatting is niet opgeslagen. Controleer deze velden:" />
      <form novalidate method="post" action="/redactie/kennisplein/onderzoek" class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <IdempotencyField value={form.values._sleutel} />
        <TextField name="titel" label="Titel" form={form} required maxLength={200} />
        <InterventionChecklist choices={choices} chosen={chosen} error={form.errors.interventies} />
        <TextArea name="watGedaan" label="Samenvatting (Markdown)" form={form} rows={10} required />
        <TextField name="bron" label="Webadres van het onderzoek" form={form} type="url" required />
        <Button>Publiceren op het kennisplein</Button>
      </form>
    </Layout>
  );
}
