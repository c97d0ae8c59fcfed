// The keuzehulp's rules (pure: no HTTP, no SQL): which interventions of the menu in force fit a
// focus point, in what order, what they cost for the focus point's target group, how much money
// the school has left for the school year, and a suggestion across all focus points that gives
// the most expected benefit within that money.
import { costBand } from '../../menukaart/services/scales.ts';
import { compareCodes } from '../../menukaart/services/catalogue.ts';
import type { FocusSeverity } from '../tables.ts';
import { fitsDomain, menuSectorOf, ruleFor, type CategoryRule } from './keuzehulp-rules.ts';

/** An intervention of the menu in force, as the keuzehulp needs it. */
export interface MenuItem {
  id: number;
  code: string;
  name: string;
  categoryCode: string;
  sectors: string[];
  effectMonths: number | null;
  evidence: number | null;
  cost: number | null;
  withdrawn: boolean;
}

export interface FocusPointInput {
  id: number;
  domain: string;
  pupils: number;
  severity: FocusSeverity;
  position: number;
}

/** The cost of an intervention for a target group per school year: a range in cents. */
export interface Estimate {
  /** The bottom of the range (0 for the lowest band). */
  lowCents: number;
  /** The top of the range; null for the open top band ("meer dan"). */
  highCents: number | null;
  /** The cost band (1–5). */
  level: number;
  /** Whether the band's amounts are published (1) or derived from the EEF bands (2–5). */
  derived: boolean;
}

/**
 * The cost band of a level per pupil per year as a range of whole euros: from the top of the
 * band below (0 for the first band) to the top of this band, or open above for the top band.
 */
export function bandPerPupil(level: number): { lowEur: number; highEur: number | null } | undefined {
  const band = costBand(level);
  if (!band) return undefined;
  const below = level > 1 ? costBand(level - 1) : undefined;
  const lowEur = band.minPerPupilEur ?? below?.maxPerPupilEur ?? 0;
  return { lowEur, highEur: band.maxPerPupilEur };
}

/** The estimate for `pupils` pupils (pupils × the band per pupil); undefined when the cost is unknown. */
export function estimateFor(cost: number | null, pupils: number): Estimate | undefined {
  if (cost === null) return undefined;
  const band = bandPerPupil(cost);
  if (!band) return undefined;
  return {
    lowCents: pupils * band.lowEur * 100,
    highCents: band.highEur === null ? null : pupils * band.highEur * 100,
    level: cost,
    derived: costBand(cost)?.certainty !== 'bevestigd',
  };
}

/**
 * What a choice counts against the school's money: the top of the range, or for the open top
 * band its bottom (the least it costs); null when the cost is unknown.
 */
export function countedCents(e: Estimate | undefined): number | null {
  if (!e) return null;
  return e.highCents ?? e.lowCents;
}

export type MissingScore = 'effect' | 'bewijs' | 'kosten';

export interface RankedItem {
  item: MenuItem;
  category: CategoryRule;
  /** effect × (evidence ÷ 5) ÷ cost level; null when a score is missing. */
  score: number | null;
  missing: MissingScore[];
  estimate: Estimate | undefined;
}

export interface FocusRanking {
  focusPoint: FocusPointInput;
  /** The A–E categories of the rule, with their reasons; empty for an unknown domain. */
  categories: CategoryRule[];
  /** Fitting A–E interventions: those with all three scores first, by score, then the rest. */
  ranked: RankedItem[];
  /** Fitting F interventions (support only), in menu order. */
  support: RankedItem[];
  supportRule: CategoryRule | undefined;
}

function missingOf(i: MenuItem): MissingScore[] {
  const m: MissingScore[] = [];
  if (i.effectMonths === null) m.push('effect');
  if (i.evidence === null) m.push('bewijs');
  if (i.cost === null) m.push('kosten');
  return m;
}

/** The ranking score: months of effect, weighted by the strength of the evidence, per euro sign. */
export function rankScore(i: Pick<MenuItem, 'effectMonths' | 'evidence' | 'cost'>): number | null {
  if (i.effectMonths === null || i.evidence === null || i.cost === null || i.cost <= 0) return null;
  return (i.effectMonths * (i.evidence / 5)) / i.cost;
}

