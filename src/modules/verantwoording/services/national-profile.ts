// What a generated school "really did" in one school year, for the national test dataset: scan,
// focus domains, interventions, MR consent, money spent per menu category and the share of
// external staff. The questionnaire answers and the boards' annual-report figures are both read
// from this one profile, so they agree with each other. Pure and deterministic: the same stream
// gives the same profile.
//
// The shares are the generator's settings, chosen near the implementation monitor's published
// figures (npo-facts §9.1: scan ~95%; most chosen in PO: small-group instruction 86%, teaching
// assistants 74%, well-being 72%; in VO: well-being 92%, small-group instruction 85%, sports 80%;
// MR consent PO 86%, VO 78%, (V)SO 83%). Figures the monitor did not publish (the other
// interventions, the domains, the spending pattern, PNIL) are plausible guesses for test data.
import type { Sector } from '../../../platform/db/tables.ts';
import { menuCategories } from './definition.ts';

/** Sector groups as the monitor reports them and as the menu marks interventions. */
export type SectorGroup = 'po' | 'vo' | 'vso';
export const menuSectorOf: Record<SectorGroup, string> = { po: 'PO', vo: 'VO', vso: '(V)SO' };

export function groupOf(sector: Sector | null): SectorGroup {
  if (sector === 'VO') return 'vo';
  if (sector === 'SO' || sector === 'VSO') return 'vso';
  return 'po';
}

/** One intervention of the menu in force, as the generator needs it. */
export interface MenuChoice {
  code: string;
  category: string;
  name?: string;
  /** Menu sector marks: 'PO', 'VO', '(V)SO'. */
  sectors: string[];
}

export interface SchoolYearProfile {
  scanDone: boolean;
  domains: string[];
  interventions: string[];
  mrConsent: boolean;
  /** Cents spent per menu category A–F in this school year (every category present). */
  spent: Record<string, number>;
  /** Share (%) of the money spent on staff not on the payroll. */
  pnilPercent: number;
}

export const scanShare = 0.95;
export const mrConsentShare: Record<SectorGroup, number> = { po: 0.86, vo: 0.78, vso: 0.83 };

/** Chance that a school names a domain among its largest delays. */
export const domainShares: Record<SectorGroup, Record<string, number>> = {
  po: { cognitief: 0.85, 'sociaal-emotioneel': 0.6, welbevinden: 0.65, 'executieve-functies': 0.5 },
  vo: { cognitief: 0.7, 'sociaal-emotioneel': 0.65, welbevinden: 0.85, 'executieve-functies': 0.8 },
  vso: { cognitief: 0.7, 'sociaal-emotioneel': 0.75, welbevinden: 0.8, 'executieve-functies': 0.65 },
};

/**
 * Chance that a school chooses an intervention (menu codes). B3 instructie in kleine groepen,
 * E2 onderwijsassistenten/instructeurs, C1 welbevinden, C2 sportieve activiteiten follow §9.1;
 * the rest are settings. A code not listed has `otherShare`.
 */
export const interventionShares: Record<SectorGroup, Record<string, number>> = {
  po: { B3: 0.86, E2: 0.74, C1: 0.72, E1: 0.35, B1: 0.3, D1: 0.3, F4: 0.35, F7: 0.3, C2: 0.25, F3: 0.25 },
  vo: { C1: 0.92, B3: 0.85, C2: 0.8, B12: 0.45, D1: 0.45, E2: 0.4, B1: 0.35, A2: 0.3, F4: 0.3, E1: 0.25 },
  vso: { C1: 0.85, B3: 0.75, E2: 0.65, C2: 0.5, D1: 0.4, E1: 0.35, B1: 0.35, F4: 0.3 },
};
export const otherShare = 0.12;

/**
 * How the money of the programme is spread over its four school years (the first two years
 * brought the money, the last two spent what was left), and how much of a school's money is
 * spent in the end.
 */
export const yearSpread = [0.25, 0.3, 0.27, 0.18];

/** Where money goes by category weight, before the chosen interventions shift it: staff first. */
const categoryWeight: Record<string, number> = { A: 1.2, B: 1.5, C: 1, D: 0.6, E: 2.5, F: 0.5 };

/** Cents split over keys by weights, summing exactly to total. */
export function splitCents(total: number, weights: Record<string, number>): Record<string, number> {
  const keys = Object.keys(weights);
  const sum = keys.reduce((s, k) => s + weights[k]!, 0);
  const out: Record<string, number> = {};
  let given = 0;
  for (const [i, k] of keys.entries()) {
    const part = i === keys.length - 1 ? total - given : Math.floor((total * weights[k]!) / (sum || 1));
    out[k] = part;
    given += part;
  }
  return out;
}

/** The interventions a school of this group may choose from the menu in force. */
export function menuFor(menu: MenuChoice[], group: SectorGroup): MenuChoice[] {
  const mark = menuSectorOf[group];
  return menu.filter((m) => m.sectors.length === 0 || m.sectors.includes(mark));
}

/**
 * One school's profile in one school year. `budgetCents` is the money the school has for the
 * whole programme; `yearIndex` (0–3) picks this year's part of it.
 */
export function schoolYearProfile(
  random: () => number,
  input: { group: SectorGroup; menu: MenuChoice[]; budgetCents: number; yearIndex: number },
): SchoolYearProfile {
  const { group } = input;
  const scanDone = random() < scanShare;
  const domains = Object.entries(domainShares[group])
    .filter(([, p]) => random() < p)
    .map(([d]) => d);
  if (domains.length === 0) domains.push(group === 'po' ? 'cognitief' : 'welbevinden');
  const menu = menuFor(input.menu, group);
  const interventions = menu
    .filter((m) => random() < (interventionShares[group][m.code] ?? otherShare))
    .map((m) => m.code);
  if (interventions.length === 0 && menu.length) interventions.push(menu[0]!.code);
  const mrConsent = random() < mrConsentShare[group];
  // Spent this year: the year's share of the budget, 80–100% of it used.
  const share = yearSpread[input.yearIndex] ?? 0;
  const total = Math.round(input.budgetCents * share * (0.8 + 0.2 * random()));
  const weights: Record<string, number> = {};
  for (const c of menuCategories) {
    const chosen = interventions.filter((code) => menu.find((m) => m.code === code)?.category === c).length;
    // A category without a chosen intervention still gets a little (e.g. facilities, training).
    weights[c] = categoryWeight[c]! * (chosen ? chosen : 0.1) * (0.6 + 0.8 * random());
  }
  const spent = splitCents(total, weights);
  // Many schools hire no external staff at all; the others a fifth to a third of the money.
  const pnilPercent = random() < 0.3 ? Math.floor(random() * 6) : 10 + Math.floor(random() * 31);
  return { scanDone, domains, interventions, mrConsent, spent, pnilPercent };
}

/** Money a school without a known allocation is assumed to have for the whole programme (cents). */
export const fallbackBudgetCents: Record<SectorGroup, number> = {
  po: 30_000_000,
  vo: 150_000_000,
  vso: 40_000_000,
};
