// Plausible bounds for a rate, per basis, as data in resources/funding/rates.json. They catch a
// typo such as 70116 for 701,16 before it reaches every school's amount.
import fs from 'node:fs';
import { fromRoot } from '../../../paths.ts';
import { dataAmountToCents } from './money.ts';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { RateBasis } from '../tables.ts';

export interface Bounds {
  minCents: number;
  maxCents: number;
}

function load(): Record<string, Bounds> {
  const data = JSON.parse(fs.readFileSync(fromRoot('resources/funding/rates.json'), 'utf8')) as {
    plausibleBounds: Record<string, { min: string; max: string } | string>;
  };
  const out: Record<string, Bounds> = {};
  for (const [basis, b] of Object.entries(data.plausibleBounds)) {
    if (typeof b === 'string') continue; // the "about" text
    out[basis] = {
      minCents: dataAmountToCents(b.min, 'Grens in rates.json'),
      maxCents: dataAmountToCents(b.max, 'Grens in rates.json'),
    };
  }
  return out;
}

export const rateBounds: Record<string, Bounds> = load();

/**
 * A Dutch message when `amountCents` lies outside the plausible bounds of its basis, or null.
 * When the amount divided by 100 would fit, it suggests that reading (a forgotten comma).
 */
export function boundsMessage(basis: RateBasis, amountCents: number): string | null {
  const b = rateBounds[basis];
  if (!b || (amountCents >= b.minCents && amountCents <= b.maxCents)) return null;
  const range = `${formatCents(b.minCents)} en ${formatCents(b.maxCents)}`;
  const comma =
    amountCents > b.maxCents && amountCents / 100 >= b.minCents && amountCents / 100 <= b.maxCents
      ? ` Bedoelde u ${formatCents(Math.round(amountCents / 100))}? Controleer de komma.`
      : '';
  return `Dit bedrag is niet aannemelijk: een bedrag ${basis === 'leerlingen' ? 'per leerling' : 'per eenheid'} ligt tussen ${range}.${comma} Pas het bedrag aan; alleen een bedrag binnen deze grenzen wordt opgeslagen.`;
}
