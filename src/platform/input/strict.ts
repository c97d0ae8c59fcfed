// Strict parsers for the two kinds of value every form and address carries: dates and ids.
// JavaScript is lenient where the database is not ('2021-02-31' parses as 3 March, '0x3' and
// '3.0' as 3, year 0 exists), so each value is checked for exactly one spelling at the edge.
import { z } from 'zod';

/** Years the platform has any business with; PostgreSQL refuses year 0 and Date accepts it. */
const minYear = 1900;
const maxYear = 2199;

/** 'YYYY-MM-DD' for a day that exists (leap years included), else null. */
export function parseIsoDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear || y > maxYear || mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth ? s : null;
}

/** True for a date parseIsoDate accepts. */
export function isIsoDate(s: unknown): s is string {
  return parseIsoDate(s) !== null;
}

/** A positive database id in its one decimal spelling ('3', never '03', '3.0', '0x3' or '3e0'), else null. */
export function parseId(s: unknown): number | null {
  if (typeof s === 'number') return Number.isSafeInteger(s) && s > 0 ? s : null;
  if (typeof s !== 'string' || !/^[1-9]\d{0,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** zod: a canonical id string, parsed to a number. */
export const idSchema = z
  .string()
  .refine((s) => parseId(s) !== null, { message: 'Dit nummer klopt niet: gebruik alleen cijfers.' })
  .transform((s) => parseId(s)!);

/** zod: a date that exists, as 'YYYY-MM-DD'. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Vul een datum in die bestaat, als JJJJ-MM-DD (bijvoorbeeld 2024-03-01).' });
