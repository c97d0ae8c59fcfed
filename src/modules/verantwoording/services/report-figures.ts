// The figures of a board's annual report over one calendar year, put together from the rows the
// repository reads (pure: no SQL, no HTTP). What the board confirms is exactly this shape, frozen
// as JSON in board_report.confirmed_figures, so a confirmed report never changes afterwards.
//
// A school year runs from August to July, so a calendar year holds parts of two school years.
// Spending is exact (each expense has a date); what was planned per school year is counted in
// proportion to the days of that school year that fall in the calendar year, rounded once per
// school and category to whole cents.
import type { MrDecision } from '../../schoolprogramma/tables.ts';

export const reportSchema = 1;
export const categoryCodes = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export interface SchoolYearSpan {
  id: number;
  label: string;
  starts_on: string;
  ends_on: string;
}

export interface SchoolRow {
  id: number;
  name: string;
  code: string | null;
}
export interface ScanRow {
  schoolId: number;
  yearLabel: string;
}
export interface ConsentRow {
  schoolId: number;
  versionNumber: number;
  decision: MrDecision | null;
  meetingOn: string | null;
}
export interface InterventionRow {
  schoolId: number;
  category: string;
  code: string;
}
export interface PlannedRow {
  schoolId: number;
  schoolYearId: number;
  category: string;
  cents: number;
}
export interface SpentRow {
  schoolId: number;
  category: string;
  /** Hired staff not on the payroll (PNIL) is the cost type 'extern-personeel'. */
  external: boolean;
  cents: number;
}
export interface EvaluationRow {
  schoolId: number;
  code: string;
  name: string;
  evaluatedOn: string;
  decision: 'doorgaan' | 'bijstellen' | 'stoppen' | null;
  results: string;
}
export interface BoardPlanRow {
  versionNumber: number | null;
  submittedOn: string | null;
  decision: MrDecision | null;
  meetingOn: string | null;
  interventions: { category: string; title: string }[];
}

export type ConsentStatus = 'instemming' | 'geen-instemming' | 'wacht' | 'niet-voorgelegd';

export interface SchoolFigures {
  id: number;
  name: string;
  code: string | null;
  /** The school year of the newest completed scan that runs in this calendar year, or null. */
  scan: string | null;
  consent: { status: ConsentStatus; version: number | null; meetingOn: string | null };
  /** Categories A–F of the interventions that run in this calendar year. */
  categories: string[];
  interventions: number;
  plannedCents: Record<string, number>;
  spentCents: Record<string, number>;
  plannedTotal: number;
  spentTotal: number;
  externalSpentCents: number;
  evaluations: number;
}

export interface ReportFigures {
  schema: typeof reportSchema;
  year: number;
  /** When these figures were read from the platform (ISO). */
  generatedAt: string;
  categories: { code: string; name: string }[];
  schools: SchoolFigures[];
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
    decisions: { doorgaan: number; bijstellen: number; stoppen: number };
  };
  evaluations: (Omit<EvaluationRow, 'schoolId'> & { school: string })[];
  boardPlan: BoardPlanRow | null;
}

export interface ReportInput {
  year: number;
  now: Date;
  categories: { code: string; name: string }[];
  schoolYears: SchoolYearSpan[];
  schools: SchoolRow[];
  scans: ScanRow[];
  consents: ConsentRow[];
  interventions: InterventionRow[];
  planned: PlannedRow[];
  spent: SpentRow[];
  evaluations: EvaluationRow[];
  boardPlan: BoardPlanRow | null;
}

const dayMs = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;

/** The share (0–1) of a school year's days that fall in the calendar year. */
export function yearShare(span: Pick<SchoolYearSpan, 'starts_on' | 'ends_on'>, year: number): number {
  const from = span.starts_on > `${year}-01-01` ? span.starts_on : `${year}-01-01`;
  const to = span.ends_on < `${year}-12-31` ? span.ends_on : `${year}-12-31`;
  if (from > to) return 0;
  return days(from, to) / days(span.starts_on, span.ends_on);
}

/** Whether a school year has days in the calendar year. */
export const overlapsYear = (span: Pick<SchoolYearSpan, 'starts_on' | 'ends_on'>, year: number) =>
  yearShare(span, year) > 0;

