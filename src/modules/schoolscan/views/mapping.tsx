// The column-mapping pages: the school's saved mappings with the form to read a new export's
// columns, and the mapping form (which column holds which field, what the export's own codes
// mean). Work without JavaScript: every choice is a plain select, checked when saved.
import { ExportFileField } from './lvs.tsx';
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Table,
  TextField,
  SelectField,
} from '../../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import { maxFileMegabytes, providerLabel, providers } from '../services/parse/lvs-format.ts';
import {
  fieldLabels,
  mappingFields,
  skipValue,
  valueFields,
  valueTargets,
  type FileProfile,
  type ValueField,
} from '../services/parse/lvs-mapping.ts';
import { maxNameLength, yearFromDateOption, type MappingFormState } from '../services/mapping.ts';
import type { MappingRow } from '../repository/mapping.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';

export const mappingBase = (schoolId: number) => `${scanBase(schoolId)}/toetsgegevens/koppelingen`;

const crumbs = (school: SchoolRef, extra: { href?: string; label: string }[]) =>
  scanCrumbs(school, [{ href: `${scanBase(school.id)}/toetsgegevens`, label: 'Toetsgegevens' }, ...extra]);

const list = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} en ${xs[xs.length - 1]}`;

/** The mapped fields of a mapping in one line: "Toets → vakgebied of toets, …". */
function mappedSummary(m: MappingRow['mapping']): string {
  const parts = mappingFields
    .filter((f) => m.columns[f.key])
    .map((f) => `${m.columns[f.key]} → ${fieldLabels[f.key].toLowerCase()}`);
  return parts.join('; ');
}

export function MappingListPage({
  ctx,
  school,
  mappings,
  notice,
  fileError,
  status,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  mappings: MappingRow[];
  notice?: string;
  fileError?: string;
  status?: 'refused';
}) {
  const base = mappingBase(school.id);
  return (
    <Layout
      ctx={ctx}
      title={`Kolommen koppelen ${school.name}`}
      breadcrumbs={crumbs(school, [{ label: 'Kolommen koppelen' }])}
    >
      <Heading level={1}>Kolommen koppelen</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {status === 'refused' && fileError && (
        <Alert type="error">
          <p class="nl-paragraph">De kolommen van het bestand zijn niet gelezen. {fileError}</p>
        </Alert>
      )}
      <Paragraph lead>
        Heeft uw export andere kolomnamen of eigen codes dan het platte formaat? Koppel dan één keer de
        kolommen aan de gegevens van het platform. De koppeling wordt bewaard onder de toetsaanbieder; een
        volgende export met dezelfde kolommen wordt er meteen mee ingelezen.
      </Paragraph>
      <Heading level={2}>Bewaarde koppelingen</Heading>
      {mappings.length === 0 ? (
        <Paragraph>Uw school heeft nog geen koppelingen.</Paragraph>
      ) : (
        <Table
          caption="Koppelingen van uw school"
          rows={mappings}
          rowKey={(r) => r.id}
          columns={[
            {
              header: 'Naam',
              cell: (r) => (
                <Link href={`${base}/${r.id}`}>
                  {r.mapping.name}
                  <span class="npo-visually-hidden"> bekijken of wijzigen</span>
                </Link>
              ),
            },
            { header: 'Toetsaanbieder', cell: (r) => providerLabel(r.mapping.provider) },
            { header: 'Kolommen', cell: (r) => mappedSummary(r.mapping) },
            {
              header: 'Laatst gewijzigd',
              cell: (r) =>
                `${formatDateTime(r.updatedAt)}${r.updatedByName ? ` door ${r.updatedByName}` : ''}`,
            },
          ]}
        />
      )}
      <Heading level={2}>Nieuwe koppeling</Heading>
      <Paragraph>
        Kies de export. Het platform leest alleen de kolomnamen en, van kolommen met weinig verschillende
        waarden, die waarden (zoals toetscodes). Kolommen met namen of een BSN worden niet gelezen. Het
        bestand wordt niet bewaard en nog niet ingelezen: na het opslaan van de koppeling kiest u het bestand
        nog een keer. Hoogstens {maxFileMegabytes} MB.
      </Paragraph>
      <form method="post" action={`${base}/nieuw`} enctype="multipart/form-data" class="npo-stack" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <ExportFileField error={fileError} />
        <Button>Kolommen lezen</Button>
      </form>
      <Paragraph>
        <Link href={`${scanBase(school.id)}/toetsgegevens`}>Terug naar toetsgegevens importeren</Link>
      </Paragraph>
    </Layout>
  );
}

/** A select with its own id (the name repeats per row), label and error wired to it. */
function RowSelect({
  id,
  name,
  label,
  value,
  options,
  error,
}: {
  id: string;
  name: string;
  label: ComponentChildren;
  value: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {error && (
        <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={`${id}-fout`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <select
          class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          id={id}
          name={name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-fout` : undefined}
        >
          {options.map((o) => (
            <option class="utrecht-select__option" value={o.value} selected={o.value === value} key={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

const targetOptions = (f: ValueField) => [
  { value: '', label: '— kies —' },
  ...valueTargets[f].map((t) => ({ value: t.code, label: t.label })),
  { value: skipValue, label: 'Overslaan (deze regels niet inlezen)' },
];

/** What the page shows of a column's values. */
function columnValues(p: FileProfile['profiles'][number]): string {
  if (p.distinct) {
    const shown = p.distinct.slice(0, 12);
    const more = p.distinct.length - shown.length;
    return `${shown.join(', ')}${more > 0 ? ` en nog ${more}` : ''}`;
  }
  if (p.samples.length) return `veel verschillende waarden, zoals ${p.samples.join(', ')}`;
  return 'veel verschillende waarden (niet getoond)';
}

export function MappingFormPage({
  ctx,
  school,
  headers,
  profile,
  form,
  mapping,
  notice,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  headers: string[];
  /** When a file was just read: its columns and codes (not the file). */
  profile?: FileProfile;
  form: MappingFormState;
  /** When an existing mapping is changed. */
  mapping?: { id: number; name: string };
  notice?: string;
}) {
  const base = mappingBase(school.id);
  const title = mapping ? `Koppeling "${mapping.name}"` : 'Kolommen van het bestand koppelen';
  const columnOptions = [
    { value: '', label: '— niet in het bestand —' },
    ...headers.map((h) => ({ value: h, label: h })),
  ];
  const state = { values: {}, errors: form.errors };
  return (
    <Layout
      ctx={ctx}
      title={`${title} ${school.name}`}
      breadcrumbs={crumbs(school, [
        { href: base, label: 'Kolommen koppelen' },
        { label: mapping?.name ?? 'Nieuw' },
      ])}
    >
      <Heading level={1}>{title}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <ErrorSummary form={state} title="De koppeling is niet opgeslagen. Verbeter het volgende:" />
      {profile && (
        <Paragraph lead>
          Het bestand {profile.fileName} ({formatNumber(profile.lines)} regels) is gelezen, maar niet bewaard
          en nog niet ingelezen. Kies hieronder welke kolom welk gegeven bevat en wat de eigen codes van de
          export betekenen. Na het opslaan kiest u het bestand nog een keer om het in te lezen.
        </Paragraph>
      )}
      {!profile && mapping && (
        <Paragraph lead>
          Een export met deze kolommen wordt met deze koppeling ingelezen. U kunt de koppeling hier wijzigen
          of verwijderen; de kolommen van de export zelf liggen vast.
        </Paragraph>
      )}
      {profile && profile.dropped.length > 0 && (
        <Alert type="warning">
          <p class="nl-paragraph">
            {profile.dropped.length === 1 ? 'De kolom' : 'De kolommen'}{' '}
            {list(profile.dropped.map((d) => `"${d}"`))} {profile.dropped.length === 1 ? 'lijkt' : 'lijken'}{' '}
            namen of een persoonsnummer (zoals het BSN) te bevatten.{' '}
            {profile.dropped.length === 1 ? 'Die' : 'Die'} wordt niet gelezen, niet getoond en nooit
            opgeslagen; u kunt {profile.dropped.length === 1 ? 'haar' : 'ze'} niet koppelen.
          </p>
        </Alert>
      )}
      {profile ? (
        <Table
          caption="Kolommen in het bestand, met hun waarden"
          rows={profile.profiles}
          rowKey={(p) => p.header}
          columns={[
            { header: 'Kolom', cell: (p) => p.header },
            { header: 'Waarden', cell: (p) => columnValues(p) },
          ]}
        />
      ) : (
        <Paragraph>Kolommen van de export: {list(headers.map((h) => `"${h}"`))}.</Paragraph>
      )}
      <form method="post" action={mapping ? `${base}/${mapping.id}` : base} class="npo-stack" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        {profile && <input type="hidden" name="bestand" value={JSON.stringify(profile)} />}
        <TextField
          name="naam"
          label="Naam van de koppeling"
          description="Zo herkent u de koppeling later, bijvoorbeeld naar het programma en de export."
          form={{ values: { naam: form.naam }, errors: form.errors }}
          maxLength={maxNameLength}
        />
        <SelectField
          name="aanbieder"
          label="Toetsaanbieder"
          description="De koppeling wordt onder deze aanbieder bewaard. Heeft het bestand geen kolom met de aanbieder, dan krijgen alle uitslagen deze aanbieder."
          form={{ values: { aanbieder: form.aanbieder }, errors: form.errors }}
          options={[
            { value: '', label: '— kies —' },
            ...providers.map((p) => ({ value: p.code, label: p.label })),
          ]}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">Welke kolom bevat welk gegeven?</legend>
          {mappingFields.map((f) => (
            <RowSelect
              key={f.key}
              id={`kolom-${f.key}`}
              name={`kolom_${f.key}`}
              label={`${fieldLabels[f.key]}${f.required ? '' : ' (niet verplicht)'}: ${f.description}`}
              value={form.kolommen[f.key] ?? ''}
              options={
                f.key === 'schooljaar'
                  ? [
                      ...columnOptions,
                      {
                        value: yearFromDateOption,
                        label: 'afleiden uit de afnamedatum (1 augustus tot en met 31 juli)',
                      },
                    ]
                  : columnOptions
              }
              error={form.errors[`kolom-${f.key}`]}
            />
          ))}
        </fieldset>
        {valueFields.map((f) => (
          <ValueFieldset
            key={f}
            field={f}
            form={form}
            show={Boolean(form.kolommen[f]) || f !== 'toetsaanbieder'}
          />
        ))}
        <Button>Koppeling opslaan</Button>
      </form>
      {mapping && (
        <>
          <Heading level={2}>Koppeling verwijderen</Heading>
          <Paragraph>
            Na het verwijderen wordt een export met deze kolommen niet meer herkend; eerder ingelezen
            uitslagen blijven staan.
          </Paragraph>
          <form method="post" action={`${base}/${mapping.id}/verwijderen`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Button variant="danger">Koppeling "{mapping.name}" verwijderen</Button>
          </form>
        </>
      )}
      <Paragraph>
        <Link href={base}>Terug naar de koppelingen</Link>
      </Paragraph>
    </Layout>
  );
}

function ValueFieldset({ field, form, show }: { field: ValueField; form: MappingFormState; show: boolean }) {
  if (!show) return null;
  const rows = form.rows[field];
  const label = fieldLabels[field].toLowerCase();
  const extra = form.extra[field];
  const newError = form.errors[`nieuw-${field}`];
  return (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">Eigen waarden bij {label}</legend>
      {rows.length === 0 ? (
        <Paragraph>
          {form.kolommen[field]
            ? `Het platform kent alle waarden in de kolom "${form.kolommen[field]}" die het heeft gelezen.`
            : 'Er zijn hier nog geen eigen waarden gekoppeld.'}
        </Paragraph>
      ) : (
        <Paragraph>
          Deze waarden kent het platform niet. Kies per waarde wat ze betekent, of laat regels met die waarde
          overslaan (ze worden dan niet ingelezen en het verslag telt ze).
        </Paragraph>
      )}
      {rows.map((r, i) => (
        <div key={r.raw}>
          <input type="hidden" name={`van_${field}`} value={r.raw} />
          <RowSelect
            id={`waarde-${field}-${i}`}
            name={`naar_${field}`}
            label={`"${r.raw}" in het bestand betekent`}
            value={r.target}
            options={targetOptions(field)}
            error={form.errors[`waarde-${field}-${i}`]}
          />
        </div>
      ))}
      <div
        class={`utrecht-form-field utrecht-form-field--text${newError ? ' utrecht-form-field--invalid' : ''}`}
      >
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={`nieuw-${field}`}>
            Andere waarde bij {label} toevoegen (niet verplicht)
          </label>
        </div>
        {newError && (
          <div
            class="utrecht-form-field-error-message utrecht-form-field__error-message"
            id={`nieuw-${field}-fout`}
          >
            {newError}
          </div>
        )}
        <div class="utrecht-form-field__input">
          <input
            class={`utrecht-textbox utrecht-textbox--html-input${newError ? ' utrecht-textbox--invalid' : ''}`}
            id={`nieuw-${field}`}
            name={`nieuw_van_${field}`}
            type="text"
            maxLength={60}
            value={extra.raw}
            aria-invalid={newError ? 'true' : undefined}
            aria-describedby={newError ? `nieuw-${field}-fout` : undefined}
          />
        </div>
      </div>
      <RowSelect
        id={`nieuw-${field}-naar`}
        name={`nieuw_naar_${field}`}
        label="Die waarde betekent"
        value={extra.target}
        options={targetOptions(field)}
        error={form.errors[`nieuw-${field}-naar`]}
      />
    </fieldset>
  );
}
