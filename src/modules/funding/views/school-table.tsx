// The table of schools with their amount per school year (lookup results, board and municipality pages).
import { Link, Table } from '../../../ui/components.tsx';
import { placeLabel } from '../../../platform/search/place-names.ts';
import { format, type Locale } from '../../../platform/i18n/i18n.ts';
import { fundingText } from '../messages.ts';
import type { AllocationRow } from '../repository/allocations.ts';
import type { SchoolListRow } from '../repository/schools.ts';
import { sectorText, allocationCell, byRun } from './format.tsx';
import type { YearWithRun } from '../services/years.ts';

export function SchoolTable({
  locale,
  caption,
  schools,
  years,
  allocations,
}: {
  locale: Locale;
  caption: string;
  schools: SchoolListRow[];
  years: YearWithRun[];
  allocations: AllocationRow[];
}) {
  const t = fundingText(locale);
  const map = byRun(allocations);
  const paid = years.filter((y) => y.currentRunId);
  return (
    <Table
      caption={caption}
      rows={schools}
      rowKey={(s) => s.id}
      columns={[
        {
          header: t.colSchool,
          cell: (s) => <Link href={`/bedragen/scholen/${encodeURIComponent(s.code)}`}>{s.name}</Link>,
        },
        { header: t.colCode, cell: (s) => <span class="npo-reference">{s.code}</span> },
        { header: t.colPlace, cell: (s) => placeLabel(s.place ?? s.municipalityName) ?? '' },
        { header: t.colKind, cell: (s) => sectorText(s.sector) + (s.closedOn ? t.closed : '') },
        ...paid.map((y) => ({
          header: format(t.amountIn, { year: y.label }),
          numeric: true,
          cell: (s: SchoolListRow) => allocationCell(map.get(`${y.currentRunId}|${s.id}`), locale),
        })),
      ]}
    />
  );
}
