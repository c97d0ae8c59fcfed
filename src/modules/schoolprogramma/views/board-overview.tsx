// The board's overview of its schools' programmes: per school the scan of this school year, the
// plan's latest version, the MR's consent, the money (allocated, planned, spent) and whether more
// is planned than available; then the totals per menu category A–F and a download link.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';
import { Alert, DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { BoardRow } from '../repository/board-overview.ts';
import type { BoardOverviewData } from '../services/board-data.ts';
import type { SchoolOverview } from '../services/board-overview.ts';

export const boardProgrammesBase = (boardId: number) => `/besturen/${boardId}/schoolprogrammas`;

/** Cents in Dutch notation, or a dash with words for "unknown". */
export const centsOrUnknown = (cents: number | null) => (cents === null ? 'onbekend' : formatCents(cents));

export function BoardOverviewPage({
  ctx,
  board,
  data,
}: {
  ctx: ViewContext;
  board: BoardRow;
  data: BoardOverviewData;
}) {
  const { overview, categories } = data;
  const base = boardProgrammesBase(board.id);
  return (
    <Layout
      ctx={ctx}
      title={`Schoolprogramma's ${board.name}`}
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: "Schoolprogramma's" }]}
    >
      <Heading level={1}>Schoolprogramma's van uw scholen</Heading>
      {/* The same for every board member while the figures stand (routes/board.tsx): rendered once. */}
      <RenderedOnce
        owner={data}
        name="overzicht"
        render={() => (
          <>
            <Paragraph lead>
              Per school: de schoolscan van dit schooljaar{data.year ? ` (${data.year.label})` : ''}, de
              laatste versie van het schoolprogramma, het besluit van de MR daarover en het geld: wat de
              school krijgt, wat het bestuur daarvan reserveerde, wat de school plant en wat zij uitgaf over
              alle jaren van het programma.
            </Paragraph>
            {overview.schools.length === 0 ? (
              <Paragraph>Er staan geen open scholen bij {board.name}.</Paragraph>
            ) : (
              <>
                {(overview.waitingForConsent > 0 || overview.overPlanned > 0) && (
                  <Alert type="warning">
                    {overview.waitingForConsent > 0 &&
                      `${overview.waitingForConsent} ${overview.waitingForConsent === 1 ? 'school wacht' : 'scholen wachten'} op het besluit van de MR. `}
                    {overview.overPlanned > 0 &&
                      `Bij ${overview.overPlanned} ${overview.overPlanned === 1 ? 'school' : 'scholen'} is meer gepland dan beschikbaar.`}
                  </Alert>
                )}
                <DataSummary
                  items={[
                    { key: 'Scholen', value: String(overview.schools.length) },
                    { key: 'Toegekend (bekend)', value: centsOrUnknown(overview.total.allocatedCents) },
                    {
                      key: 'Gereserveerd door het bestuur',
                      value: formatCents(overview.total.reservedCents),
                    },
                    { key: 'Gepland', value: formatCents(overview.total.plannedCents) },
                    { key: 'Uitgegeven', value: formatCents(overview.total.spentCents) },
                  ]}
                />
                <Table
                  caption={`Schoolprogramma's van de scholen van ${board.name}`}
                  rows={overview.schools}
                  rowKey={(s) => s.id}
                  columns={[
                    {
                      header: 'School',
                      cell: (s: SchoolOverview) => (
                        <Link href={`${base}/${s.id}`}>
                          {s.name}
                          {s.code ? ` (${s.code})` : ''}
                        </Link>
                      ),
                    },
                    { header: 'Schoolscan', cell: (s) => s.scanText },
                    { header: 'Plan', cell: (s) => s.planText },
                    { header: 'Instemming MR', cell: (s) => s.consentText },
                    {
                      header: 'Beschikbaar',
                      numeric: true,
                      cell: (s) => centsOrUnknown(s.budget.availableCents),
                    },
                    { header: 'Gepland', numeric: true, cell: (s) => formatCents(s.budget.plannedCents) },
                    { header: 'Uitgegeven', numeric: true, cell: (s) => formatCents(s.budget.spentCents) },
                    { header: 'Signaal', cell: (s) => s.flagText },
                  ]}
                />
                <Paragraph>
                  Beschikbaar is de toekenning van alle jaren samen min wat het bestuur daarvan reserveerde
                  voor bovenschoolse interventies. Een toekenning die nog niet bekend is, telt niet mee.
                </Paragraph>
                <Table
                  caption="Gepland, verplicht en uitgegeven per categorie van de menukaart, alle scholen samen"
                  rows={categories}
                  rowKey={(c) => c.code}
                  columns={[
                    { header: 'Categorie', cell: (c) => `${c.code}. ${c.short_name}` },
                    {
                      header: 'Gepland',
                      numeric: true,
                      cell: (c) => formatCents(overview.categories[c.code]?.plannedCents ?? 0),
                    },
                    {
                      header: 'Verplicht',
                      numeric: true,
                      cell: (c) => formatCents(overview.categories[c.code]?.committedCents ?? 0),
                    },
                    {
                      header: 'Uitgegeven',
                      numeric: true,
                      cell: (c) => formatCents(overview.categories[c.code]?.spentCents ?? 0),
                    },
                  ]}
                />
              </>
            )}
            <Paragraph>
              <Link href={`${base}.xlsx`}>Download dit overzicht als Excel-bestand (xlsx)</Link>
            </Paragraph>
          </>
        )}
      />
    </Layout>
  );
}
