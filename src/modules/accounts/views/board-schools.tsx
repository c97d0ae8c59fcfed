// A board's schools: number, codes and places, with a link to managing the board's people.
import type { ViewContext } from '../../../ui/context.ts';
import { placeLabel } from '../../../platform/search/place-names.ts';
import { Layout } from '../../../ui/layout.tsx';
import { DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';

interface SchoolRow {
  id: number;
  name: string;
  code: string | null;
  sector: string | null;
  place: string | null;
}

export function BoardSchoolsPage({
  ctx,
  board,
  schools,
}: {
  ctx: ViewContext;
  board: { id: number; name: string; code: string | null };
  schools: SchoolRow[];
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Scholen van ${board.name}`}
      breadcrumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Scholen' }]}
    >
      <Heading level={1}>Scholen van {board.name}</Heading>
      <DataSummary
        items={[
          { key: 'Bestuursnummer', value: board.code ?? '—' },
          { key: 'Aantal scholen', value: String(schools.length) },
        ]}
      />
      {schools.length === 0 ? (
        <Paragraph>Dit bestuur heeft nog geen scholen in het platform.</Paragraph>
      ) : (
        <Table
          caption={`Scholen van ${board.name}`}
          rows={schools}
          rowKey={(s) => s.id}
          columns={[
            { header: 'School', cell: (s) => s.name },
            { header: 'Vestigingscode', cell: (s) => s.code ?? '' },
            { header: 'Sector', cell: (s) => s.sector ?? '' },
            { header: 'Plaats', cell: (s) => placeLabel(s.place) ?? '' },
          ]}
        />
      )}
      <Paragraph>
        <Link href={`/besturen/${board.id}/mensen`}>Schoolleiders en GMR beheren</Link>
      </Paragraph>
    </Layout>
  );
}
