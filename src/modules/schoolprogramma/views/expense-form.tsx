// Booking an expense by hand, or a correction of one: date (the school year follows from it),
// amount, description, intervention and cost type. A correction may be negative and is shown
// beside the expense it corrects; the expense itself never changes.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Heading,
  Paragraph,
  SelectField,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { costTypes } from '../tables.ts';
import { costTypeLabels } from '../services/budget-amounts.ts';
import type { ExpenseRow } from '../repository/expenses.ts';
import {
  budgetBase,
  budgetCrumbs,
  expensesBase,
  interventionLabel,
  money,
  type SchoolRef,
} from './budget-base.tsx';

export function ExpenseFormPage({
  ctx,
  school,
  interventions,
  form,
  corrects,
  idempotencyKey,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  interventions: Array<{ id: number; code: string; name: string }>;
  form: FormState;
  /** The expense a correction corrects. */
  corrects?: ExpenseRow;
  idempotencyKey?: string;
}) {
  const base = expensesBase(school.id);
  const title = corrects ? 'Correctie boeken' : 'Uitgave boeken';
  return (
    <Layout
      ctx={ctx}
      title={`${title} ${school.name}`}
      breadcrumbs={budgetCrumbs(school, [
        { href: budgetBase(school.id), label: 'Begroting' },
        { href: base, label: 'Uitgaven' },
        { label: title },
      ])}
    >
      <Heading level={1}>{title}</Heading>
      {corrects ? (
        <>
          <Paragraph lead>
            Een correctie is een nieuwe boeking bij deze uitgave; de uitgave zelf blijft staan zoals ze is
            geboekt. Neemt de correctie geld terug, vul dan een negatief bedrag in, bijvoorbeeld -250,00.
          </Paragraph>
          <DataSummary
            items={[
              { key: 'Datum', value: formatDate(corrects.spentOn) },
              { key: 'Interventie', value: corrects.interventionCode },
              { key: 'Kostensoort', value: costTypeLabels[corrects.costType] },
              { key: 'Omschrijving', value: corrects.description },
              { key: 'Bedrag', value: money(corrects.amountCents) },
            ]}
          />
        </>
      ) : (
        <Paragraph lead>
          Boek een uitgave voor een interventie van het plan. Het schooljaar volgt uit de datum.
        </Paragraph>
      )}
      <form
        method="post"
        action={corrects ? `${base}/${corrects.id}/correctie` : `${base}/nieuw`}
        class="npo-stack"
        novalidate
      >
        <CsrfField token={ctx.csrfToken()} />
        <IdempotencyField value={idempotencyKey} />
        <ErrorSummary form={form} title={`De ${corrects ? 'correctie' : 'uitgave'} is niet geboekt:`} />
        <TextField
          name="datum"
          label="Datum"
          description="Bijvoorbeeld 15-11-2021."
          form={form}
          maxLength={10}
        />
        <TextField
          name="bedrag"
          label="Bedrag in euro's"
          description={
            corrects ? 'Bijvoorbeeld 1.234,56, of -250,00 om geld terug te boeken.' : 'Bijvoorbeeld 1.234,56.'
          }
          form={form}
          inputMode="text"
          maxLength={20}
        />
        <TextField
          name="omschrijving"
          label="Omschrijving"
          description="Wat is er betaald, of waarom is er gecorrigeerd?"
          form={form}
          maxLength={500}
        />
        <SelectField
          name="interventie"
          label="Interventie"
          form={form}
          options={[
            { value: '', label: 'Kies een interventie' },
            ...interventions.map((i) => ({ value: String(i.id), label: interventionLabel(i) })),
          ]}
        />
        <SelectField
          name="kostensoort"
          label="Kostensoort"
          form={form}
          options={[
            { value: '', label: 'Kies een kostensoort' },
            ...costTypes.map((t) => ({ value: t, label: costTypeLabels[t] })),
          ]}
        />
        <Button>{corrects ? 'Correctie boeken' : 'Uitgave boeken'}</Button>
      </form>
    </Layout>
  );
}
