// What the board reserved from the school's money, for what, with whose consent: the school's MR
// (the date it consented) and the GMR (the status of the board-level plan the money belongs to).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { DataSummary, Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import type { SchoolReservationRow } from '../repository/board-plan-school.ts';
import { planBase } from './base.ts';

export interface SchoolReservationView extends SchoolReservationRow {
  gmrStatus: string;
}

export function SchoolBoardReservationsPage({
  ctx,
  school,
  rows,
}: {
  ctx: ViewContext;
  school: { id: number; name: string };
  rows: SchoolReservationView[];
}) {
  const standing = rows.filter((r) => !r.withdrawn_at);
  const total = standing.reduce((n, r) => n + Number(r.amount_cents), 0);
  const title = `Bovenschoolse inzet van het geld van ${school.name}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        { href: '/overzicht', label: 'Overzicht' },
        { href: planBase(school.id), label: 'Schoolprogramma' },
        { label: 'Bovenschoolse inzet' },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        Het bestuur mag een deel van het geld van de school bovenschools inzetten, voor interventies die het
        voor meerdere scholen samen uitvoert. De MR van de school stemt vooraf in met dat deel; de GMR stemt
        in met het bovenschools plan waar het geld voor wordt gebruikt.
      </Paragraph>
      <DataSummary
        items={[
          { key: 'Gereserveerd door het bestuur (alle schooljaren)', value: formatCents(total, ctx.locale) },
          { key: 'Aantal reserveringen', value: String(standing.length) },
        ]}
      />
      {rows.length === 0 ? (
        <Paragraph>Het bestuur heeft niets van het geld van deze school gereserveerd.</Paragraph>
      ) : (
        <Table
          caption={`Reserveringen van het geld van ${school.name}`}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Schooljaar', cell: (r) => r.school_year },
            { header: 'Bedrag', numeric: true, cell: (r) => formatCents(Number(r.amount_cents), ctx.locale) },
            { header: 'Waarvoor', cell: (r) => r.purpose },
            {
              header: 'Menukaart',
              cell: (r) =>
                r.intervention_code
                  ? `${r.intervention_code} ${r.intervention_name ?? ''}`
                  : r.category_code
                    ? `Categorie ${r.category_code} ${r.category_name ?? ''}`
                    : 'Niet opgegeven',
            },
            { header: 'Bovenschoolse interventie', cell: (r) => r.plan_intervention_title ?? 'Nog geen' },
            { header: 'MR van de school stemde in op', cell: (r) => formatDate(r.mr_consent_on, ctx.locale) },
            {
              header: 'GMR',
              cell: (r) =>
                r.withdrawn_at ? `Ingetrokken op ${formatDate(r.withdrawn_at, ctx.locale)}` : r.gmrStatus,
            },
          ]}
        />
      )}
    </Layout>
  );
}
