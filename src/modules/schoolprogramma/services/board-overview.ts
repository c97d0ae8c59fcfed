// The board overview's figures, from the rows of repository/board-overview.ts: per school the
// money (allocated minus the board's reservations = available; planned, committed, spent), the
// over-planning flag in words, the scan and consent status in words; per category A–F the
// totals. Pure functions, so the rules are unit-tested without a database.
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { ScanStatus } from '../../schoolscan/tables.ts';
import type { MrDecision } from '../tables.ts';
import type { MoneyRow, SchoolStatusRow, YearMoneyRow } from '../repository/board-overview.ts';

export interface Money {
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

export interface Budget extends Money {
  /** Null when no year has a known allocation. */
  allocatedCents: number | null;
  reservedCents: number;
  /** Allocated minus reserved; null when the allocation is unknown. */
  availableCents: number | null;
  /** Planned beyond what is available (0 when within it or unknown). */
  overCents: number;
}

export interface SchoolOverview extends SchoolStatusRow {
  budget: Budget;
  byCategory: Record<string, Money>;
  scanText: string;
  consentText: string;
  planText: string;
  flagText: string;
}

const zero = (): Money => ({ plannedCents: 0, committedCents: 0, spentCents: 0 });
const add = (to: Money, from: Money) => {
  to.plannedCents += from.plannedCents;
  to.committedCents += from.committedCents;
  to.spentCents += from.spentCents;
};

export function scanStatusText(status: ScanStatus | null): string {
  if (status === 'afgerond') return 'Afgerond';
  if (status === 'concept') return 'In bewerking';
  return 'Geen scan';
}

export function consentText(versionNumber: number | null, decision: MrDecision | null): string {
  if (versionNumber === null) return 'Nog niet ingediend';
  if (decision === 'instemming') return 'Instemming';
  if (decision === 'geen-instemming') return 'Geen instemming';
  return 'Wacht op de MR';
}

/** True when the latest version waits for the MR's decision. */
export const waitsForConsent = (s: Pick<SchoolStatusRow, 'versionNumber' | 'decision'>) =>
  s.versionNumber !== null && s.decision === null;

export function planText(s: Pick<SchoolStatusRow, 'planId' | 'versionNumber'>): string {
  if (s.planId === null) return 'Geen plan';
  return s.versionNumber === null ? 'Concept, nooit ingediend' : `Versie ${s.versionNumber}`;
}

/** The budget of planned money against what is available; the flag says over-planning in words. */
export function budgetOf(
  money: Money,
  years: Pick<YearMoneyRow, 'allocatedCents' | 'reservedCents'>[],
): Budget {
  const known = years.filter((y) => y.allocatedCents !== null);
  const allocatedCents = known.length ? known.reduce((n, y) => n + y.allocatedCents!, 0) : null;
  const reservedCents = years.reduce((n, y) => n + y.reservedCents, 0);
  const availableCents = allocatedCents === null ? null : allocatedCents - reservedCents;
  const overCents =
    availableCents !== null && money.plannedCents > availableCents ? money.plannedCents - availableCents : 0;
  return { ...money, allocatedCents, reservedCents, availableCents, overCents };
}

export function flagText(b: Budget): string {
  if (b.overCents > 0) return `Te veel gepland: ${formatCents(b.overCents)} meer dan beschikbaar`;
  if (b.availableCents === null) return b.plannedCents > 0 ? 'Toekenning nog onbekend' : 'Niets gepland';
  return 'Binnen het budget';
}

export interface BoardOverview {
  schools: SchoolOverview[];
  /** Totals of all schools per category code. */
  categories: Record<string, Money>;
  total: Budget;
  waitingForConsent: number;
  overPlanned: number;
}

export function buildOverview(
  statuses: SchoolStatusRow[],
  money: MoneyRow[],
  years: YearMoneyRow[],
): BoardOverview {
  const categories: Record<string, Money> = {};
  const schools = statuses.map((s): SchoolOverview => {
    const byCategory: Record<string, Money> = {};
    const sum = zero();
    for (const m of money.filter((r) => r.schoolId === s.id)) {
      add((byCategory[m.category] ??= zero()), m);
      add((categories[m.category] ??= zero()), m);
      add(sum, m);
    }
    const budget = budgetOf(
      sum,
      years.filter((y) => y.schoolId === s.id),
    );
    return {
      ...s,
      budget,
      byCategory,
      scanText: scanStatusText(s.scanStatus),
      consentText: consentText(s.versionNumber, s.decision),
      planText: planText(s),
      flagText: flagText(budget),
    };
  });
  const known = schools.filter((s) => s.budget.allocatedCents !== null);
  const total: Budget = {
    plannedCents: 0,
    committedCents: 0,
    spentCents: 0,
    allocatedCents: known.length ? known.reduce((n, s) => n + s.budget.allocatedCents!, 0) : null,
    reservedCents: schools.reduce((n, s) => n + s.budget.reservedCents, 0),
    availableCents: null,
    overCents: schools.reduce((n, s) => n + s.budget.overCents, 0),
  };
  for (const s of schools) add(total, s.budget);
  total.availableCents = total.allocatedCents === null ? null : total.allocatedCents - total.reservedCents;
  return {
    schools,
    categories,
    total,
    waitingForConsent: schools.filter(waitsForConsent).length,
    overPlanned: schools.filter((s) => s.budget.overCents > 0).length,
  };
}

export interface YearLine {
  schoolYearId: number;
  label: string;
  budget: Budget;
  flagText: string;
  byCategory: Record<string, Money>;
}

/** The drill-down: one school's money per programme year, each with its own flag, and by category. */
export function schoolYears(
  years: { id: number; label: string }[],
  money: MoneyRow[],
  yearMoney: YearMoneyRow[],
): YearLine[] {
  return years.map((y) => {
    const byCategory: Record<string, Money> = {};
    const sum = zero();
    for (const m of money.filter((r) => r.schoolYearId === y.id)) {
      add((byCategory[m.category] ??= zero()), m);
      add(sum, m);
    }
    const budget = budgetOf(
      sum,
      yearMoney.filter((r) => r.schoolYearId === y.id),
    );
    return { schoolYearId: y.id, label: y.label, budget, flagText: flagText(budget), byCategory };
  });
}
