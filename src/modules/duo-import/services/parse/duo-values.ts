// Reading single DUO values: municipality codes, vestigingscodes, counts, sectors and VO categories.
import type { Sector } from '../../../../platform/db/tables.ts';
import type { PupilCategory } from './duo-file.ts';

export function municipalityCode(v: string): string | null {
  const s = v.trim();
  if (!/^\d{1,4}$/.test(s)) return null;
  return s.padStart(4, '0');
}

/** The full vestigingscode (BRIN4 + 2 digits) from a code that may be only the suffix. */
export function vestigingscode(brin: string, v: string): string | null {
  const b = brin.trim().toUpperCase();
  const s = v.trim().toUpperCase();
  if (/^\d{1,2}$/.test(s) && /^[0-9A-Z]{4}$/.test(b)) return `${b}${s.padStart(2, '0')}`;
  if (/^[0-9A-Z]{4}\d{2}$/.test(s)) return s;
  return null;
}

/** A DUO count: digits, '<5', or blank (no count). */
export function parseCount(v: string): { pupils: number | null; belowFive: boolean } | 'blank' | 'invalid' {
  const s = v.trim();
  if (s === '') return 'blank';
  if (s === '<5') return { pupils: null, belowFive: true };
  if (/^\d+$/.test(s)) return { pupils: Number(s), belowFive: false };
  return 'invalid';
}

export const orNull = (v: string) => (v === '' ? null : v);

export function sectorFromSoort(soort: string, onderwijs = ''): Sector | null {
  const s = soort.trim().toUpperCase();
  if (s === 'BO') return 'BO';
  if (s === 'SBO') return 'SBO';
  if (s === 'VSO') return 'VSO';
  if (s === 'SO' || s === 'SO/VSO' || s === '(V)SO') {
    if (s === '(V)SO' && /VSO/.test(onderwijs.toUpperCase()) && !/(^|[^V])SO/.test(onderwijs.toUpperCase()))
      return 'VSO';
    return 'SO';
  }
  return null;
}

/** Categories of the VO funding rates: praktijkonderwijs and vbo basis/kader 3-4 get the higher rate. */
export function voCategory(onderwijstype: string): PupilCategory {
  const t = onderwijstype.trim().toUpperCase();
  if (t.startsWith('PRAKTIJKONDERWIJS') || t.startsWith('VMBO BL') || t.startsWith('VMBO KL'))
    return 'VO_PRO_VBO34';
  return 'VO_ALG';
}

/** The year a DUO or CBS file name ends with ('...-2019.csv', 'achterstandsscores-scholen-2019.xlsx'). */
export function yearInName(fileName: string | undefined, ext: string): number | null {
  const m = new RegExp(`(?:^|\\D)((?:19|20)\\d{2})\\D*\\.${ext}$`, 'i').exec(fileName ?? '');
  return m ? Number(m[1]) : null;
}
