// Reading the amounts and dates people type or export: Dutch notation in ("1.234,56", "€ 500",
// "-12,50" for a correction), integer cents out, and a message per field that says what to do.
// Pure: no database.
import { parseEuroToCents } from '../../funding/services/money.ts';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import { costTypes, type CostType } from '../tables.ts';

/** No single budget cell or expense is larger than this: € 10.000.000 (a typo, not a plan). */
export const maxAmountCents = 1_000_000_000;

export const costTypeLabels: Record<CostType, string> = {
  'eigen-personeel': 'Eigen personeel',
  'extern-personeel': 'Extern personeel (PNIL)',
  'materialen-ict': 'Materialen en ICT',
  professionalisering: 'Training en professionalisering',
  overig: 'Overig',
};

export function isCostType(v: string): v is CostType {
  return (costTypes as readonly string[]).includes(v);
}

export type AmountResult = { ok: true; cents: number } | { ok: false; message: string };

const example = 'bijvoorbeeld 1.234,56';

/**
 * A planned or committed amount of the budget grid: empty means 0; never negative; at most
 * € 10.000.000. `what` names the cell in the message ("Gepland 2021-2022, eigen personeel").
 */
export function parseBudgetAmount(text: string, what: string): AmountResult {
  const t = text.trim();
  if (t === '') return { ok: true, cents: 0 };
  if (/^-/.test(t.replace(/^€\s*/, '')))
    return { ok: false, message: `${what}: een begroot bedrag kan niet negatief zijn.` };
  const cents = parseEuroToCents(t);
  if (cents === null) return { ok: false, message: `${what}: vul een bedrag in euro's in, ${example}.` };
  if (cents > maxAmountCents)
    return {
      ok: false,
      message: `${what}: ${formatCents(cents)} is meer dan ${formatCents(maxAmountCents)}. Controleer het bedrag.`,
    };
  return { ok: true, cents };
}

/**
 * The amount of an expense: required, not zero, at most € 10.000.000 either way. Negative only
 * where a correction (or a credit line in a bookkeeping export) takes money back.
 */
export function parseExpenseAmount(text: string, allowNegative: boolean): AmountResult {
  const t = text.trim().replace(/^€\s*/, '');
  if (t === '') return { ok: false, message: `Vul het bedrag in, ${example}.` };
  const negative = /^-/.test(t);
  if (negative && !allowNegative)
    return {
      ok: false,
      message: 'Een uitgave kan niet negatief zijn. Geld terug boekt u als correctie op de uitgave.',
    };
  const cents = parseEuroToCents(negative ? t.slice(1) : t);
  if (cents === null)
    return { ok: false, message: `Het bedrag is geen bedrag in euro's; schrijf het als ${example}.` };
  if (cents === 0) return { ok: false, message: 'Het bedrag kan niet 0 zijn.' };
  if (cents > maxAmountCents)
    return {
      ok: false,
      message: `${formatCents(cents)} is meer dan ${formatCents(maxAmountCents)}. Controleer het bedrag.`,
    };
  return { ok: true, cents: negative ? -cents : cents };
}

/**
 * A date as people and bookkeeping programs write it: "15-11-2021", "5-1-2022", "15/11/2021",
 * "15.11.2021" or "2021-11-15". Returns 'YYYY-MM-DD' for a date that exists, else null.
 */
export function parseDutchDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export interface YearRange {
  id: number;
  label: string;
  startsOn: string;
  endsOn: string;
}

export type DateResult = { ok: true; date: string; schoolYearId: number } | { ok: false; message: string };

/**
 * The date of an expense and the school year it belongs to: it must exist, not lie after
 * `today`, and fall in one of the programme's school years (which end at the spending deadline).
 */
export function expenseDate(text: string, years: YearRange[], today: string): DateResult {
  if (text.trim() === '')
    return { ok: false, message: 'Vul de datum van de uitgave in, bijvoorbeeld 15-11-2021.' };
  const date = parseDutchDate(text);
  if (!date) return { ok: false, message: 'De datum bestaat niet; schrijf hem als 15-11-2021.' };
  if (date > today)
    return { ok: false, message: 'De datum ligt in de toekomst. Boek een uitgave als ze gedaan is.' };
  const year = years.find((y) => y.startsOn <= date && date <= y.endsOn);
  if (!year) {
    const first = years[0];
    const last = years[years.length - 1];
    return {
      ok: false,
      message:
        first && last
          ? `De datum valt buiten de schooljaren van het programma (${first.startsOn.split('-').reverse().join('-')} tot en met ${last.endsOn.split('-').reverse().join('-')}).`
          : 'Het programma heeft geen schooljaren.',
    };
  }
  return { ok: true, date, schoolYearId: year.id };
}

/** A share in basis points (1234 = 12,34 %); null when there is nothing to share. */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 10_000) / whole) : null;
}

/** 1234 -> "12,3%"; null -> "–". */
export function formatShare(bp: number | null): string {
  if (bp === null) return '–';
  return `${(bp / 100).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 0 })}%`;
}
