// Kennisplein pages: the public list and an item, a school's own submissions and the form.
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
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
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import { schoolTypes, statusLabels } from '../services/kennisplein.ts';
import type { ItemRow } from '../repository/kennisplein.ts';
import { StoredHtml } from './menu-parts.tsx';

type Linked = { item_id: number; code: string; name_nl: string | null };
type ItemWithSchool = ItemRow & { school_name: string | null };

function LinkedInterventions({ links }: { links: Linked[] }) {
  return (
    <>
      {links.map((l, n) => (
        <span key={l.code}>
          {n > 0 && ', '}
          <Link href={`/menukaart/${l.code}`}>
            {l.code}. {l.name_nl ?? ''}
          </Link>
        </span>
      ))}
    </>
  );
}

export function KennispleinPage({
  ctx,
  items,
  links,
}: {
  ctx: ViewContext;
  items: ItemWithSchool[];
  links: Linked[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Kennisplein"
      section="/kennisplein"
      breadcrumbs={[{ href: '/menukaart', label: 'Menukaart' }, { label: 'Kennisplein' }]}
    >
      <Heading level={1}>Kennisplein</Heading>
      <Paragraph lead>
        Voorbeelden van scholen die een interventie van de menukaart hebben ingezet, en samenvattingen van
        onderzoek. De redactie bekijkt elk voorbeeld voordat het hier verschijnt.
      </Paragraph>
      <Paragraph>
        Schoolleiders kunnen een voorbeeld van hun school insturen via hun school in het overzicht (
        <Link href="/overzicht">mijn overzicht</Link>).{' '}
        <Link href="/menukaart/zoeken">Zoeken in het kennisplein</Link>
      </Paragraph>
      {items.length ? (
        <Table
          caption="Gepubliceerde voorbeelden en onderzoek"
          rowKey={(i) => i.id}
          rows={items}
          columns={[
            { header: 'Titel', cell: (i) => <Link href={`/kennisplein/${i.id}`}>{i.title}</Link> },
            {
              header: 'Soort',
              cell: (i) =>
                i.kind === 'onderzoek' ? 'Onderzoek' : `Voorbeeld, ${i.school_type.toLowerCase()}`,
            },
            {
              header: 'Interventies',
              cell: (i) => <LinkedInterventions links={links.filter((l) => l.item_id === i.id)} />,
            },
            { header: 'Gepubliceerd', cell: (i) => (i.published_at ? formatDate(i.published_at) : '') },
          ]}
        />
      ) : (
        <Paragraph>Er zijn nog geen gepubliceerde voorbeelden.</Paragraph>
      )}
    </Layout>
  );
}

export function ItemPage({
  ctx,
  item,
  links,
  preview,
}: {
  ctx: ViewContext;
  item: ItemWithSchool;
  links: Linked[];
  preview?: boolean;
}) {
  const voorbeeld = item.kind === 'voorbeeld';
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      section="/kennisplein"
      breadcrumbs={[
        { href: '/menukaart', label: 'Menukaart' },
        { href: '/kennisplein', label: 'Kennisplein' },
        { label: item.title },
      ]}
    >
      <Heading level={1}>{item.title}</Heading>
      {preview && <Alert type="info">Voorbeeldweergave. Status: {statusLabels[item.status]}.</Alert>}
      <DataSummary
        items={[
          { key: 'Soort', value: voorbeeld ? 'Voorbeeld uit de praktijk' : 'Samenvatting van onderzoek' },
          ...(voorbeeld ? [{ key: 'Soort school', value: item.school_type }] : []),
          { key: 'Interventies', value: <LinkedInterventions links={links} /> },
          ...(voorbeeld && item.contact_ok && item.school_name
            ? [
                {
                  key: 'Contact',
                  value: `${item.school_name} wil graag vertellen over deze ervaring; vraag de helpdesk om contact.`,
                },
              ]
            : []),
          ...(item.source_url
            ? [{ key: 'Bron', value: <Link href={item.source_url}>{item.source_url}</Link> }]
            : []),
          ...(item.cost_cents !== null
            ? [{ key: 'Kosten (bedrag)', value: formatCents(item.cost_cents) }]
            : []),
        ]}
      />
      <section aria-labelledby="gedaan">
        <Heading level={2} id="gedaan">
          {voorbeeld ? 'Wat de school deed' : 'Samenvatting'}
        </Heading>
        <StoredHtml html={item.what_they_did_html} />
      </section>
      {voorbeeld && item.cost_text && (
        <section aria-labelledby="kost">
          <Heading level={2} id="kost">
            Wat het kostte
          </Heading>
          <StoredHtml html={item.cost_text_html} />
        </section>
      )}
      {voorbeeld && (
        <section aria-labelledby="geleerd">
          <Heading level={2} id="geleerd">
            Wat de school leerde
          </Heading>
          <StoredHtml html={item.lessons_html} />
        </section>
      )}
    </Layout>
  );
}

