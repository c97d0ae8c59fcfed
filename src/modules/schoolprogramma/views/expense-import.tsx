// Importing expenses from a bookkeeping export: the upload form, the mapping step (which column
// is which, and what unknown interventions and cost types mean) and the report of a refused
// file (every line with its reason; nothing was booked). The file itself is not kept: the
// mapping step carries its content in the form.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  FailedSubmitMessage,
  Heading,
  Paragraph,
  Table,
  TextArea,
} from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import { ExportFileField } from '../../schoolscan/views/lvs.tsx';
import { costTypes } from '../tables.ts';
import { costTypeLabels } from '../services/budget-amounts.ts';
import { importFieldLabels, importFields, type ImportField } from '../services/expense-file.ts';
import type { LineProblem, UnknownValue } from '../services/expense-import.ts';
import {
  budgetBase,
  budgetCrumbs,
  expensesBase,
  interventionLabel,
  money,
  type SchoolRef,
} from './budget-base.tsx';

export interface MappingStep {
  fileName: string;
  content64: string;
  headers: string[];
  columns: Partial<Record<ImportField, number>>;
  unknown: { interventions: UnknownValue[]; costTypes: UnknownValue[] } | null;
  /** The choices posted so far, by field name. */
  choices: Record<string, string>;
  message?: string;
}

export interface ImportReportView {
  fileName: string;
  problem?: string;
  problems: LineProblem[];
}

