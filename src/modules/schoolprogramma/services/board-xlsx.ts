// The board overview as a workbook (platform/xlsx): one sheet per view of the pages — the schools, the
// totals per category A–F, and per school, school year and category (the drill-downs together).
// Money goes in as euro numbers with a euro number format, so a spreadsheet can add them up.
import { euros, Workbook, type SheetColumn } from '../../../platform/xlsx/workbook.ts';
import type { BoardOverviewData } from './board-data.ts';
import type { Money } from './board-overview.ts';

const moneyCols: SheetColumn[] = [
  { header: 'Gepland', width: 16, money: true },
  { header: 'Verplicht', width: 16, money: true },
  { header: 'Uitgegeven', width: 16, money: true },
];
const moneyCells = (m: Money | undefined) => [
  euros(m?.plannedCents ?? 0),
  euros(m?.committedCents ?? 0),
  euros(m?.spentCents ?? 0),
];

export async function boardWorkbook(boardName: string, data: BoardOverviewData): Promise<Buffer> {
  const wb = await Workbook.create(`Schoolprogramma's van ${boardName}`);
  const { overview, categories } = data;
  wb.sheet(
    'Scholen',
    [
      { header: 'School', width: 36 },
      { header: 'Brinnummer', width: 12 },
      { header: `Schoolscan ${data.year?.label ?? ''}`.trim(), width: 18 },
      { header: 'Plan', width: 24 },
      { header: 'Instemming MR', width: 20 },
      { header: 'Toegekend', width: 16, money: true },
      { header: 'Gereserveerd door bestuur', width: 16, money: true },
      { header: 'Beschikbaar', width: 16, money: true },
      ...moneyCols,
      { header: 'Signaal', width: 48 },
    ],
    overview.schools.map((s) => [
      s.name,
      s.code,
      s.scanText,
      s.planText,
      s.consentText,
      euros(s.budget.allocatedCents),
      euros(s.budget.reservedCents),
      euros(s.budget.availableCents),
      ...moneyCells(s.budget),
      s.flagText,
    ]),
  );
  wb.sheet(
    'Per categorie',
    [{ header: 'Categorie', width: 12 }, { header: 'Naam', width: 40 }, ...moneyCols],
    categories.map((c) => [c.code, c.name, ...moneyCells(overview.categories[c.code])]),
  );
  const yearLabel = new Map(data.years.map((y) => [y.id, y.label]));
  const schoolName = new Map(overview.schools.map((s) => [s.id, s.name]));
  wb.sheet(
    'Per school, jaar en categorie',
    [
      { header: 'School', width: 36 },
      { header: 'Schooljaar', width: 12 },
      { header: 'Categorie', width: 12 },
      ...moneyCols,
    ],
    data.money
      .filter((m) => schoolName.has(m.schoolId))
      .sort(
        (a, b) =>
          schoolName.get(a.schoolId)!.localeCompare(schoolName.get(b.schoolId)!, 'nl') ||
          a.schoolId - b.schoolId ||
          (yearLabel.get(a.schoolYearId) ?? '').localeCompare(yearLabel.get(b.schoolYearId) ?? '') ||
          a.category.localeCompare(b.category),
      )
      .map((m) => [
        schoolName.get(m.schoolId)!,
        yearLabel.get(m.schoolYearId) ?? '',
        m.category,
        ...moneyCells(m),
      ]),
  );
  return wb.bytes();
}
