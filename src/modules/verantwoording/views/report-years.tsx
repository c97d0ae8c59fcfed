// The board's annual reports: one per calendar year of the programme, with where each stands.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { reportCrumbs, yearBase } from './report-base.ts';

export interface YearStatus {
  year: number;
  status: 'nieuw' | 'concept' | 'bevestigd';
  confirmedAt: Date | null;
  yearEnded: boolean;
}

function statusWords(y: YearStatus): string {
  if (y.status === 'bevestigd') return `Bevestigd op ${formatDateTime(y.confirmedAt!)}`;
  if (y.status === 'concept')
    return y.yearEnded ? 'Concept: nog te bevestigen' : 'Concept: het jaar loopt nog';
  return y.yearEnded ? 'Nog niet begonnen' : 'Het jaar loopt nog';
}

export function ReportYearsPage({
  ctx,
  board,
  years,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  years: YearStatus[];
}) {
  return (
    <Layout ctx={ctx} title={`Jaarverslag ${board.name}`} breadcrumbs={reportCrumbs(board.id)}>
      <Heading level={1}>Jaarverslag: verantwoording van het Nationaal Programma Onderwijs</Heading>
      <Paragraph lead>
        In het bestuursverslag over elk kalenderjaar legt {board.name} verantwoording af over het programma:
        of de scholen een schoolscan maakten, welke soorten interventies zij kozen, of de MR instemde, hoe het
        geld per categorie werd besteed, welk deel naar personeel niet in loondienst ging en wat de eerste
        resultaten zijn. Het platform zet de cijfers van uw scholen klaar; u vult de teksten van het bestuur
        aan en bevestigt.
      </Paragraph>
      <Table
        caption="Jaarverslagen per kalenderjaar"
        rows={years}
        rowKey={(y) => y.year}
        columns={[
          {
            header: 'Jaar',
            cell: (y: YearStatus) => <Link href={yearBase(board.id, y.year)}>Jaarverslag {y.year}</Link>,
          },
          { header: 'Stand', cell: statusWords },
        ]}
      />
    </Layout>
  );
}