/** A percentage with one decimal (e.g. 37,5), or null when there is nothing to divide by. */
export function percentage(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

const emptyCategories = () => Object.fromEntries(categoryCodes.map((c) => [c, 0])) as Record<string, number>;

function consentOf(row: ConsentRow | undefined): SchoolFigures['consent'] {
  if (!row) return { status: 'niet-voorgelegd', version: null, meetingOn: null };
  return {
    status: row.decision ?? 'wacht',
    version: row.versionNumber,
    meetingOn: row.meetingOn,
  };
}

export function buildReportFigures(input: ReportInput): ReportFigures {
  const share = new Map(input.schoolYears.map((y) => [y.id, yearShare(y, input.year)]));
  const scanOf = new Map<number, string>();
  // The newest school year wins: labels sort in time ('2021-2022' < '2022-2023').
  for (const s of input.scans)
    if ((scanOf.get(s.schoolId) ?? '') < s.yearLabel) scanOf.set(s.schoolId, s.yearLabel);
  const consentBySchool = new Map(input.consents.map((c) => [c.schoolId, c]));

  const schools: SchoolFigures[] = input.schools.map((s) => ({
    id: s.id,
    name: s.name,
    code: s.code,
    scan: scanOf.get(s.id) ?? null,
    consent: consentOf(consentBySchool.get(s.id)),
    categories: [],
    interventions: 0,
    plannedCents: emptyCategories(),
    spentCents: emptyCategories(),
    plannedTotal: 0,
    spentTotal: 0,
    externalSpentCents: 0,
    evaluations: 0,
  }));
  const byId = new Map(schools.map((s) => [s.id, s]));

  const catSchools = new Map<string, Set<number>>();
  const catInterventions = new Map<string, number>();
  for (const i of input.interventions) {
    const s = byId.get(i.schoolId);
    if (!s) continue;
    s.interventions += 1;
    if (!s.categories.includes(i.category)) s.categories.push(i.category);
    if (!catSchools.has(i.category)) catSchools.set(i.category, new Set());
    catSchools.get(i.category)!.add(s.id);
    catInterventions.set(i.category, (catInterventions.get(i.category) ?? 0) + 1);
  }
  for (const s of schools) s.categories.sort();

  // Exact fractions first, rounded once per school and category.
  const plannedExact = new Map<string, number>();
  for (const p of input.planned) {
    const f = share.get(p.schoolYearId) ?? 0;
    if (f === 0 || !byId.has(p.schoolId)) continue;
    const key = `${p.schoolId}|${p.category}`;
    plannedExact.set(key, (plannedExact.get(key) ?? 0) + p.cents * f);
  }
  for (const [key, cents] of plannedExact) {
    const [id, category] = key.split('|') as [string, string];
    const s = byId.get(Number(id))!;
    const rounded = Math.round(cents);
    s.plannedCents[category] = (s.plannedCents[category] ?? 0) + rounded;
    s.plannedTotal += rounded;
  }
  for (const x of input.spent) {
    const s = byId.get(x.schoolId);
    if (!s) continue;
    s.spentCents[x.category] = (s.spentCents[x.category] ?? 0) + x.cents;
    s.spentTotal += x.cents;
    if (x.external) s.externalSpentCents += x.cents;
  }

  const decisions = { doorgaan: 0, bijstellen: 0, stoppen: 0 };
  const evaluations: ReportFigures['evaluations'] = [];
  for (const e of input.evaluations) {
    const s = byId.get(e.schoolId);
    if (!s) continue;
    s.evaluations += 1;
    if (e.decision) decisions[e.decision] += 1;
    const { schoolId: _omit, ...rest } = e;
    evaluations.push({ school: s.name, ...rest });
  }

  const sum = (f: (s: SchoolFigures) => number) => schools.reduce((t, s) => t + f(s), 0);
  const codes = [...new Set([...input.categories.map((c) => c.code), ...categoryCodes])].sort();
  return {
    schema: reportSchema,
    year: input.year,
    generatedAt: input.now.toISOString(),
    categories: codes.map((code) => ({
      code,
      name: input.categories.find((c) => c.code === code)?.name ?? `Categorie ${code}`,
    })),
    schools,
    perCategory: codes.map((code) => ({
      code,
      schools: catSchools.get(code)?.size ?? 0,
      interventions: catInterventions.get(code) ?? 0,
      plannedCents: sum((s) => s.plannedCents[code] ?? 0),
      spentCents: sum((s) => s.spentCents[code] ?? 0),
    })),
    totals: {
      schools: schools.length,
      withScan: schools.filter((s) => s.scan !== null).length,
      withConsent: schools.filter((s) => s.consent.status === 'instemming').length,
      plannedCents: sum((s) => s.plannedTotal),
      spentCents: sum((s) => s.spentTotal),
      externalSpentCents: sum((s) => s.externalSpentCents),
      evaluations: evaluations.length,
      decisions,
    },
    evaluations,
    boardPlan: input.boardPlan,
  };
}