/**
 * The order of the ranked list: known scores first, higher score first (compared exactly, by
 * cross-multiplying), then the cheaper, the better supported, the larger effect, the menu code.
 * Interventions with a missing score come after, in menu order.
 */
export function compareRanked(a: RankedItem, b: RankedItem): number {
  const ka = a.score !== null;
  const kb = b.score !== null;
  if (ka !== kb) return ka ? -1 : 1;
  if (ka && kb) {
    const x = a.item;
    const y = b.item;
    // effect × evidence / cost, compared without division.
    const left = x.effectMonths! * x.evidence! * y.cost!;
    const right = y.effectMonths! * y.evidence! * x.cost!;
    if (left !== right) return right - left;
    if (x.cost !== y.cost) return x.cost! - y.cost!;
    if (x.evidence !== y.evidence) return y.evidence! - x.evidence!;
    if (x.effectMonths !== y.effectMonths) return y.effectMonths! - x.effectMonths!;
  }
  return compareCodes(a.item.code, b.item.code);
}

/** Whether an intervention is meant for the school's sector (any sector when it is unknown). */
export function fitsSector(i: MenuItem, schoolSector: string | null): boolean {
  const s = schoolSector ? menuSectorOf[schoolSector] : undefined;
  return !s || i.sectors.includes(s);
}

/**
 * The interventions of the menu that fit a focus point in a school of this sector, ranked: not
 * withdrawn, meant for the sector, in a category of the rule, and not tied to another subject.
 */
export function rankFor(fp: FocusPointInput, schoolSector: string | null, menu: MenuItem[]): FocusRanking {
  const rule = ruleFor(fp.domain, schoolSector);
  if (!rule) return { focusPoint: fp, categories: [], ranked: [], support: [], supportRule: undefined };
  const toRanked = (i: MenuItem, category: CategoryRule): RankedItem => ({
    item: i,
    category,
    score: rankScore(i),
    missing: missingOf(i),
    estimate: estimateFor(i.cost, fp.pupils),
  });
  const usable = menu.filter(
    (i) => !i.withdrawn && fitsSector(i, schoolSector) && fitsDomain(i.code, fp.domain),
  );
  const ranked = usable
    .flatMap((i) => {
      const c = rule.categories.find((r) => r.code === i.categoryCode);
      return c ? [toRanked(i, c)] : [];
    })
    .sort(compareRanked);
  const support = usable
    .filter((i) => i.categoryCode === rule.support.code)
    .map((i) => toRanked(i, rule.support))
    .sort((a, b) => compareCodes(a.item.code, b.item.code));
  return { focusPoint: fp, categories: rule.categories, ranked, support, supportRule: rule.support };
}

// ---------------------------------------------------------------------------------------------
// Money left for the school year

export interface ChosenEstimate {
  /** What the choice counts against the money (estimated_cents); null when its cost is unknown. */
  cents: number | null;
  /** The cost has no top (open top band): the real cost may be higher. */
  openEnded: boolean;
}

export interface Budget {
  /** The school's allocation for the school year; null when unknown. */
  allocationCents: number | null;
  reservedCents: number;
  chosenCents: number;
  /** allocation − reserved − chosen; null when the allocation is unknown. */
  remainingCents: number | null;
  /** Some chosen intervention has an unknown or open-ended cost, so less may be left. */
  uncertain: boolean;
}

export function budgetOf(
  allocationCents: number | null,
  reservedCents: number,
  chosen: ChosenEstimate[],
): Budget {
  const chosenCents = chosen.reduce((s, c) => s + (c.cents ?? 0), 0);
  return {
    allocationCents,
    reservedCents,
    chosenCents,
    remainingCents: allocationCents === null ? null : allocationCents - reservedCents - chosenCents,
    uncertain: chosen.some((c) => c.cents === null || c.openEnded),
  };
}

// ---------------------------------------------------------------------------------------------
// The suggestion across the focus points

export const severityWeight: Record<FocusSeverity, number> = { aandacht: 1, zorg: 2, ernstig: 3 };

