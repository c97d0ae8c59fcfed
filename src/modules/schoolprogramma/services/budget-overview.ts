// The arithmetic of the budget overview, in cents only and pure: what the school has per school
// year (its allocation minus what its board reserved), what it planned, committed and spent,
// what carries over to later years, the PNIL share, and the two warnings:
//
// - Over-planning: a year plans more than it has (available plus what earlier years left over),
//   or the whole plan is more than the whole allocation. Allowed, but the page and the board say so.
//   Money left over moves on to later years; a shortfall does not (it is paid from other money).
// - Money at risk: what is expected to be left when the last school year ends (31 July 2025, the
//   spending deadline). Years that have ended count with what was spent; years still to come with
//   what is planned (or spent, when that is more). Whatever is left then cannot be spent anymore.
//
// Every total is computed here from the lines; nothing typed is a total.
import { costTypes, type CostType } from '../tables.ts';
import { shareBp } from './budget-amounts.ts';

export interface YearInput {
  schoolYearId: number;
  label: string;
  endsOn: string;
  /** Null when the funding module has no allocation for the school this year (yet). */
  allocationCents: number | null;
  reservedCents: number;
}

export interface BudgetLineInput {
  planInterventionId: number;
  schoolYearId: number;
  costType: CostType;
  plannedCents: number;
  committedCents: number;
}

export interface SpentInput {
  planInterventionId: number;
  schoolYearId: number;
  costType: CostType;
  amountCents: number;
}

export interface InterventionInput {
  planInterventionId: number;
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
}

