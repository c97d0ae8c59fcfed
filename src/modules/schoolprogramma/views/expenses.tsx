// The list of a plan's expenses: filters by school year and intervention, newest first, 50 per
// page, each expense followed by its corrections (new rows that name it; nothing is ever edited).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph, TableScroll } from '../../../ui/components.tsx';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import { costTypeLabels } from '../services/budget-amounts.ts';
import type { ListedExpense, ExpenseRow } from '../repository/expenses.ts';
import {
  budgetBase,
  budgetCrumbs,
  expensesBase,
  interventionLabel,
  money,
  type SchoolRef,
} from './budget-base.tsx';

const num = 'utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric';
const cell = 'utrecht-table__cell';

export interface ExpenseListFilter {
  jaar?: number;
  interventie?: number;
  pagina: number;
}

function Row({ x, correction, correctHref }: { x: ExpenseRow; correction?: boolean; correctHref?: string }) {
  return (
    <tr class={`utrecht-table__row${correction ? ' npo-correction' : ''}`}>
      <td class={cell}>{formatDate(x.spentOn)}</td>
      <td class={cell}>{x.schoolYear}</td>
      <td class={cell}>{x.interventionCode}</td>
      <td class={cell}>{costTypeLabels[x.costType]}</td>
      <td class={cell}>
        {correction ? <strong>Correctie op de uitgave hierboven: </strong> : null}
        {x.description}
        {x.importFile ? ` (geïmporteerd uit ${x.importFile})` : ''}
      </td>
      <td class={num}>{money(x.amountCents)}</td>
      <td class={cell}>
        {correctHref ? (
          <Link href={correctHref}>
            Corrigeren<span class="npo-visually-hidden">: {x.description}</span>
          </Link>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}

export function ExpensesPage({
  ctx,
  school,
  years,
  interventions,
  filter,
  list,
  pages,
  canEdit,
  booked,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  years: Array<{ id: number; label: string }>;
  interventions: Array<{ id: number; code: string; name: string }>;
  filter: ExpenseListFilter;
  list: { expenses: ListedExpense[]; count: number; totalCents: number };
  pages: number;
  canEdit: boolean;
  booked?: string;
}) {
  const base = expensesBase(school.id);
  const pageHref = (p: number) => {
    const q = new URLSearchParams();
    if (filter.jaar) q.set('jaar', String(filter.jaar));
    if (filter.interventie) q.set('interventie', String(filter.interventie));
    q.set('pagina', String(p));
    return `${base}?${q}`;
  };
  return (
    <Layout
      ctx={ctx}
      title={`Uitgaven schoolprogramma ${school.name}`}
      breadcrumbs={budgetCrumbs(school, [
        { href: budgetBase(school.id), label: 'Begroting' },
        { label: 'Uitgaven' },
      ])}
    >
      <Heading level={1}>Uitgaven</Heading>
      {booked && <Alert type="ok">{booked}</Alert>}
      <Paragraph lead>
        Wat de school aan het programma heeft uitgegeven. Een uitgave wordt nooit gewijzigd: een fout herstelt
        u met een correctie, die onder de uitgave komt te staan.
      </Paragraph>
      {canEdit && (
        <Paragraph>
          <Link href={`${base}/nieuw`}>Uitgave boeken</Link>
          {' · '}
          <Link href={`${base}/importeren`}>Uitgaven importeren uit de boekhouding</Link>
        </Paragraph>
      )}
      <form novalidate method="get" action={base} class="npo-stack" aria-label="Uitgaven filteren">
        <div class="utrecht-form-field utrecht-form-field--select">
          <label class="utrecht-form-label" for="jaar">
            Schooljaar
          </label>
          <select class="utrecht-select utrecht-select--html-select" id="jaar" name="jaar">
            <option value="">Alle schooljaren</option>
            {years.map((y) => (
              <option value={String(y.id)} selected={filter.jaar === y.id} key={y.id}>
                {y.label}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field utrecht-form-field--select">
          <label class="utrecht-form-label" for="interventie">
            Interventie
          </label>
          <select class="utrecht-select utrecht-select--html-select" id="interventie" name="interventie">
            <option value="">Alle interventies</option>
            {interventions.map((i) => (
              <option value={String(i.id)} selected={filter.interventie === i.id} key={i.id}>
                {interventionLabel(i)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">Filteren</Button>
      </form>
      <Paragraph>
        {formatNumber(list.count)} {list.count === 1 ? 'uitgave' : 'uitgaven'}; samen met de correcties{' '}
        {money(list.totalCents)}.
      </Paragraph>
      {list.expenses.length === 0 ? (
        <Paragraph>Er zijn (met deze filters) geen uitgaven.</Paragraph>
      ) : (
        <TableScroll captionId="uitgaven-titel">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption" id="uitgaven-titel">
              Uitgaven, nieuwste eerst, met correcties onder de uitgave die ze corrigeren (pagina{' '}
              {filter.pagina} van {pages})
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {['Datum', 'Schooljaar', 'Interventie', 'Kostensoort', 'Omschrijving'].map((h) => (
                  <th scope="col" class="utrecht-table__header-cell" key={h}>
                    {h}
                  </th>
                ))}
                <th
                  scope="col"
                  class="utrecht-table__header-cell utrecht-table__header-cell--numeric npo-numeric"
                >
                  Bedrag
                </th>
                <th scope="col" class="utrecht-table__header-cell">
                  Actie
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.expenses.flatMap((x) => [
                <Row key={x.id} x={x} correctHref={canEdit ? `${base}/${x.id}/correctie` : undefined} />,
                ...x.corrections.map((c) => <Row key={c.id} x={c} correction />),
              ])}
            </tbody>
          </table>
        </TableScroll>
      )}
      {pages > 1 && (
        <nav aria-label="Pagina's" class="npo-stack">
          <Paragraph>
            {filter.pagina > 1 && <Link href={pageHref(filter.pagina - 1)}>Vorige pagina</Link>}
            {filter.pagina > 1 && filter.pagina < pages && ' · '}
            {filter.pagina < pages && <Link href={pageHref(filter.pagina + 1)}>Volgende pagina</Link>}
          </Paragraph>
        </nav>
      )}
    </Layout>
  );
}
