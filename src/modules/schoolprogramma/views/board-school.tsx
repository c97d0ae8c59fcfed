// One school in the board's overview: its money per school year (allocated, reserved by the
// board, available, planned, committed, spent, and whether more is planned than available), per
// year and category, and the plan's interventions with the latest evaluation's decision.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';
import { DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import type { BoardRow } from '../repository/board-overview.ts';
import type { SchoolDrillDown } from '../services/board-data.ts';
import { planBase } from './base.ts';
import { boardProgrammesBase, centsOrUnknown } from './board-overview.tsx';
import { decisionLabel } from './evaluation-parts.tsx';

export function BoardSchoolPage({
  ctx,
  board,
  data,
}: {
  ctx: ViewContext;
  board: BoardRow;
  data: SchoolDrillDown;
}) {
  const { school, perYear, categories } = data;
  const rows = perYear.flatMap((y) =>
    categories
      .filter((c) => y.byCategory[c.code])
      .map((c) => ({
        key: `${y.schoolYearId}-${c.code}`,
        year: y.label,
        category: c,
        money: y.byCategory[c.code]!,
      })),
  );
  return (
    <Layout
      ctx={ctx}
      title={`Schoolprogramma ${school.name}`}
      breadcrumbs={[
        { href: '/overzicht', label: 'Overzicht' },
        { href: boardProgrammesBase(board.id), label: "Schoolprogramma's" },
        { label: school.name },
      ]}
    >
      <Heading level={1}>Schoolprogramma van {school.name}</Heading>
      {/* The same for every board member while the figures stand (routes/board.tsx): rendered once. */}
      <RenderedOnce
        owner={data}
        name="school"
        render={() => (
          <>
            <DataSummary
              items={[
                { key: `Schoolscan ${data.year.label}`, value: school.scanText },
                { key: 'Plan', value: school.planText },
                { key: 'Instemming MR', value: school.consentText },
                { key: 'Signaal', value: school.flagText },
              ]}
            />
            {school.planId !== null && (
              <Paragraph>
                <Link href={planBase(school.id)}>Het schoolprogramma zelf lezen</Link>
              </Paragraph>
            )}
            <Table
              caption={`Geld per schooljaar van ${school.name}`}
              rows={perYear}
              rowKey={(y) => y.schoolYearId}
              columns={[
                { header: 'Schooljaar', cell: (y) => y.label },
                { header: 'Toegekend', numeric: true, cell: (y) => centsOrUnknown(y.budget.allocatedCents) },
                {
                  header: 'Gereserveerd door bestuur',
                  numeric: true,
                  cell: (y) => formatCents(y.budget.reservedCents),
                },
                {
                  header: 'Beschikbaar',
                  numeric: true,
                  cell: (y) => centsOrUnknown(y.budget.availableCents),
                },
                { header: 'Gepland', numeric: true, cell: (y) => formatCents(y.budget.plannedCents) },
                { header: 'Verplicht', numeric: true, cell: (y) => formatCents(y.budget.committedCents) },
                { header: 'Uitgegeven', numeric: true, cell: (y) => formatCents(y.budget.spentCents) },
                { header: 'Signaal', cell: (y) => y.flagText },
              ]}
            />
            {rows.length === 0 ? (
              <Paragraph>Er is nog niets begroot of uitgegeven.</Paragraph>
            ) : (
              <Table
                caption="Per schooljaar en categorie van de menukaart"
                rows={rows}
                rowKey={(r) => r.key}
                columns={[
                  { header: 'Schooljaar', cell: (r) => r.year },
                  { header: 'Categorie', cell: (r) => `${r.category.code}. ${r.category.short_name}` },
                  { header: 'Gepland', numeric: true, cell: (r) => formatCents(r.money.plannedCents) },
                  { header: 'Verplicht', numeric: true, cell: (r) => formatCents(r.money.committedCents) },
                  { header: 'Uitgegeven', numeric: true, cell: (r) => formatCents(r.money.spentCents) },
                ]}
              />
            )}
            <Heading level={2}>Interventies en evaluatie</Heading>
            {data.interventions.length === 0 ? (
              <Paragraph>Het plan heeft nog geen interventies.</Paragraph>
            ) : (
              <Table
                caption={`Interventies van ${school.name} met het laatste besluit na evaluatie`}
                rows={data.interventions}
                rowKey={(i) => i.id}
                columns={[
                  { header: 'Interventie', cell: (i) => `${i.code} ${i.name_nl}` },
                  { header: 'Categorie', cell: (i) => i.category_code },
                  { header: 'Leerlingen', numeric: true, cell: (i) => String(i.pupils) },
                  {
                    header: 'Laatste besluit',
                    cell: (i) =>
                      i.decision
                        ? `${decisionLabel[i.decision]} (${formatDate(i.evaluated_on!)})`
                        : 'Nog niet geëvalueerd',
                  },
                ]}
              />
            )}
          </>
        )}
      />
    </Layout>
  );
}
