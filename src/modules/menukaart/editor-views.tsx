// Pages for the redactie: the draft of the next menu version, editing interventions and
// categories, publishing, the diff with the version in force, and kennisplein moderation.
import type { ViewContext } from '../../ui/context.ts';
import { Layout } from '../../ui/layout.tsx';
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
} from '../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../platform/i18n/i18n.ts';
import { sectorOptions } from './catalogue.ts';
import { sectionHeadings } from './praktijkkaart.ts';
import { statusLabels, type Category, type Intervention } from './service.ts';
import { checks, euros, formatEffect } from './scales.ts';
import { DiffList, EffectValue, EvidenceValue, CostValue } from './views.tsx';
import { InterventionChecklist, type InterventionChoice } from './kennisplein-views.tsx';
import type { ItemRow, VersionRow } from './repository.ts';
import type { InterventionDiff } from './catalogue.ts';

const redactieCrumb = { href: '/redactie/menukaart', label: 'Redactie menukaart' };

export function EditorHome({
  ctx,
  inForce,
  draft,
  categories,
  interventions,
  versions,
  pending,
  message,
}: {
  ctx: ViewContext;
  inForce: VersionRow;
  draft: VersionRow | undefined;
  categories: Category[];
  interventions: Intervention[];
  versions: VersionRow[];
  pending: number;
  message?: string;
}) {
  return (
    <Layout ctx={ctx} title="Redactie menukaart" breadcrumbs={[{ label: 'Redactie menukaart' }]}>
      <Heading level={1}>Redactie menukaart</Heading>
      {message && <Alert type="ok">{message}</Alert>}
      <Paragraph>
        Nu geldt de <strong>{inForce.title}</strong> (vanaf {formatDate(inForce.valid_from!)}). Wijzigingen
        maakt u in een concept; scholen zien ze pas als u het concept publiceert als nieuwe versie.
      </Paragraph>
      <Paragraph>
        <Link href="/redactie/kennisplein">
          Kennisplein: {pending} {pending === 1 ? 'voorbeeld wacht' : 'voorbeelden wachten'} op een besluit
        </Link>
      </Paragraph>
      {draft ? (
        <section aria-labelledby="concept">
          <Heading level={2} id="concept">
            Concept voor de volgende versie
          </Heading>
          <div class="npo-inline-form">
            <Link href="/redactie/menukaart/concept/verschil">Verschil met de versie die nu geldt</Link>
            <Link href="/redactie/menukaart/concept/publiceren">Publiceren als nieuwe versie</Link>
            <Link href="/redactie/menukaart/concept/nieuw">Nieuwe interventie toevoegen</Link>
          </div>
          <Table
            caption="Categorieën in het concept"
            rowKey={(c) => c.code}
            rows={categories}
            columns={[
              { header: 'Code', cell: (c) => c.code },
              { header: 'Naam', cell: (c) => c.name },
              {
                header: 'Actie',
                cell: (c) => (
                  <Link href={`/redactie/menukaart/concept/categorie/${c.code}`}>
                    Bewerken<span class="npo-visually-hidden"> categorie {c.code}</span>
                  </Link>
                ),
              },
            ]}
          />
          <Table
            caption="Interventies in het concept"
            rowKey={(i) => i.code}
            rows={interventions}
            columns={[
              { header: 'Code', cell: (i) => i.code },
              {
                header: 'Naam',
                cell: (i) => (
                  <>
                    {i.nameNl}
                    {i.withdrawn && ' (ingetrokken)'}
                  </>
                ),
              },
              { header: 'Effect', cell: (i) => <EffectValue i={i} /> },
              { header: 'Bewijs', cell: (i) => <EvidenceValue i={i} /> },
              { header: 'Kosten', cell: (i) => <CostValue i={i} /> },
              { header: 'Praktijkkaart', cell: (i) => (i.praktijkkaart ? 'compleet' : 'ontbreekt') },
              {
                header: 'Actie',
                cell: (i) => (
                  <Link href={`/redactie/menukaart/concept/interventie/${i.code}`}>
                    Bewerken<span class="npo-visually-hidden"> {i.code}</span>
                  </Link>
                ),
              },
            ]}
          />
          <form method="post" action="/redactie/menukaart/concept/verwijderen">
            <CsrfField token={ctx.csrfToken()} />
            <Button variant="danger">Concept weggooien</Button>
          </form>
        </section>
      ) : (
        <form method="post" action="/redactie/menukaart/concept">
          <CsrfField token={ctx.csrfToken()} />
          <Paragraph>
            Er is geen concept. Begin een concept: dat is een kopie van de nieuwste versie.
          </Paragraph>
          <Button>Concept beginnen</Button>
        </form>
      )}
      <section aria-labelledby="versies">
        <Heading level={2} id="versies">
          Gepubliceerde versies
        </Heading>
        <Table
          caption="Versies van de menukaart"
          rowKey={(v) => v.id}
          rows={versions}
          columns={[
            { header: 'Versie', cell: (v) => v.title },
            { header: 'Geldig vanaf', cell: (v) => formatDate(v.valid_from!) },
            { header: 'Gepubliceerd', cell: (v) => (v.published_at ? formatDateTime(v.published_at) : '') },
            { header: 'Toelichting', cell: (v) => v.note },
          ]}
        />
        <Link href="/menukaart/versies">Versies en verschillen op de publieke site</Link>
      </section>
    </Layout>
  );
}

