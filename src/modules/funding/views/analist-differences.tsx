// The analist's page of differences between the current and the previous run of a year.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { FundingYear } from '../repository/years.ts';
import { Money, diffText, YearChooser } from './format.tsx';

export function DifferencesPage({
  ctx,
  year,
  years,
  boards,
  schools,
}: {
  ctx: ViewContext;
  year: FundingYear | undefined;
  years: FundingYear[];
  boards: { board_id: number; code: string | null; name: string; old_total: number; new_total: number }[];
  schools: {
    school_id: number;
    code: string;
    name: string;
    board_name: string | null;
    old_total: number | null;
    new_total: number | null;
  }[];
}) {
  const shown = schools.slice(0, 500);
  return (
    <Layout
      ctx={ctx}
      title="Verschillen met de vorige berekening"
      breadcrumbs={[{ href: '/beheer/bekostiging', label: 'Bekostiging' }, { label: 'Verschillen' }]}
    >
      <Heading level={1}>Verschillen met de vorige berekening</Heading>
      <YearChooser
        action="/beheer/bekostiging/verschillen"
        years={years.filter((y) => y.previousRunId)}
        selected={year?.label}
      />
      {!year || !year.previousRunId ? (
        <Paragraph>Er is nog geen eerdere berekening om mee te vergelijken.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {boards.length === 0 && schools.length === 0
              ? `De laatste berekening van ${year.label} geeft dezelfde bedragen als de vorige.`
              : `${formatNumber(schools.length)} scholen en ${formatNumber(boards.length)} besturen krijgen in ${year.label} een ander bedrag dan bij de vorige berekening.`}
          </Paragraph>
          {boards.length > 0 && (
            <Table
              caption={`Verschil per bestuur ${year.label}`}
              rows={boards}
              rowKey={(b) => b.board_id}
              columns={[
                { header: 'Bestuur', cell: (b) => b.name },
                { header: 'Was', numeric: true, cell: (b) => formatCents(Number(b.old_total)) },
                { header: 'Wordt', numeric: true, cell: (b) => formatCents(Number(b.new_total)) },
                {
                  header: 'Verschil',
                  numeric: true,
                  cell: (b) => diffText(Number(b.old_total), Number(b.new_total)),
                },
              ]}
            />
          )}
          {shown.length > 0 && (
            <Table
              caption={`Verschil per school ${year.label}${schools.length > shown.length ? ` (de ${shown.length} grootste)` : ''}`}
              rows={shown}
              rowKey={(s) => s.school_id}
              columns={[
                {
                  header: 'School',
                  cell: (s) => <Link href={`/bedragen/scholen/${encodeURIComponent(s.code)}`}>{s.name}</Link>,
                },
                { header: 'Bestuur', cell: (s) => s.board_name ?? '' },
                { header: 'Was', numeric: true, cell: (s) => <Money cents={s.old_total} /> },
                { header: 'Wordt', numeric: true, cell: (s) => <Money cents={s.new_total} /> },
                { header: 'Verschil', numeric: true, cell: (s) => diffText(s.old_total, s.new_total) },
              ]}
            />
          )}
        </>
      )}
    </Layout>
  );
}
