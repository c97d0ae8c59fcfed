// A generated board's confirmed annual report for one calendar year, for the national test
// dataset. The generated schools' profiles become the rows the repository would read for a real
// board (scans, MR consent, interventions, planned and spent money, evaluations), and
// buildReportFigures (services/report-figures.ts) adds them up exactly as it does for a real
// report, so the report pages, exports and monitoring read generated reports like real ones. Pure.
//
// A calendar year takes January–July from the school year that ends in it and August–December
// from the one that starts in it, so its spending is 7/12 and 5/12 of those years' spending;
// what was planned (a little more than was spent) is shared out by days, as for a real report.
import { menuCategories } from './definition.ts';
import type { MenuChoice, SchoolYearProfile } from './national-profile.ts';
import {
  buildReportFigures,
  type ConsentRow,
  type EvaluationRow,
  type InterventionRow,
  type PlannedRow,
  type ReportFigures,
  type SpentRow,
} from './report-figures.ts';

export interface ReportSchool {
  id: number;
  code: string;
  name: string;
  /** Profiles by school year start (2021 = 2021-2022). */
  years: Map<number, SchoolYearProfile>;
}

const label = (start: number) => `${start}-${start + 1}`;
const results = [
  'De leerlingen in de kleine groepen halen hun achterstand bij rekenen in.',
  'Leerlingen zeggen dat ze zich veiliger voelen in de klas.',
  'De leesresultaten zijn verbeterd, maar minder dan gehoopt.',
];

/** The MR's decision on the school's plan, as a consent row (none: never put to the MR). */
function consentOf(
  random: () => number,
  p: SchoolYearProfile,
  schoolId: number,
  start: number,
): ConsentRow | null {
  const meetingOn = `${start}-10-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  if (p.mrConsent) return { schoolId, versionNumber: 1, decision: 'instemming', meetingOn };
  const r = random();
  if (r < 0.2) return { schoolId, versionNumber: 1, decision: 'geen-instemming', meetingOn };
  if (r < 0.5) return { schoolId, versionNumber: 1, decision: null, meetingOn: null };
  return null;
}

/** The figures of one board for calendar year `year`; `random` is the board-year's stream. */
export function reportFigures(
  year: number,
  schools: ReportSchool[],
  menu: MenuChoice[],
  categoryNames: Map<string, string>,
  random: () => number,
  generatedAt: string,
): ReportFigures {
  const byCode = new Map(menu.map((m) => [m.code, m]));
  const input = {
    schools: [] as { id: number; name: string; code: string | null }[],
    scans: [] as { schoolId: number; yearLabel: string }[],
    consents: [] as ConsentRow[],
    interventions: [] as InterventionRow[],
    planned: [] as PlannedRow[],
    spent: [] as SpentRow[],
    evaluations: [] as EvaluationRow[],
  };
  for (const s of schools) {
    const before = s.years.get(year - 1); // January–July
    const after = s.years.get(year); // August–December
    const main = before ?? after;
    if (!main) continue;
    const start = before ? year - 1 : year;
    input.schools.push({ id: s.id, name: s.name, code: s.code });
    if (main.scanDone) input.scans.push({ schoolId: s.id, yearLabel: label(start) });
    const consent = consentOf(random, main, s.id, start);
    if (consent) input.consents.push(consent);

    const codes = [...new Set([...(before?.interventions ?? []), ...(after?.interventions ?? [])])];
    for (const code of codes) {
      const category = byCode.get(code)?.category;
      if (category) input.interventions.push({ schoolId: s.id, category, code });
    }
    // Schools planned a little more than they managed to spend.
    for (const [start, p] of [
      [year - 1, before],
      [year, after],
    ] as const)
      for (const c of menuCategories)
        if (p)
          input.planned.push({
            schoolId: s.id,
            schoolYearId: start,
            category: c,
            cents: Math.round((p.spent[c] ?? 0) * 1.1),
          });
    const spent = menuCategories.map((c) => ({
      category: c,
      cents: Math.round(((before?.spent[c] ?? 0) * 7) / 12) + Math.round(((after?.spent[c] ?? 0) * 5) / 12),
    }));
    // The share spent on staff not on the payroll (PNIL), taken from the categories in order.
    let external = Math.round((spent.reduce((t, x) => t + x.cents, 0) * main.pnilPercent) / 100);
    for (const x of spent) {
      const part = Math.min(x.cents, external);
      external -= part;
      if (part) input.spent.push({ schoolId: s.id, category: x.category, external: true, cents: part });
      if (x.cents - part)
        input.spent.push({ schoolId: s.id, category: x.category, external: false, cents: x.cents - part });
    }

    // Evaluations start after the first school year has run.
    if (year > 2021 && codes.length > 0 && random() < 0.6) {
      const code = codes[Math.floor(random() * codes.length)]!;
      const d = random();
      input.evaluations.push({
        schoolId: s.id,
        code,
        name: byCode.get(code)?.name ?? code,
        evaluatedOn: `${year}-06-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        decision: d < 0.7 ? 'doorgaan' : d < 0.95 ? 'bijstellen' : 'stoppen',
        results: results[Math.floor(random() * results.length)]!,
      });
    }
  }
  const schoolYear = (start: number) => ({
    id: start,
    label: label(start),
    starts_on: `${start}-08-01`,
    ends_on: `${start + 1}-07-31`,
  });
  return buildReportFigures({
    ...input,
    year,
    now: new Date(generatedAt),
    categories: menuCategories.map((code) => ({
      code,
      name: categoryNames.get(code) ?? `Categorie ${code}`,
    })),
    schoolYears: [schoolYear(year - 1), schoolYear(year)],
    boardPlan: null,
  });
}

/** The board's own texts (the report part's keys); no bovenschools plan is generated, so those stay empty. */
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
    bovenschools: '',
    gmr: '',
  };
}
