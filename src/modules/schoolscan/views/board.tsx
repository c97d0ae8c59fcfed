// The board's view of the schoolscan: per school and school year whether a scan exists and
// whether it is completed, and the focus points of completed scans — domain, groups, how
// serious, goal. The evidence, the analysis and the pupils' data stay with the school.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Paragraph, Table } from '../../../ui/components.tsx';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { BoardFocusPointRow } from '../repository/focus-points.ts';
import { focusDomainLabel } from '../services/focus-domains.ts';
import { gradesText, severityLabel } from './focus-points.tsx';

export function BoardScansPage({
  ctx,
  board,
  years,
  schools,
  scans,
  focusPoints,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  years: SchoolYearRow[];
  schools: { id: number; name: string; code: string | null }[];
  scans: { school_id: number; school_year_id: number; status: string }[];
  /** Focus points of completed scans only (repository/focus-points.ts boardFocusPoints). */
  focusPoints: BoardFocusPointRow[];
}) {
  const statusOf = (schoolId: number, yearId: number) => {
    const s = scans.find((x) => x.school_id === schoolId && x.school_year_id === yearId);
    return !s ? 'Geen scan' : s.status === 'afgerond' ? 'Afgerond' : 'In bewerking';
  };
  const schoolName = (s: { name: string; code: string | null }) => `${s.name}${s.code ? ` (${s.code})` : ''}`;
  const withPoints = schools.filter((s) => focusPoints.some((p) => p.school_id === s.id));
  return (
    <Layout
      ctx={ctx}
      title={`Schoolscans ${board.name}`}
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Schoolscans' }]}
    >
      <Heading level={1}>Schoolscans van uw scholen</Heading>
      <Paragraph lead>
        Hier ziet u per school en schooljaar of er een schoolscan is en of de schoolleider die heeft afgerond,
        en de aandachtspunten van afgeronde scans. De analyse, de onderbouwing en de toetsgegevens blijven bij
        de school.
      </Paragraph>
      {schools.length === 0 ? (
        <Paragraph>Er staan geen open scholen bij {board.name}.</Paragraph>
      ) : (
        <>
          <Table
            caption={`Schoolscans van de scholen van ${board.name}`}
            rows={schools}
            rowKey={(s) => s.id}
            columns={[
              { header: 'School', cell: (s) => schoolName(s) },
              ...years.map((y) => ({
                header: y.label,
                cell: (s: { id: number }) => statusOf(s.id, y.id),
              })),
            ]}
          />
          <Heading level={2} id="aandachtspunten">
            Aandachtspunten
          </Heading>
          {withPoints.length === 0 ? (
            <Paragraph>Er zijn nog geen aandachtspunten van afgeronde schoolscans.</Paragraph>
          ) : (
            withPoints.map((s) => (
              <section key={s.id} aria-labelledby={`school-${s.id}`} class="npo-stack">
                <Heading level={3} id={`school-${s.id}`}>
                  {schoolName(s)}
                </Heading>
                {years
                  .filter((y) => focusPoints.some((p) => p.school_id === s.id && p.school_year_id === y.id))
                  .map((y) => (
                    <Table
                      key={y.id}
                      caption={`Aandachtspunten van ${s.name}, schoolscan ${y.label}`}
                      rows={focusPoints.filter((p) => p.school_id === s.id && p.school_year_id === y.id)}
                      rowKey={(p) => p.id}
                      columns={[
                        { header: 'Domein', cell: (p) => focusDomainLabel(p.domain) },
                        { header: 'Groepen', cell: (p) => gradesText(p.grades) },
                        { header: 'Hoe ernstig', cell: (p) => severityLabel(p.severity) },
                        { header: 'Doel', cell: (p) => <span class="npo-diff-text">{p.goal}</span> },
                      ]}
                    />
                  ))}
              </section>
            ))
          )}
        </>
      )}
    </Layout>
  );
}
