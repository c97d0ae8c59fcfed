// The board's view of the schoolscan: per school and school year only whether a scan exists
// and whether it is completed. The contents stay with the school.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Paragraph, Table } from '../../../ui/components.tsx';
import type { SchoolYearRow } from '../repository/scans.ts';

export function BoardScansPage({
  ctx,
  board,
  years,
  schools,
  scans,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  years: SchoolYearRow[];
  schools: { id: number; name: string; code: string | null }[];
  scans: { school_id: number; school_year_id: number; status: string }[];
}) {
  const statusOf = (schoolId: number, yearId: number) => {
    const s = scans.find((x) => x.school_id === schoolId && x.school_year_id === yearId);
    return !s ? 'Geen scan' : s.status === 'afgerond' ? 'Afgerond' : 'In bewerking';
  };
  return (
    <Layout
      ctx={ctx}
      title={`Schoolscans ${board.name}`}
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Schoolscans' }]}
    >
      <Heading level={1}>Schoolscans van uw scholen</Heading>
      <Paragraph lead>
        Hier ziet u per school en schooljaar of er een schoolscan is en of de schoolleider die heeft afgerond.
        De inhoud van de scan en de toetsgegevens blijven bij de school.
      </Paragraph>
      {schools.length === 0 ? (
        <Paragraph>Er staan geen open scholen bij {board.name}.</Paragraph>
      ) : (
        <Table
          caption={`Schoolscans van de scholen van ${board.name}`}
          rows={schools}
          rowKey={(s) => s.id}
          columns={[
            { header: 'School', cell: (s) => `${s.name}${s.code ? ` (${s.code})` : ''}` },
            ...years.map((y) => ({
              header: y.label,
              cell: (s: { id: number }) => statusOf(s.id, y.id),
            })),
          ]}
        />
      )}
    </Layout>
  );
}
