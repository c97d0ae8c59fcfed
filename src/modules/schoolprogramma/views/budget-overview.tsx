// The budget overview of a school's plan: the warnings in words first, then per school year what
// the school has, planned, committed and spent with what carries over, the PNIL share, and the
// same money per cost type, per intervention and per menu category.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';
import { Alert, Heading, Link, Paragraph, Table, TableScroll } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { costTypeLabels, formatShare } from '../services/budget-amounts.ts';
import type { BudgetOverview } from '../services/budget-overview.ts';
import {
  budgetCrumbs,
  expensesBase,
  interventionBudgetPath,
  interventionLabel,
  money,
  type SchoolRef,
} from './budget-base.tsx';
import { planBase } from './base.ts';

const num = 'utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric';
const numHead = 'utrecht-table__header-cell utrecht-table__header-cell--numeric npo-numeric';

function Warnings({ o, spendUntil }: { o: BudgetOverview; spendUntil: string | null }) {
  const w = o.warnings;
  const deadline = spendUntil ? formatDate(spendUntil) : 'het einde van het programma';
  const items: ComponentChildren[] = [];
  for (const y of w.overPlannedYears)
    items.push(
      <li key={`y${y.label}`}>
        Schooljaar {y.label} is overbegroot: er is {money(y.cents)} meer begroot dan er dat jaar beschikbaar
        is (inclusief wat eerdere jaren over hadden).
      </li>,
    );
  if (w.overPlannedTotalCents > 0)
    items.push(
      <li key="total">
        Het hele plan is overbegroot: er is {money(w.overPlannedTotalCents)} meer begroot dan de school in
        alle jaren samen heeft. Dat mag, maar het bestuur ziet het en het tekort moet ergens anders vandaan
        komen.
      </li>,
    );
  if (w.atRiskCents > 0)
    items.push(
      <li key="risk">
        {w.deadlinePassed
          ? `Er is ${money(w.atRiskCents)} niet uitgegeven vóór ${deadline}; dat geld kan niet meer aan het programma worden besteed.`
          : `Naar verwachting blijft er ${money(w.atRiskCents)} over op ${deadline}: geld dat niet is begroot of dat in afgelopen jaren niet is uitgegeven. Begroot het voor de jaren die nog komen, anders gaat het verloren voor het programma.`}
      </li>,
    );
  if (w.unknownAllocationYears.length > 0)
    items.push(
      <li key="unknown">
        Voor {w.unknownAllocationYears.join(', ')} is (nog) geen toekenning bekend; die jaren tellen hier met
        € 0.
      </li>,
    );
  if (items.length === 0)
    return (
      <Alert type="ok">
        Het plan past binnen het geld van de school en er blijft naar verwachting niets over.
      </Alert>
    );
  return (
    <Alert type="warning">
      <p class="nl-paragraph">
        <strong>Let op:</strong>
      </p>
      <ul class="utrecht-unordered-list">{items}</ul>
    </Alert>
  );
}

