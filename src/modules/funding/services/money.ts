// Money rules of the funding module. Amounts are integer cents everywhere; the one rounding
// rule lives here (see resources/funding/rates.json "roundingRule" and docs below).

/**
 * The rounding rule. A line is `quantity x rate`. Quantities are pupils (whole numbers) or
 * achterstandsscores with two decimals, passed as hundredths. The exact product is in
 * hundredths of a cent; it is rounded once to whole cents, half a cent away from zero.
 * A total is the sum of its rounded lines, so the lines shown always add up to the total.
 */
export function lineCents(quantityHundredths: number, rateCents: number): number {
  if (!Number.isSafeInteger(quantityHundredths) || !Number.isSafeInteger(rateCents)) {
    throw new RangeError('Aantal en bedrag moeten hele getallen zijn (honderdsten en centen).');
  }
  const exact = quantityHundredths * rateCents; // hundredths of a cent
  if (!Number.isSafeInteger(exact)) throw new RangeError('Bedrag te groot om exact te rekenen.');
  const sign = exact < 0 ? -1 : 1;
  const abs = Math.abs(exact);
  const cents = Math.floor(abs / 100) + (abs % 100 >= 50 ? 1 : 0);
  return sign * cents;
}

/** Whole pupils x rate: exact, no rounding needed. */
export function pupilsCents(pupils: number, rateCents: number): number {
  return lineCents(pupils * 100, rateCents);
}

/**
 * Parses an amount typed by a person: "701,16", "1.051,74", "701.16", "500" or "€ 500".
 * Returns integer cents, or null when the text is not an amount with at most two decimals.
 */
export function parseEuroToCents(input: string): number | null {
  let s = input.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (s === '') return null;
  if (s.startsWith('-')) return null;
  let intPart: string;
  let frac = '';
  if (s.includes(',')) {
    const [a, b, ...rest] = s.split(',');
    if (rest.length) return null;
    if (a!.includes('.')) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(a!)) return null;
      s = a!.replace(/\./g, '');
    } else s = a!;
    intPart = s;
    frac = b!;
  } else if (s.includes('.')) {
    const parts = s.split('.');
    if (parts.length === 2 && parts[1]!.length <= 2) {
      intPart = parts[0]!;
      frac = parts[1]!;
    } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
      intPart = s.replace(/\./g, '');
    } else return null;
  } else intPart = s;
  if (!/^\d+$/.test(intPart) || !/^\d{0,2}$/.test(frac)) return null;
  const cents = Number(intPart) * 100 + Number(frac.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * An amount in a data file the platform ships (rates.json, envelopes.json), always written
 * "123.45": its cents through parseEuroToCents, or an error that names where it stands.
 */
export function dataAmountToCents(text: string, where: string): number {
  const cents = /^\d+\.\d{2}$/.test(text) ? parseEuroToCents(text) : null;
  if (cents === null) throw new Error(`${where} moet als "123.45" geschreven zijn: ${text}`);
  return cents;
}

/** Cents as a plain decimal for CSV and form values: 70116 -> "701.16". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Hundredths as a Dutch decimal for display: 1234 -> "12,34". */
export function hundredthsToText(h: number): string {
  return `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;
}
