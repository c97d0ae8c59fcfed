// Shared pieces of the board-level plan's pages: addresses, breadcrumbs, and one board-level
// intervention with the schools that contribute to it (draft and frozen versions look alike).
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import type { Crumb } from '../../../ui/layout.tsx';
import { DataSummary, Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import { totalCents, type SnapshotIntervention } from '../services/board-plan-snapshot.ts';

/** /besturen/3/bovenschools — the board-level plan's home page. */
export const boardPlanBase = (boardId: number) => `/besturen/${boardId}/bovenschools`;

export function boardPlanCrumbs(boardId: number, last?: string): Crumb[] {
  return [
    { href: '/overzicht', label: 'Overzicht' },
    ...(last
      ? [{ href: boardPlanBase(boardId), label: 'Bovenschools plan' }, { label: last }]
      : [{ label: 'Bovenschools plan' }]),
  ];
}

export function InterventionBlock({
  ctx,
  intervention: i,
  headingLevel,
  actions,
}: {
  ctx: ViewContext;
  intervention: SnapshotIntervention;
  headingLevel: 2 | 3;
  actions?: ComponentChildren;
}) {
  return (
    <section class="npo-stack" aria-label={i.title}>
      <Heading level={headingLevel}>{i.title}</Heading>
      <DataSummary
        items={[
          { key: 'Categorie', value: `${i.categoryCode} ${i.categoryName}`.trim() },
          {
            key: 'Interventie van de menukaart',
            value: i.interventionCode
              ? `${i.interventionCode} ${i.interventionName ?? ''}`
              : 'Geen bepaalde interventie',
          },
          { key: 'Verantwoordelijke', value: i.responsible },
          { key: 'Beschrijving', value: i.description || 'Geen beschrijving' },
          { key: 'Totaal bijgedragen door scholen', value: formatCents(totalCents(i), ctx.locale) },
        ]}
      />
      {i.contributions.length === 0 ? (
        <Paragraph>
          Nog geen school draagt bij. Het bestuur koppelt een reservering aan deze interventie op de pagina
          Bekostiging.
        </Paragraph>
      ) : (
        <Table
          caption={`Bijdragen van scholen aan ${i.title}`}
          rows={i.contributions}
          rowKey={(c) => c.reservationId}
          columns={[
            { header: 'School', cell: (c) => c.schoolName },
            { header: 'Schooljaar', cell: (c) => c.schoolYear },
            { header: 'Bedrag', numeric: true, cell: (c) => formatCents(c.amountCents, ctx.locale) },
            { header: 'MR van de school stemde in op', cell: (c) => formatDate(c.mrConsentOn, ctx.locale) },
          ]}
        />
      )}
      {actions}
    </section>
  );
}