function YearTable({ o }: { o: BudgetOverview }) {
  const heads = [
    'Toegekend',
    'Gereserveerd door bestuur',
    'Beschikbaar',
    'Over uit eerdere jaren',
    'Begroot',
    'Vastgelegd',
    'Uitgegeven',
    'Over naar later',
  ];
  return (
    <TableScroll captionId="per-jaar-titel">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption" id="per-jaar-titel">
          Geld per schooljaar, in euro's
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              Schooljaar
            </th>
            {heads.map((h) => (
              <th scope="col" class={numHead} key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {o.years.map((y) => (
            <tr class="utrecht-table__row" key={y.schoolYearId}>
              <th scope="row" class="utrecht-table__header-cell">
                {y.label}
                {y.overPlannedCents > 0 ? ' (overbegroot)' : ''}
              </th>
              <td class={num}>{y.allocationCents === null ? 'onbekend' : money(y.allocationCents)}</td>
              <td class={num}>{money(y.reservedCents)}</td>
              <td class={num}>{money(y.availableCents)}</td>
              <td class={num}>{money(y.carryInCents)}</td>
              <td class={num}>{money(y.plannedCents)}</td>
              <td class={num}>{money(y.committedCents)}</td>
              <td class={num}>{money(y.spentCents)}</td>
              <td class={num}>{money(y.carryOutCents)}</td>
            </tr>
          ))}
          <tr class="utrecht-table__row">
            <th scope="row" class="utrecht-table__header-cell">
              Totaal
            </th>
            <td class={num}>{money(o.total.allocationCents)}</td>
            <td class={num}>{money(o.total.reservedCents)}</td>
            <td class={num}>{money(o.total.availableCents)}</td>
            <td class={num}>–</td>
            <td class={num}>{money(o.total.plannedCents)}</td>
            <td class={num}>{money(o.total.committedCents)}</td>
            <td class={num}>{money(o.total.spentCents)}</td>
            <td class={num}>–</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

const amountColumns = [
  { header: 'Begroot', numeric: true, cell: (r: { plannedCents: number }) => money(r.plannedCents) },
  { header: 'Vastgelegd', numeric: true, cell: (r: { committedCents: number }) => money(r.committedCents) },
  { header: 'Uitgegeven', numeric: true, cell: (r: { spentCents: number }) => money(r.spentCents) },
];

export function BudgetOverviewPage({
  ctx,
  school,
  overview,
  hasPlan,
  canEdit,
  spendUntil,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  overview: BudgetOverview;
  hasPlan: boolean;
  canEdit: boolean;
  spendUntil: string | null;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Begroting schoolprogramma ${school.name}`}
      breadcrumbs={budgetCrumbs(school, [{ label: 'Begroting' }])}
    >
      <Heading level={1}>Begroting en uitgaven</Heading>
      {/* The same for every viewer of this state of the school's data: rendered once. */}
      <RenderedOnce
        owner={overview}
        name={`${hasPlan}:${canEdit}`}
        render={() => (
          <BudgetOverviewBody
            school={school}
            o={overview}
            hasPlan={hasPlan}
            canEdit={canEdit}
            spendUntil={spendUntil}
          />
        )}
      />
    </Layout>
  );
}

function BudgetOverviewBody({
  school,
  o,
  hasPlan,
  canEdit,
  spendUntil,
}: {
  school: SchoolRef;
  o: BudgetOverview;
  hasPlan: boolean;
  canEdit: boolean;
  spendUntil: string | null;
}) {
  return (
    <>
      <Paragraph lead>
        Wat {school.name} per schooljaar aan geld heeft, wat het plan begroot, wat al is vastgelegd en wat is
        uitgegeven. Alle totalen rekent het platform uit de regels uit.
      </Paragraph>
      {!hasPlan || o.perIntervention.length === 0 ? (
        <Paragraph>
          Het plan heeft nog geen interventies, dus ook nog geen begroting.{' '}
          <Link href={planBase(school.id)}>Naar het schoolprogramma</Link>
        </Paragraph>
      ) : null}
      <Warnings o={o} spendUntil={spendUntil} />
      <Paragraph>
        <Link href={expensesBase(school.id)}>Uitgaven bekijken</Link>
        {canEdit && hasPlan && (
          <>
            {' · '}
            <Link href={`${expensesBase(school.id)}/nieuw`}>Uitgave boeken</Link>
            {' · '}
            <Link href={`${expensesBase(school.id)}/importeren`}>Uitgaven importeren uit de boekhouding</Link>
          </>
        )}
      </Paragraph>
      <section aria-labelledby="per-jaar" class="npo-stack">
        <Heading level={2} id="per-jaar">
          Per schooljaar
        </Heading>
        <Paragraph>
          Beschikbaar is de toekenning min wat het bestuur ervan reserveerde voor bovenschoolse interventies.
          Wat een jaar niet uitgeeft, gaat mee naar de volgende jaren; een tekort niet (dat betaalt de school
          dat jaar uit ander geld). Voor jaren die nog lopen of nog komen, rekent het platform met wat begroot
          is.
        </Paragraph>
        <YearTable o={o} />
      </section>
      <section aria-labelledby="pnil" class="npo-stack">
        <Heading level={2} id="pnil">
          Extern personeel (PNIL)
        </Heading>
        <Paragraph>
          Begroot voor personeel niet in loondienst: {money(o.pnil.plannedCents)}, dat is{' '}
          {formatShare(o.pnil.plannedShareBp)} van alles wat begroot is. Uitgegeven:{' '}
          {money(o.pnil.spentCents)}, {formatShare(o.pnil.spentShareBp)} van alles wat is uitgegeven.
        </Paragraph>
        <Table
          caption="Per kostensoort, alle schooljaren samen"
          rows={o.perCostType}
          rowKey={(r) => r.costType}
          columns={[{ header: 'Kostensoort', cell: (r) => costTypeLabels[r.costType] }, ...amountColumns]}
        />
      </section>
      {o.perIntervention.length > 0 && (
        <section aria-labelledby="per-interventie" class="npo-stack">
          <Heading level={2} id="per-interventie">
            Per interventie en per categorie
          </Heading>
          <Table
            caption="Per interventie, alle schooljaren samen"
            rows={o.perIntervention}
            rowKey={(r) => r.planInterventionId}
            columns={[
              {
                header: 'Interventie',
                cell: (r) => (
                  <Link href={interventionBudgetPath(school.id, r.planInterventionId)}>
                    {interventionLabel(r)}
                  </Link>
                ),
              },
              ...amountColumns,
            ]}
          />
          <Table
            caption="Per categorie van de menukaart, alle schooljaren samen"
            rows={o.perCategory}
            rowKey={(r) => r.categoryCode}
            columns={[
              { header: 'Categorie', cell: (r) => `${r.categoryCode} ${r.categoryName}` },
              ...amountColumns,
            ]}
          />
        </section>
      )}
    </>
  );
}
