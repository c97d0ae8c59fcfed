// A generated board's confirmed annual report for one calendar year, for the national test
// dataset: the figures in the shape the report part freezes into board_report.confirmed_figures
// (ReportFigures of services/report-figures.ts: per school scan, MR consent, interventions and
// money per category, PNIL, evaluations; per category; totals), so the report pages, exports and
// monitoring read generated reports like real ones. Pure.
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

type Cents = Record<string, number>;
type ConsentStatus = 'instemming' | 'geen-instemming' | 'wacht' | 'niet-voorgelegd';
type Decision = 'doorgaan' | 'bijstellen' | 'stoppen';

export interface GeneratedSchoolFigures {
  id: number;
  name: string;
  code: string | null;
  scan: string | null;
  consent: { status: ConsentStatus; version: number | null; meetingOn: string | null };
  categories: string[];
  interventions: number;
  plannedCents: Cents;
  spentCents: Cents;
  plannedTotal: number;
  spentTotal: number;
  externalSpentCents: number;
  evaluations: number;
}

export interface GeneratedEvaluation {
  school: string;
  code: string;
  name: string;
  evaluatedOn: string;
  decision: Decision;
  results: string;
}

export interface GeneratedReportFigures {
  schema: 1;
  year: number;
  generatedAt: string;
  categories: { code: string; name: string }[];
  schools: GeneratedSchoolFigures[];
  perCategory: {
    code: string;
    schools: number;
    interventions: number;
    plannedCents: number;
    spentCents: number;
  }[];
  totals: {
    schools: number;
    withScan: number;
    withConsent: number;
    plannedCents: number;
    spentCents: number;
    externalSpentCents: number;
    evaluations: number;
    decisions: Record<Decision, number>;
  };
  evaluations: GeneratedEvaluation[];
  boardPlan: null;
}

const zero = (): Cents => Object.fromEntries(menuCategories.map((c) => [c, 0]));
const label = (start: number) => `${start}-${start + 1}`;
const results = [
  'De leerlingen in de kleine groepen halen hun achterstand bij rekenen in.',
  'Leerlingen zeggen dat ze zich veiliger voelen in de klas.',
  'De leesresultaten zijn verbeterd, maar minder dan gehoopt.',
];

function consentOf(
  random: () => number,
  p: SchoolYearProfile,
  start: number,
): GeneratedSchoolFigures['consent'] {
  const meetingOn = `${start}-10-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  if (p.mrConsent) return { status: 'instemming', version: 1, meetingOn };
  const r = random();
  if (r < 0.2) return { status: 'geen-instemming', version: 1, meetingOn };
  if (r < 0.5) return { status: 'wacht', version: 1, meetingOn: null };
  return { status: 'niet-voorgelegd', version: null, meetingOn: null };
}

/** The figures of one board for calendar year `year`; `random` is the board-year's stream. */
export function reportFigures(
  year: number,
  schools: ReportSchool[],
  menu: MenuChoice[],
  categoryNames: Map<string, string>,
  random: () => number,
  generatedAt: string,
): GeneratedReportFigures {
  const byCode = new Map(menu.map((m) => [m.code, m]));
  const rows: GeneratedSchoolFigures[] = [];
  const evaluations: GeneratedEvaluation[] = [];
  const catSchools = new Map<string, number>();
  const catInterventions = new Map<string, number>();
  for (const s of schools) {
    const before = s.years.get(year - 1); // January–July
    const after = s.years.get(year); // August–December
    const main = before ?? after;
    if (!main) continue;
    const start = before ? year - 1 : year;
    const codes = [...new Set([...(before?.interventions ?? []), ...(after?.interventions ?? [])])];
    const categories = [
      ...new Set(codes.map((c) => byCode.get(c)?.category).filter((c): c is string => !!c)),
    ].sort();
    const spentCents = zero();
    const plannedCents = zero();
    for (const c of menuCategories) {
      spentCents[c] =
        Math.round(((before?.spent[c] ?? 0) * 7) / 12) + Math.round(((after?.spent[c] ?? 0) * 5) / 12);
      // Schools planned a little more than they managed to spend.
      plannedCents[c] = Math.round(spentCents[c]! * 1.1);
    }
    const spentTotal = Object.values(spentCents).reduce((a, b) => a + b, 0);
    const consent = consentOf(random, main, start);
    // Evaluations start after the first school year has run.
    const evaluated = year > 2021 && codes.length > 0 && random() < 0.6;
    if (evaluated) {
      const code = codes[Math.floor(random() * codes.length)]!;
      const d = random();
      evaluations.push({
        school: s.name,
        code,
        name: byCode.get(code)?.name ?? code,
        evaluatedOn: `${year}-06-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        decision: d < 0.7 ? 'doorgaan' : d < 0.95 ? 'bijstellen' : 'stoppen',
        results: results[Math.floor(random() * results.length)]!,
      });
    }
    for (const c of categories) catSchools.set(c, (catSchools.get(c) ?? 0) + 1);
    for (const code of codes) {
      const c = byCode.get(code)?.category;
      if (c) catInterventions.set(c, (catInterventions.get(c) ?? 0) + 1);
    }
    rows.push({
      id: s.id,
      name: s.name,
      code: s.code,
      scan: main.scanDone ? label(start) : null,
      consent,
      categories,
      interventions: codes.length,
      plannedCents,
      spentCents,
      plannedTotal: Object.values(plannedCents).reduce((a, b) => a + b, 0),
      spentTotal,
      externalSpentCents: Math.round((spentTotal * main.pnilPercent) / 100),
      evaluations: evaluated ? 1 : 0,
    });
  }
  const sum = (f: (s: GeneratedSchoolFigures) => number) => rows.reduce((t, s) => t + f(s), 0);
  const decisions = { doorgaan: 0, bijstellen: 0, stoppen: 0 };
  for (const e of evaluations) decisions[e.decision] += 1;
  return {
    schema: 1,
    year,
    generatedAt,
    categories: menuCategories.map((code) => ({
      code,
      name: categoryNames.get(code) ?? `Categorie ${code}`,
    })),
    schools: rows,
    perCategory: menuCategories.map((code) => ({
      code,
      schools: catSchools.get(code) ?? 0,
      interventions: catInterventions.get(code) ?? 0,
      plannedCents: sum((s) => s.plannedCents[code] ?? 0),
      spentCents: sum((s) => s.spentCents[code] ?? 0),
    })),
    totals: {
      schools: rows.length,
      withScan: rows.filter((s) => s.scan !== null).length,
      withConsent: rows.filter((s) => s.consent.status === 'instemming').length,
      plannedCents: sum((s) => s.plannedTotal),
      spentCents: sum((s) => s.spentTotal),
      externalSpentCents: sum((s) => s.externalSpentCents),
      evaluations: evaluations.length,
      decisions,
    },
    evaluations,
    boardPlan: null,
  };
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