/**
 * Expected benefit of an intervention for a focus point, in fifths of a "weighted pupil-month":
 * effect (months) × pupils × evidence (1–5, the weight is evidence ÷ 5) × severity weight. Kept
 * as an integer so that the search compares exactly; divide by 5 to show it.
 */
export function benefitFifths(i: MenuItem, fp: FocusPointInput): number | null {
  if (i.effectMonths === null || i.evidence === null) return null;
  return i.effectMonths * fp.pupils * i.evidence * severityWeight[fp.severity];
}

export interface SuggestedPick {
  focusPointId: number;
  item: MenuItem;
  benefitFifths: number;
  costCents: number;
  /** The focus point's best option by benefit alone, when the pick is a cheaper one. */
  betterButDearer: { item: MenuItem; benefitFifths: number; costCents: number } | undefined;
}

export type LeftOutReason =
  'al-gekozen' | 'onbekend-domein' | 'geen-passende' | 'geen-bekende-scores' | 'te-duur' | 'past-niet-samen';

export interface LeftOut {
  focusPointId: number;
  reason: LeftOutReason;
  /** For 'past-niet-samen' and 'te-duur': the cheapest option with its cost. */
  cheapest?: { item: MenuItem; costCents: number };
}

export interface Excluded {
  focusPointId: number;
  item: MenuItem;
  reason: 'kosten-onbekend' | 'kosten-open' | 'effect-of-bewijs-onbekend' | 'geen-positief-effect';
}

export type Suggestion =
  | { status: 'budget-onbekend' }
  | { status: 'geen-budget'; remainingCents: number }
  | {
      status: 'voorstel';
      budgetCents: number;
      picks: SuggestedPick[];
      totalCents: number;
      totalBenefitFifths: number;
      leftOut: LeftOut[];
      excluded: Excluded[];
      /** False when the search stopped at its limit and the best found so far is shown. */
      exact: boolean;
    };

interface Option {
  item: MenuItem;
  benefit: number;
  cost: number;
  /** Position in the focus point's ranked list (for ties). */
  rank: number;
}

/** The search stops after this many steps; far beyond what a scan's focus points need. */
export const searchLimit = 2_000_000;

/**
 * The set of (focus point, intervention) pairs with the most expected benefit whose costs (the
 * top of each estimate's range) together fit in the money left, at most one A–E intervention per
 * focus point; F is never suggested (support only). Focus points that already have an A–E choice
 * are left out (their estimate is already off the money left). Exact (branch and bound);
 * deterministic: among equal benefit the cheaper set wins, then the set found first when the
 * focus points are taken in their order and each one's options by benefit, cost and rank.
 */
