// The redactie's form for one intervention in the draft: names, scores, status and praktijkkaart sections.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { sectorOptions } from '../services/catalogue.ts';
import { sectionHeadings } from '../services/praktijkkaart.ts';
import type { Category } from '../services/menu.ts';
import { checks, euros, formatEffect } from '../services/scales.ts';
import { redactieCrumb } from './editor-home-page.tsx';

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
      <form novalidate method="post" action={action} class="npo-stack">
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
