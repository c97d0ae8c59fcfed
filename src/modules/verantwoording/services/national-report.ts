// A generated board's confirmed annual report for one calendar year, for the national test
// dataset: the figures per school (scan, MR consent, interventions by category, money spent per
// category, PNIL share) as the board confirmed them, and the board's own texts. Pure.
//
// A calendar year takes January–July from the school year that ends in it and August–December
// from the one that starts in it, so its money is 7/12 and 5/12 of those years' spending.
import { menuCategories } from './definition.ts';
import type { MenuChoice, SchoolYearProfile } from './national-profile.ts';

export interface ReportSchool {
  id: number;
  code: string;
  name: string;
  /** Profiles by school year start (2021 = 2021-2022). */
  years: Map<number, SchoolYearProfile>;
}

export interface ReportFiguresSchool {
  schoolId: number;
  code: string;
  name: string;
  scanDone: boolean;
  mrConsent: boolean;
  interventionsByCategory: Record<string, number>;
  spentCents: Record<string, number>;
  pnilPercent: number;
}

export interface ReportFigures {
  /** Marks the shape, so a reader can tell generated figures from later versions. */
  schema: 1;
  generated: true;
  calendarYear: number;
  schools: ReportFiguresSchool[];
  totals: { spentCents: Record<string, number>; schools: number; scanDone: number; mrConsent: number };
}

const zeroCategories = () => Object.fromEntries(menuCategories.map((c) => [c, 0]));

/** One school's figures for calendar year `year`, or undefined when it had no profile then. */
function schoolFigures(
  s: ReportSchool,
  year: number,
  categoryOf: Map<string, string>,
): ReportFiguresSchool | undefined {
  const before = s.years.get(year - 1); // school year (year-1)-(year): January–July
  const after = s.years.get(year); // school year (year)-(year+1): August–December
  const main = before ?? after;
  if (!main) return undefined;
  const spentCents = zeroCategories();
  for (const c of menuCategories)
    spentCents[c] =
      Math.round(((before?.spent[c] ?? 0) * 7) / 12) + Math.round(((after?.spent[c] ?? 0) * 5) / 12);
  const interventionsByCategory = zeroCategories();
  for (const code of main.interventions) {
    const c = categoryOf.get(code);
    if (c) interventionsByCategory[c]! += 1;
  }
  return {
    schoolId: s.id,
    code: s.code,
    name: s.name,
    scanDone: main.scanDone,
    mrConsent: main.mrConsent,
    interventionsByCategory,
    spentCents,
    pnilPercent: main.pnilPercent,
  };
}

export function reportFigures(year: number, schools: ReportSchool[], menu: MenuChoice[]): ReportFigures {
  const categoryOf = new Map(menu.map((m) => [m.code, m.category]));
  const rows = schools
    .map((s) => schoolFigures(s, year, categoryOf))
    .filter((r): r is ReportFiguresSchool => r !== undefined);
  const spentCents = zeroCategories();
  for (const r of rows) for (const c of menuCategories) spentCents[c]! += r.spentCents[c]!;
  return {
    schema: 1,
    generated: true,
    calendarYear: year,
    schools: rows,
    totals: {
      spentCents,
      schools: rows.length,
      scanDone: rows.filter((r) => r.scanDone).length,
      mrConsent: rows.filter((r) => r.mrConsent).length,
    },
  };
}

/** The board's own texts (npo-facts §5.3 items), short and in the board's voice. */
export function reportTexts(random: () => number, hasVo: boolean): Record<string, string> {
  const involvement = [
    'Ouders en leraren zijn via de medezeggenschapsraden en teamvergaderingen bij de plannen betrokken.',
    'Elke school heeft de plannen met het team opgesteld en met ouders besproken op een ouderavond.',
  ];
  return {
    betrokkenheid:
      involvement[Math.floor(random() * involvement.length)]! +
      (hasVo ? ' In het voortgezet onderwijs dachten leerlingenraden mee.' : ''),
    'eerste-resultaten':
      random() < 0.5
        ? 'De scholen zien de eerste resultaten vooral in het welbevinden van leerlingen.'
        : 'De toetsresultaten voor lezen en rekenen laten herstel zien; het welbevinden blijft aandacht vragen.',
    bovenschools:
      random() < 0.4
        ? 'Een deel van het geld is bovenschools ingezet voor scholing van leraren; de GMR heeft ingestemd.'
        : 'Het bestuur heeft geen geld bovenschools ingezet.',
  };
}