export function SchoolItemsPage({
  ctx,
  schoolId,
  items,
}: {
  ctx: ViewContext;
  schoolId: number;
  items: ItemRow[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Voorbeelden voor het kennisplein"
      breadcrumbs={[{ href: '/kennisplein', label: 'Kennisplein' }, { label: 'Voorbeelden van uw school' }]}
    >
      <Heading level={1}>Voorbeelden van uw school voor het kennisplein</Heading>
      <Paragraph>
        Deel wat uw school met een interventie heeft gedaan, zodat andere scholen ervan leren. De redactie
        leest elk voorbeeld voordat het verschijnt. Zet geen namen van leerlingen in een voorbeeld.
      </Paragraph>
      <Paragraph>
        <Link href={`/scholen/${schoolId}/kennisplein/nieuw`}>Nieuw voorbeeld schrijven</Link>
      </Paragraph>
      {items.length ? (
        <Table
          caption="Voorbeelden van uw school"
          rowKey={(i) => i.id}
          rows={items}
          columns={[
            { header: 'Titel', cell: (i) => i.title },
            { header: 'Status', cell: (i) => statusLabels[i.status] },
            {
              header: 'Reactie van de redactie',
              cell: (i) => (i.status === 'ingetrokken' ? i.withdrawn_reason : i.moderator_note) ?? '',
            },
            {
              header: 'Actie',
              cell: (i) =>
                i.status === 'concept' || i.status === 'wijzigingen_gevraagd' ? (
                  <Link href={`/scholen/${schoolId}/kennisplein/${i.id}`}>Bewerken</Link>
                ) : i.status === 'gepubliceerd' ? (
                  <Link href={`/kennisplein/${i.id}`}>Bekijken</Link>
                ) : (
                  ''
                ),
            },
          ]}
        />
      ) : (
        <Paragraph>Uw school heeft nog geen voorbeelden ingestuurd.</Paragraph>
      )}
    </Layout>
  );
}

export interface InterventionChoice {
  code: string;
  name: string;
}

export function InterventionChecklist({
  choices,
  chosen,
  error,
}: {
  choices: InterventionChoice[];
  chosen: string[];
  error?: string;
}) {
  return (
    <fieldset
      class={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id="interventies"
      aria-describedby={error ? 'interventies-fout' : undefined}
    >
      <legend class="utrecht-form-fieldset__legend">Over welke interventies gaat het?</legend>
      {error && (
        <div class="utrecht-form-field-error-message" id="interventies-fout">
          {error}
        </div>
      )}
      <ul class="npo-checklist">
        {choices.map((c) => (
          <li key={c.code}>
            <input
              type="checkbox"
              id={`iv-${c.code}`}
              name="interventies"
              value={c.code}
              checked={chosen.includes(c.code)}
            />{' '}
            <label for={`iv-${c.code}`}>
              {c.code}. {c.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function ItemFormPage({
  ctx,
  action,
  form,
  chosen,
  choices,
  note,
}: {
  ctx: ViewContext;
  action: string;
  form: FormState;
  chosen: string[];
  choices: InterventionChoice[];
  note?: string | null;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Voorbeeld voor het kennisplein"
      breadcrumbs={[{ href: '/kennisplein', label: 'Kennisplein' }, { label: 'Voorbeeld schrijven' }]}
    >
      <Heading level={1}>Voorbeeld voor het kennisplein</Heading>
      {note && <Alert type="warning">De redactie vraagt: {note}</Alert>}
      <ErrorSummary form={form} title="Controleer deze velden:" />
      <form novalidate method="post" action={action} class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <IdempotencyField value={form.values._sleutel} />
        <TextField
          name="titel"
          label="Titel"
          form={form}
          required
          maxLength={200}
          description="Bijvoorbeeld: 'Tutoren uit klas 4 helpen brugklassers met lezen'."
        />
        <SelectField
          name="schooltype"
          label="Soort school"
          form={form}
          required
          options={[{ value: '', label: 'Kies…' }, ...schoolTypes.map((s) => ({ value: s, label: s }))]}
        />
        <InterventionChecklist choices={choices} chosen={chosen} error={form.errors.interventies} />
        <TextArea
          name="watGedaan"
          label="Wat heeft uw school gedaan?"
          form={form}
          rows={8}
          required
          description="Voor wie, hoe vaak, door wie. U kunt Markdown gebruiken: *schuin*, **vet**, lijstjes met -, links als [tekst](https://…)."
        />
        <TextArea
          name="kosten"
          label="Wat kostte het?"
          form={form}
          rows={4}
          description="Personeel, tijd, materiaal, scholing."
        />
        <TextField
          name="kostenBedrag"
          label="Totaalbedrag in euro (niet verplicht)"
          form={form}
          inputMode="decimal"
          description="Bijvoorbeeld 2.500 of 2500,50."
        />
        <TextArea
          name="geleerd"
          label="Wat heeft u geleerd?"
          form={form}
          rows={6}
          required
          description="Wat werkte, wat niet, en wat zou u een andere school aanraden?"
        />
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id="contact"
            name="contact"
            value="ja"
            checked={form.values.contact === 'ja'}
          />{' '}
          <label class="utrecht-form-label" for="contact">
            Andere scholen mogen via de helpdesk contact met ons opnemen over dit voorbeeld.
          </label>
        </div>
        <div class="npo-inline-form">
          <Button name="actie" value="indienen">
            Insturen naar de redactie
          </Button>
          <Button name="actie" value="opslaan" variant="secondary">
            Opslaan als concept
          </Button>
        </div>
      </form>
    </Layout>
  );
}