export function suggest(
  rankings: FocusRanking[],
  remainingCents: number | null,
  alreadyChosen: ReadonlySet<number>,
  limit = searchLimit,
): Suggestion {
  if (remainingCents === null) return { status: 'budget-onbekend' };
  if (remainingCents <= 0) return { status: 'geen-budget', remainingCents };
  const budget = remainingCents;
  const leftOut: LeftOut[] = [];
  const excluded: Excluded[] = [];
  const groups: { fp: FocusPointInput; options: Option[]; all: Option[] }[] = [];
  const ordered = [...rankings].sort(
    (a, b) => a.focusPoint.position - b.focusPoint.position || a.focusPoint.id - b.focusPoint.id,
  );
  for (const r of ordered) {
    const fp = r.focusPoint;
    if (alreadyChosen.has(fp.id)) {
      leftOut.push({ focusPointId: fp.id, reason: 'al-gekozen' });
      continue;
    }
    if (r.categories.length === 0) {
      leftOut.push({ focusPointId: fp.id, reason: 'onbekend-domein' });
      continue;
    }
    if (r.ranked.length === 0) {
      leftOut.push({ focusPointId: fp.id, reason: 'geen-passende' });
      continue;
    }
    const all: Option[] = [];
    r.ranked.forEach((ri, rank) => {
      const benefit = benefitFifths(ri.item, fp);
      const cost = ri.estimate?.highCents ?? null;
      if (benefit === null)
        excluded.push({ focusPointId: fp.id, item: ri.item, reason: 'effect-of-bewijs-onbekend' });
      else if (benefit <= 0)
        excluded.push({ focusPointId: fp.id, item: ri.item, reason: 'geen-positief-effect' });
      else if (!ri.estimate) excluded.push({ focusPointId: fp.id, item: ri.item, reason: 'kosten-onbekend' });
      else if (cost === null) excluded.push({ focusPointId: fp.id, item: ri.item, reason: 'kosten-open' });
      else all.push({ item: ri.item, benefit, cost, rank });
    });
    if (all.length === 0) {
      leftOut.push({ focusPointId: fp.id, reason: 'geen-bekende-scores' });
      continue;
    }
    const affordable = all.filter((o) => o.cost <= budget);
    if (affordable.length === 0) {
      const cheapest = [...all].sort((a, b) => a.cost - b.cost || a.rank - b.rank)[0]!;
      leftOut.push({
        focusPointId: fp.id,
        reason: 'te-duur',
        cheapest: { item: cheapest.item, costCents: cheapest.cost },
      });
      continue;
    }
    // Drop options another option beats: no more benefit for no less money (ties: the better rank).
    const options = affordable
      .filter(
        (o) =>
          !affordable.some(
            (p) =>
              p !== o &&
              p.cost <= o.cost &&
              p.benefit >= o.benefit &&
              (p.cost < o.cost || p.benefit > o.benefit || p.rank < o.rank),
          ),
      )
      .sort((a, b) => b.benefit - a.benefit || a.cost - b.cost || a.rank - b.rank);
    groups.push({ fp, options, all });
  }

  // Branch and bound over the groups: each takes one of its options or none.
  const n = groups.length;
  const choice: (Option | null)[] = new Array(n).fill(null);
  let best: { benefit: number; cost: number; choice: (Option | null)[] } = {
    benefit: 0,
    cost: 0,
    choice: new Array(n).fill(null),
  };
  let steps = 0;
  let exact = true;
  const maxFrom = (k: number, money: number) => {
    let s = 0;
    for (let j = k; j < n; j++) {
      const o = groups[j]!.options.find((x) => x.cost <= money);
      if (o) s += o.benefit;
    }
    return s;
  };
  const walk = (k: number, money: number, benefit: number, cost: number) => {
    if (++steps > limit) {
      exact = false;
      return;
    }
    if (k === n) {
      if (benefit > best.benefit || (benefit === best.benefit && cost < best.cost))
        best = { benefit, cost, choice: [...choice] };
      return;
    }
    if (benefit + maxFrom(k, money) < best.benefit) return;
    for (const o of groups[k]!.options) {
      if (o.cost > money) continue;
      choice[k] = o;
      walk(k + 1, money - o.cost, benefit + o.benefit, cost + o.cost);
      if (!exact) return;
    }
    choice[k] = null;
    walk(k + 1, money, benefit, cost);
  };
  walk(0, budget, 0, 0);

  const picks: SuggestedPick[] = [];
  groups.forEach((g, k) => {
    const o = best.choice[k];
    if (o) {
      const top = [...g.all].sort((a, b) => b.benefit - a.benefit || a.cost - b.cost || a.rank - b.rank)[0]!;
      picks.push({
        focusPointId: g.fp.id,
        item: o.item,
        benefitFifths: o.benefit,
        costCents: o.cost,
        betterButDearer:
          top.item.id !== o.item.id && top.benefit > o.benefit
            ? { item: top.item, benefitFifths: top.benefit, costCents: top.cost }
            : undefined,
      });
    } else {
      const cheapest = [...g.options].sort((a, b) => a.cost - b.cost || a.rank - b.rank)[0]!;
      leftOut.push({
        focusPointId: g.fp.id,
        reason: 'past-niet-samen',
        cheapest: { item: cheapest.item, costCents: cheapest.cost },
      });
    }
  });
  const position = new Map(ordered.map((r, i) => [r.focusPoint.id, i]));
  leftOut.sort((a, b) => position.get(a.focusPointId)! - position.get(b.focusPointId)!);
  return {
    status: 'voorstel',
    budgetCents: budget,
    picks,
    totalCents: best.cost,
    totalBenefitFifths: best.benefit,
    leftOut,
    excluded,
    exact,
  };
}