function Select({
  name,
  label,
  options,
  selected,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  selected?: string;
}) {
  return (
    <div class="utrecht-form-field utrecht-form-field--select">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={name}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={name} name={name}>
          {options.map((o) => (
            <option value={o.value} selected={o.value === selected} key={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function Mapping({
  ctx,
  action,
  step,
  interventions,
  idempotencyKey,
}: {
  ctx: ViewContext;
  action: string;
  step: MappingStep;
  interventions: Array<{ id: number; code: string; name: string }>;
  idempotencyKey?: string;
}) {
  const refuse = { value: 'weigeren', label: 'Weigeren: deze regels niet importeren' };
  return (
    <section aria-labelledby="koppelen" class="npo-stack">
      <Heading level={2} id="koppelen">
        Koppelen: {step.fileName}
      </Heading>
      {step.message && <FailedSubmitMessage>{step.message}</FailedSubmitMessage>}
      <Paragraph>
        Het platform herkent niet alles in dit bestand. Geef aan welke kolom wat bevat, en wat de onbekende
        interventies en kostensoorten betekenen. Er wordt pas iets geboekt als alle regels kloppen.
      </Paragraph>
      <form method="post" action={action} class="npo-stack" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <IdempotencyField value={idempotencyKey} />
        <input type="hidden" name="stap" value="koppelen" />
        <input type="hidden" name="bestandsnaam" value={step.fileName} />
        <input type="hidden" name="bestand64" value={step.content64} />
        <fieldset class="utrecht-form-fieldset npo-stack">
          <legend class="utrecht-form-fieldset__legend">Kolommen</legend>
          {importFields.map((f) => (
            <Select
              key={f}
              name={`kolom-${f}`}
              label={`${importFieldLabels[f]} staat in kolom`}
              selected={step.columns[f] === undefined ? '' : String(step.columns[f])}
              options={[
                { value: '', label: 'Kies een kolom' },
                ...step.headers.map((h, i) => ({
                  value: String(i),
                  label: `${i + 1}: ${h || '(zonder naam)'}`,
                })),
              ]}
            />
          ))}
        </fieldset>
        {step.unknown && step.unknown.interventions.length > 0 && (
          <fieldset class="utrecht-form-fieldset npo-stack">
            <legend class="utrecht-form-fieldset__legend">Onbekende interventies</legend>
            {step.unknown.interventions.map((u) => (
              <Select
                key={u.key}
                name={`iv-${u.key}`}
                label={`"${u.text}" (${formatNumber(u.lines)} ${u.lines === 1 ? 'regel' : 'regels'}) is`}
                selected={step.choices[`iv-${u.key}`] ?? ''}
                options={[
                  { value: '', label: 'Kies een interventie van het plan' },
                  ...interventions.map((i) => ({ value: String(i.id), label: interventionLabel(i) })),
                  refuse,
                ]}
              />
            ))}
          </fieldset>
        )}
        {step.unknown && step.unknown.costTypes.length > 0 && (
          <fieldset class="utrecht-form-fieldset npo-stack">
            <legend class="utrecht-form-fieldset__legend">Onbekende kostensoorten</legend>
            {step.unknown.costTypes.map((u) => (
              <Select
                key={u.key}
                name={`ks-${u.key}`}
                label={`"${u.text}" (${formatNumber(u.lines)} ${u.lines === 1 ? 'regel' : 'regels'}) is`}
                selected={step.choices[`ks-${u.key}`] ?? ''}
                options={[
                  { value: '', label: 'Kies een kostensoort' },
                  ...costTypes.map((t) => ({ value: t, label: costTypeLabels[t] })),
                  refuse,
                ]}
              />
            ))}
          </fieldset>
        )}
        <Button>Koppeling gebruiken en importeren</Button>
      </form>
    </section>
  );
}

export function ExpenseImportPage({
  ctx,
  school,
  interventions,
  imports,
  mapping,
  report,
  idempotencyKey,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  interventions: Array<{ id: number; code: string; name: string }>;
  imports: Array<{ id: number; file_name: string; rows: number; totalCents: number; createdAt: Date }>;
  mapping?: MappingStep;
  report?: ImportReportView;
  idempotencyKey?: string;
}) {
  const action = `${expensesBase(school.id)}/importeren`;
  return (
    <Layout
      ctx={ctx}
      title={`Uitgaven importeren ${school.name}`}
      breadcrumbs={budgetCrumbs(school, [
        { href: budgetBase(school.id), label: 'Begroting' },
        { href: expensesBase(school.id), label: 'Uitgaven' },
        { label: 'Importeren' },
      ])}
    >
      <Heading level={1}>Uitgaven importeren uit de boekhouding</Heading>
      {report && (
        <FailedSubmitMessage>
          {report.problem
            ? `${report.fileName} is niet ingelezen: ${report.problem}`
            : `${report.fileName} is niet ingelezen: ${formatNumber(report.problems.length)} ${report.problems.length === 1 ? 'regel klopt' : 'regels kloppen'} niet. Er is niets geboekt. Verbeter het bestand en lees het opnieuw in.`}
        </FailedSubmitMessage>
      )}
      {report && report.problems.length > 0 && (
        <Table
          caption="Regels die niet kloppen"
          rows={report.problems}
          rowKey={(p) => p.line}
          columns={[
            { header: 'Regel', numeric: true, cell: (p) => formatNumber(p.line) },
            { header: 'Reden', cell: (p) => p.reason },
          ]}
        />
      )}
      {mapping ? (
        <Mapping
          ctx={ctx}
          action={action}
          step={mapping}
          interventions={interventions}
          idempotencyKey={idempotencyKey}
        />
      ) : (
        <section aria-labelledby="inlezen" class="npo-stack">
          <Heading level={2} id="inlezen">
            Bestand inlezen
          </Heading>
          <Paragraph>
            Een CSV-export uit uw boekhouding, met een kopregel en per uitgave een regel met de kolommen
            datum, bedrag, omschrijving, interventie en kostensoort. Scheidingsteken ; of , en bedragen als
            1.234,56. Heten de kolommen anders, of staan er interventies of kostensoorten in die het platform
            niet kent, dan vraagt het platform wat ze betekenen. Alle regels worden samen geboekt, of geen
            enkele. Het bestand zelf wordt niet bewaard.
          </Paragraph>
          <form method="post" action={action} enctype="multipart/form-data" class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <IdempotencyField value={idempotencyKey} />
            <ExportFileField />
            <TextArea
              name="regels"
              label="Of plak de regels hier"
              description="Met de kopregel als eerste regel."
              form={{ values: {}, errors: {} }}
              rows={4}
            />
            <Button>Inlezen</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="eerder" class="npo-stack">
        <Heading level={2} id="eerder">
          Eerder geïmporteerd
        </Heading>
        {imports.length === 0 ? (
          <Paragraph>Er is nog niets geïmporteerd.</Paragraph>
        ) : (
          <Table
            caption="Geïmporteerde bestanden, nieuwste eerst"
            rows={imports}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Ingelezen', cell: (r) => formatDateTime(r.createdAt) },
              { header: 'Bestand', cell: (r) => r.file_name },
              { header: 'Uitgaven', numeric: true, cell: (r) => formatNumber(r.rows) },
              { header: 'Totaal', numeric: true, cell: (r) => money(r.totalCents) },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}
