// The budget of one intervention: per school year of the programme a small table of cost types
// with what is planned (begroot) and what is already committed by contract (vastgelegd). The
// school leader types amounts in Dutch notation and saves the whole grid at once; totals are
// computed from what was saved, never typed. Others read the same tables without fields.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  FailedSubmitMessage,
  Heading,
  Link,
  Paragraph,
  TableScroll,
  type FormState,
} from '../../../ui/components.tsx';
import { costTypes } from '../tables.ts';
import { costTypeLabels } from '../services/budget-amounts.ts';
import { cellField, kinds, lowerFirst, type Kind } from '../services/budget-grid.ts';
import type { BudgetCell } from '../repository/budget.ts';
import { budgetBase, budgetCrumbs, interventionLabel, money, type SchoolRef } from './budget-base.tsx';
import { planBase } from './base.ts';

export interface GridYear {
  schoolYearId: number;
  label: string;
}

function YearTotals({ cells, year, stale }: { cells: BudgetCell[]; year: number; stale?: boolean }) {
  const own = cells.filter((c) => c.schoolYearId === year);
  const planned = own.reduce((s, c) => s + c.plannedCents, 0);
  const committed = own.reduce((s, c) => s + c.committedCents, 0);
  return (
    <tr class="utrecht-table__row">
      <th scope="row" class="utrecht-table__header-cell">
        Totaal (opgeslagen)
      </th>
      <td class="utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric">{money(planned)}</td>
      <td class="utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric">{money(committed)}</td>
      {stale && <td class="utrecht-table__cell" />}
    </tr>
  );
}

function AmountCell({ name, label, form }: { name: string; label: string; form: FormState }) {
  const error = form.errors[name];
  return (
    <td class="utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric">
      <label class="npo-visually-hidden" for={name}>
        {label}
      </label>
      {error && (
        <div class="utrecht-form-field-error-message" id={`${name}-fout`}>
          {error}
        </div>
      )}
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={name}
        name={name}
        type="text"
        inputMode="decimal"
        size={12}
        value={form.values[name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${name}-fout` : undefined}
      />
    </td>
  );
}

export function BudgetGridPage({
  ctx,
  school,
  intervention,
  years,
  saved,
  form,
  revision,
  canEdit,
  justSaved,
  stale,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  intervention: { id: number; code: string; name: string };
  years: GridYear[];
  /** The budget as it is stored now. */
  saved: BudgetCell[];
  form: FormState;
  revision: number;
  canEdit: boolean;
  justSaved?: boolean;
  stale?: boolean;
}) {
  const label = interventionLabel(intervention);
  const action = `${planBase(school.id)}/interventies/${intervention.id}/begroting`;
  const savedAt = (year: number, costType: string) =>
    saved.find((c) => c.schoolYearId === year && c.costType === costType);
  return (
    <Layout
      ctx={ctx}
      title={`Begroting ${label}`}
      breadcrumbs={budgetCrumbs(school, [
        { href: budgetBase(school.id), label: 'Begroting' },
        { label: `Begroting ${intervention.code}` },
      ])}
    >
      <Heading level={1}>Begroting van {label}</Heading>
      {justSaved && <Alert type="ok">De begroting is opgeslagen.</Alert>}
      {stale && (
        <FailedSubmitMessage>
          Iemand anders heeft deze begroting opgeslagen terwijl u hem aanpaste. Uw bedragen zijn niet
          opgeslagen, maar staan hieronder nog in de velden. Onder elk schooljaar ziet u wat nu is opgeslagen.
          Controleer uw bedragen en sla opnieuw op.
        </FailedSubmitMessage>
      )}
      <Paragraph lead>
        Per schooljaar en kostensoort: wat u verwacht uit te geven (begroot) en wat al vastligt in een
        contract of opdracht (vastgelegd). Schrijf bedragen in euro's, bijvoorbeeld 1.234,56. Een leeg veld
        telt als € 0.
      </Paragraph>
      <Paragraph>
        Extern personeel (personeel niet in loondienst, PNIL) staat apart: het bestuur verantwoordt welk deel
        van het geld daaraan opgaat.{' '}
        <Link href={budgetBase(school.id)}>Naar de begroting van het hele plan</Link>
      </Paragraph>
      <form method="post" action={action} class="npo-stack" novalidate>
        {canEdit && <CsrfField token={ctx.csrfToken()} />}
        {canEdit && <input type="hidden" name="revisie" value={String(revision)} />}
        {canEdit && (
          <ErrorSummary form={form} title="De begroting is niet opgeslagen. Verbeter deze bedragen:" />
        )}
        {years.map((y) => (
          <TableScroll captionId={`begroting-${y.schoolYearId}-titel`} key={y.schoolYearId}>
            <table class="utrecht-table">
              <caption class="utrecht-table__caption" id={`begroting-${y.schoolYearId}-titel`}>
                Schooljaar {y.label}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th scope="col" class="utrecht-table__header-cell">
                    Kostensoort
                  </th>
                  {(Object.keys(kinds) as Kind[]).map((k) => (
                    <th
                      scope="col"
                      key={k}
                      class="utrecht-table__header-cell utrecht-table__header-cell--numeric npo-numeric"
                    >
                      {kinds[k]}
                    </th>
                  ))}
                  {stale && (
                    <th
                      scope="col"
                      class="utrecht-table__header-cell utrecht-table__header-cell--numeric npo-numeric"
                    >
                      Nu opgeslagen (begroot / vastgelegd)
                    </th>
                  )}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {costTypes.map((t) => {
                  const current = savedAt(y.schoolYearId, t);
                  return (
                    <tr class="utrecht-table__row" key={t}>
                      <th scope="row" class="utrecht-table__header-cell">
                        {costTypeLabels[t]}
                      </th>
                      {(Object.keys(kinds) as Kind[]).map((k) =>
                        canEdit ? (
                          <AmountCell
                            key={k}
                            name={cellField(k, y.schoolYearId, t)}
                            label={`${kinds[k]} ${y.label}, ${lowerFirst(costTypeLabels[t])}`}
                            form={form}
                          />
                        ) : (
                          <td
                            key={k}
                            class="utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric"
                          >
                            {money(
                              k === 'gepland' ? (current?.plannedCents ?? 0) : (current?.committedCents ?? 0),
                            )}
                          </td>
                        ),
                      )}
                      {stale && (
                        <td class="utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric">
                          {money(current?.plannedCents ?? 0)} / {money(current?.committedCents ?? 0)}
                        </td>
                      )}
                    </tr>
                  );
                })}
                <YearTotals cells={saved} year={y.schoolYearId} stale={stale} />
              </tbody>
            </table>
          </TableScroll>
        ))}
        {canEdit ? (
          <Button>Begroting opslaan</Button>
        ) : (
          <Paragraph>Alleen de schoolleider kan de begroting wijzigen.</Paragraph>
        )}
      </form>
    </Layout>
  );
}