export interface Amounts {
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

export interface YearRow extends Amounts {
  schoolYearId: number;
  label: string;
  ended: boolean;
  allocationCents: number | null;
  reservedCents: number;
  availableCents: number;
  /** Left over from earlier years (what they had minus what they spent, or will spend). */
  carryInCents: number;
  /** Left for later years: available + carry-in − spent (ended) or − max(planned, spent). */
  carryOutCents: number;
  /** Planned beyond what the year has (available + carry-in); 0 when within. */
  overPlannedCents: number;
}

export interface BudgetOverview {
  years: YearRow[];
  total: Amounts & { allocationCents: number; reservedCents: number; availableCents: number };
  pnil: {
    plannedCents: number;
    spentCents: number;
    plannedShareBp: number | null;
    spentShareBp: number | null;
  };
  perCostType: Array<Amounts & { costType: CostType }>;
  perIntervention: Array<Amounts & InterventionInput>;
  perCategory: Array<Amounts & { categoryCode: string; categoryName: string }>;
  warnings: {
    /** Years whose planning goes beyond what they have, with by how much. */
    overPlannedYears: Array<{ label: string; cents: number }>;
    /** The whole plan beyond the whole available amount; 0 when within. */
    overPlannedTotalCents: number;
    /** Expected to be left unspent when the last year ends. */
    atRiskCents: number;
    /** True once the spending deadline has passed: what is left can no longer be spent. */
    deadlinePassed: boolean;
    /** Years without a known allocation (counted as € 0). */
    unknownAllocationYears: string[];
  };
}

const zero = (): Amounts => ({ plannedCents: 0, committedCents: 0, spentCents: 0 });

function add(into: Amounts, a: Partial<Amounts>) {
  into.plannedCents += a.plannedCents ?? 0;
  into.committedCents += a.committedCents ?? 0;
  into.spentCents += a.spentCents ?? 0;
}

/** Sums lines and expenses by a key, in one pass each. */
function sumBy<K>(
  lines: BudgetLineInput[],
  spent: SpentInput[],
  key: (x: { planInterventionId: number; schoolYearId: number; costType: CostType }) => K,
): Map<K, Amounts> {
  const out = new Map<K, Amounts>();
  const at = (k: K) => out.get(k) ?? out.set(k, zero()).get(k)!;
  for (const l of lines) add(at(key(l)), l);
  for (const s of spent) add(at(key(s)), { spentCents: s.amountCents });
  return out;
}

export function computeBudgetOverview(input: {
  years: YearInput[];
  lines: BudgetLineInput[];
  spent: SpentInput[];
  interventions: InterventionInput[];
  /** 'YYYY-MM-DD' of today, to know which years have ended. */
  today: string;
  spendUntil: string | null;
}): BudgetOverview {
  const { years, lines, spent, interventions, today } = input;
  const byYear = sumBy(lines, spent, (x) => x.schoolYearId);
  let carry = 0;
  const yearRows: YearRow[] = years.map((y) => {
    const a = byYear.get(y.schoolYearId) ?? zero();
    const availableCents = (y.allocationCents ?? 0) - y.reservedCents;
    const ended = y.endsOn < today;
    const has = availableCents + carry;
    const used = ended ? a.spentCents : Math.max(a.plannedCents, a.spentCents);
    const row: YearRow = {
      schoolYearId: y.schoolYearId,
      label: y.label,
      ended,
      allocationCents: y.allocationCents,
      reservedCents: y.reservedCents,
      availableCents,
      carryInCents: carry,
      ...a,
      carryOutCents: has - used,
      overPlannedCents: Math.max(0, a.plannedCents - has),
    };
    // A shortfall does not move on: the school pays it that year from other money.
    carry = Math.max(0, row.carryOutCents);
    return row;
  });
  const total = {
    allocationCents: 0,
    reservedCents: 0,
    availableCents: 0,
    ...zero(),
  };
  for (const r of yearRows) {
    total.allocationCents += r.allocationCents ?? 0;
    total.reservedCents += r.reservedCents;
    total.availableCents += r.availableCents;
    add(total, r);
  }
  const byType = sumBy(lines, spent, (x) => x.costType);
  const perCostType = costTypes.map((costType) => ({ costType, ...(byType.get(costType) ?? zero()) }));
  const pnilAmounts = byType.get('extern-personeel') ?? zero();
  const byIntervention = sumBy(lines, spent, (x) => x.planInterventionId);
  const perIntervention = interventions.map((i) => ({
    ...i,
    ...(byIntervention.get(i.planInterventionId) ?? zero()),
  }));
  const categories = new Map<string, Amounts & { categoryCode: string; categoryName: string }>();
  for (const i of perIntervention) {
    const c =
      categories.get(i.categoryCode) ??
      categories
        .set(i.categoryCode, { categoryCode: i.categoryCode, categoryName: i.categoryName, ...zero() })
        .get(i.categoryCode)!;
    add(c, i);
  }
  const last = yearRows[yearRows.length - 1];
  return {
    years: yearRows,
    total,
    pnil: {
      plannedCents: pnilAmounts.plannedCents,
      spentCents: pnilAmounts.spentCents,
      plannedShareBp: shareBp(pnilAmounts.plannedCents, total.plannedCents),
      spentShareBp: shareBp(pnilAmounts.spentCents, total.spentCents),
    },
    perCostType,
    perIntervention,
    perCategory: [...categories.values()].sort((a, b) => a.categoryCode.localeCompare(b.categoryCode)),
    warnings: {
      overPlannedYears: yearRows
        .filter((r) => r.overPlannedCents > 0)
        .map((r) => ({ label: r.label, cents: r.overPlannedCents })),
      overPlannedTotalCents: Math.max(0, total.plannedCents - total.availableCents),
      atRiskCents: Math.max(0, last?.carryOutCents ?? 0),
      deadlinePassed: input.spendUntil !== null && today > input.spendUntil,
      unknownAllocationYears: yearRows.filter((r) => r.allocationCents === null).map((r) => r.label),
    },
  };
}

/** True when the overview has something the school leader should act on. */
export function needsAttention(o: BudgetOverview): boolean {
  return (
    o.warnings.overPlannedYears.length > 0 ||
    o.warnings.overPlannedTotalCents > 0 ||
    o.warnings.atRiskCents > 0
  );
}
