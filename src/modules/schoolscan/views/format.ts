// How the schoolscan pages write numbers, moments and verdicts (Dutch).
import type { Moment } from '../tables.ts';
import type { Comparison, Verdict } from '../services/analysis.ts';

/** One formatter per number of digits: making an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<number, Intl.NumberFormat>();
const decimals = (d: number) => {
  let f = formatters.get(d);
  if (!f)
    formatters.set(
      d,
      (f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d })),
    );
  return f;
};

/** 12.345 → '12,3'; null → '–'. */
export function decimal(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : decimals(digits).format(n);
}

/** 0.234 → '23 %'. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

/** A signed difference: '+2,5' or '−2,5'. */
export function signed(n: number | null, digits = 1): string {
  if (n === null) return '–';
  const s = decimal(Math.abs(n), digits);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

export const momentName = (m: Moment) => (m === 'M' ? 'midden' : 'eind');

/** 'Groep 4, midden (M4)'. */
export const groupMoment = (grade: number, moment: Moment) =>
  `Groep ${grade}, ${momentName(moment)} (${moment}${grade})`;

export const verdictText: Record<Verdict, string> = {
  'te-klein': 'Te weinig leerlingen om conclusies uit te trekken',
  'geen-basis': 'Geen eerdere jaargangen om mee te vergelijken',
  'basis-te-klein': 'Te weinig eerdere uitslagen om mee te vergelijken',
  'geen-duidelijk-verschil': 'Geen duidelijk verschil met eerdere jaargangen',
  achter: 'Lager dan eerdere jaargangen',
  voor: 'Hoger dan eerdere jaargangen',
};

/** The estimated delay in words: '2,5 maand achter' / '1,0 maand voor'. */
export function delayText(c: Comparison): string {
  if (c.delayMonths === null) return 'niet te schatten';
  const m = Math.abs(c.delayMonths);
  const unit = m < 1.05 ? 'maand' : 'maanden';
  if (decimal(m) === '0,0') return 'geen';
  return `${decimal(m)} ${unit} ${c.delayMonths > 0 ? 'achter' : 'voor'}`;
}

export const yearLabel = (start: number) => `${start}-${start + 1}`;