const scoreOptions = (min: number, max: number, show: (n: number) => string) => [
  { value: '', label: 'Kies…' },
  { value: 'onbekend', label: 'Niet gepubliceerd (onbekend)' },
  ...Array.from({ length: max - min + 1 }, (_, k) => min + k).map((n) => ({
    value: String(n),
    label: show(n),
  })),
];

export function EntryFormPage({
  ctx,
  code,
  isNew,
  form,
  sectors,
  categories,
}: {
  ctx: ViewContext;
  code: string;
  isNew: boolean;
  form: FormState;
  sectors: string[];
  categories: Category[];
}) {
  const action = isNew
    ? '/redactie/menukaart/concept/nieuw'
    : `/redactie/menukaart/concept/interventie/${code}`;
  const title = isNew ? 'Nieuwe interventie' : `${code} bewerken`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[redactieCrumb, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        U bewerkt het concept. Scholen zien de wijziging pas na publicatie. Teksten mogen Markdown bevatten;
        HTML wordt als tekst getoond.
      </Paragraph>
      <ErrorSummary form={form} title="Het concept is niet opgeslagen. Controleer deze velden:" />
      <form method="post" action={action} class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        {isNew && (
          <TextField
            name="code"
            label="Code"
            form={form}
            required
            description="Letter van de categorie en een nummer, bijvoorbeeld B13."
            maxLength={4}
          />
        )}
        <SelectField
          name="categorie"
          label="Categorie"
          form={form}
          required
          options={[
            { value: '', label: 'Kies…' },
            ...categories.map((c) => ({ value: c.code, label: `${c.code}. ${c.shortName}` })),
          ]}
        />
        <TextField name="naam" label="Naam" form={form} required maxLength={300} />
        <TextField
          name="naamEn"
          label="Naam in de EEF-toolkit (Engels, niet verplicht)"
          form={form}
          maxLength={300}
        />
        <TextField
          name="bron"
          label="Bron"
          form={form}
          required
          description="Bijvoorbeeld EEF of NPO."
          maxLength={200}
        />
        <TextArea
          name="samenvatting"
          label="Korte omschrijving"
          form={form}
          rows={3}
          required
          maxLength={1000}
        />
        <fieldset
          class="utrecht-form-fieldset"
          id="sectoren"
          aria-describedby={form.errors.sectoren ? 'sectoren-fout' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend">Sectoren</legend>
          {form.errors.sectoren && (
            <div class="utrecht-form-field-error-message" id="sectoren-fout">
              {form.errors.sectoren}
            </div>
          )}
          {sectorOptions.map((o) => (
            <div key={o.value}>
              <input
                type="checkbox"
                id={`s-${o.value}`}
                name="sectoren"
                value={o.value}
                checked={sectors.includes(o.value)}
              />{' '}
              <label for={`s-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          name="effect"
          label="Effect"
          form={form}
          required
          options={scoreOptions(0, 12, (n) => formatEffect(n))}
        />
        <SelectField
          name="bewijs"
          label="Bewijskracht"
          form={form}
          required
          options={scoreOptions(1, 5, (n) => `${checks(n)} (${n})`)}
        />
        <SelectField
          name="kosten"
          label="Kosten"
          form={form}
          required
          options={scoreOptions(1, 5, (n) => `${euros(n)} (${n})`)}
        />
        <TextField
          name="beoordeeldOp"
          label="Datum van de scores"
          form={form}
          type="date"
          description="Verplicht als er ten minste één score is."
        />
        <TextField name="beoordelingBron" label="Bron van de scores (webadres)" form={form} type="url" />
        <TextArea
          name="opmerkingen"
          label="Toelichting bij de gegevens (niet verplicht)"
          form={form}
          rows={3}
        />
        <SelectField
          name="status"
          label="Status"
          form={form}
          required
          options={[
            { value: 'actief', label: 'Op de menukaart' },
            { value: 'ingetrokken', label: 'Ingetrokken (blijft zichtbaar, niet meer te kiezen)' },
          ]}
        />
        <TextArea
          name="redenIntrekken"
          label="Reden van intrekken"
          form={form}
          rows={2}
          description="Verplicht bij intrekken; scholen zien deze uitleg."
        />
        <Heading level={2}>Praktijkkaart</Heading>
        {sectionHeadings.map(({ key, heading }) => (
          <TextArea key={key} name={`pk_${key}`} label={heading} form={form} rows={8} required />
        ))}
        <Button>Opslaan in het concept</Button>
      </form>
    </Layout>
  );
}

export function CategoryFormPage({ ctx, code, form }: { ctx: ViewContext; code: string; form: FormState }) {
  return (
    <Layout
      ctx={ctx}
      title={`Categorie ${code} bewerken`}
      breadcrumbs={[redactieCrumb, { label: `Categorie ${code}` }]}
    >
      <Heading level={1}>Categorie {code} bewerken</Heading>
      <ErrorSummary form={form} title="De categorie is niet opgeslagen. Controleer deze velden:" />
      <form method="post" action={`/redactie/menukaart/concept/categorie/${code}`} class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <TextField name="naam" label="Naam" form={form} required />
        <TextField name="korteNaam" label="Korte naam" form={form} required />
        <TextArea name="omschrijving" label="Omschrijving" form={form} rows={4} required />
        <SelectField
          name="alleenOndersteunend"
          label="Alleen ter ondersteuning van A-E?"
          form={form}
          options={[
            { value: 'nee', label: 'Nee' },
            { value: 'ja', label: 'Ja' },
          ]}
        />
        <Button>Opslaan in het concept</Button>
      </form>
    </Layout>
  );
}

export function PublishPage({
  ctx,
  form,
  diffCount,
}: {
  ctx: ViewContext;
  form: FormState;
  diffCount: number;
}) {
  return (
    <Layout ctx={ctx} title="Concept publiceren" breadcrumbs={[redactieCrumb, { label: 'Publiceren' }]}>
      <Heading level={1}>Concept publiceren als nieuwe versie</Heading>
      <Paragraph>
        Het concept verschilt op {diffCount} {diffCount === 1 ? 'interventie' : 'interventies'} van de versie
        die nu geldt. <Link href="/redactie/menukaart/concept/verschil">Bekijk het verschil</Link>. Na
        publicatie geldt de nieuwe versie vanaf de datum die u kiest; de oude blijft zichtbaar in de
        geschiedenis.
      </Paragraph>
      <ErrorSummary form={form} title="Het concept is niet gepubliceerd. Controleer deze velden:" />
      <form method="post" action="/redactie/menukaart/concept/publiceren" class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <TextField
          name="titel"
          label="Titel van de versie"
          form={form}
          required
          description="Bijvoorbeeld: Menukaart september 2023."
        />
        <TextField name="geldigVanaf" label="Geldig vanaf" form={form} type="date" required />
        <TextArea name="toelichting" label="Wat is er veranderd?" form={form} rows={4} required />
        <TextField name="bron" label="Bron (webadres, niet verplicht)" form={form} type="url" />
        <Button>Publiceren</Button>
      </form>
    </Layout>
  );
}

export function DraftDiffPage({
  ctx,
  inForce,
  diff,
}: {
  ctx: ViewContext;
  inForce: VersionRow;
  diff: { changes: InterventionDiff[]; categoryChanges: { code: string; before: string; after: string }[] };
}) {
  return (
    <Layout ctx={ctx} title="Verschil concept" breadcrumbs={[redactieCrumb, { label: 'Verschil' }]}>
      <Heading level={1}>Verschil tussen het concept en de {inForce.title}</Heading>
      <DiffList {...diff} />
    </Layout>
  );
}

export function ModerationQueuePage({
  ctx,
  items,
  message,
}: {
  ctx: ViewContext;
  items: (ItemRow & { school_name: string | null })[];
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
      <form method="post" action={`/redactie/kennisplein/${item.id}`} class="npo-stack">
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
      <form method="post" action="/redactie/kennisplein/onderzoek" class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <TextField name="titel" label="Titel" form={form} required maxLength={200} />
        <InterventionChecklist choices={choices} chosen={chosen} error={form.errors.interventies} />
        <TextArea name="watGedaan" label="Samenvatting (Markdown)" form={form} rows={10} required />
        <TextField name="bron" label="Webadres van het onderzoek" form={form} type="url" required />
        <Button>Publiceren op het kennisplein</Button>
      </form>
    </Layout>
  );
}
