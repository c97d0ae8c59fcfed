// The filters of the national dashboard: which values each offers, their labels, and how a
// filter reads back as a sentence. Pure; the SQL that applies them is repository/monitoring-scope.ts.

/** Sector groups as the national monitor reports them: PO (with SBO), VO, and (V)SO. */
export const sectorGroups = [
  { value: 'po', label: 'Primair onderwijs (met sbo)' },
  { value: 'vo', label: 'Voortgezet onderwijs' },
  { value: 'vso', label: 'Speciaal onderwijs (so en vso)' },
] as const;
export type SectorGroup = (typeof sectorGroups)[number]['value'];
export const sectorValues = ['po', 'vo', 'vso'] as const;

export const provinces = [
  'Drenthe',
  'Flevoland',
  'Friesland',
  'Gelderland',
  'Groningen',
  'Limburg',
  'Noord-Brabant',
  'Noord-Holland',
  'Overijssel',
  'Utrecht',
  'Zeeland',
  'Zuid-Holland',
] as const;

/** Board size: the number of open schools of the school's board. */
export const boardSizes = [
  { value: '1', label: 'Eén school (eenpitter)', min: 1, max: 1 },
  { value: '2-5', label: '2 tot en met 5 scholen', min: 2, max: 5 },
  { value: '6-20', label: '6 tot en met 20 scholen', min: 6, max: 20 },
  { value: '21+', label: '21 scholen of meer', min: 21, max: 100_000 },
] as const;
export const boardSizeValues = ['1', '2-5', '6-20', '21+'] as const;

/**
 * Achterstandsscore band: the school's newest CBS score, in quarters of the schools with a score
 * above zero (per indicator po/vo, since their scales differ), or no score above zero.
 */
export const scoreBands = [
  { value: 'geen', label: 'Geen achterstandsscore' },
  { value: 'k1', label: 'Laagste kwart' },
  { value: 'k2', label: 'Tweede kwart' },
  { value: 'k3', label: 'Derde kwart' },
  { value: 'k4', label: 'Hoogste kwart' },
] as const;
export const scoreBandValues = ['geen', 'k1', 'k2', 'k3', 'k4'] as const;

export interface MonitoringFilter {
  sector?: SectorGroup;
  provincie?: (typeof provinces)[number];
  denominatie?: string;
  bestuursgrootte?: (typeof boardSizeValues)[number];
  achterstand?: (typeof scoreBandValues)[number];
}

const labelOf = (list: readonly { value: string; label: string }[], v: string) =>
  list.find((o) => o.value === v)?.label ?? v;

/** The chosen filters in words, for the page and the empty-result message. */
export function describeFilter(f: MonitoringFilter): string[] {
  const out: string[] = [];
  if (f.sector) out.push(labelOf(sectorGroups, f.sector));
  if (f.provincie) out.push(`provincie ${f.provincie}`);
  if (f.denominatie) out.push(`denominatie ${f.denominatie}`);
  if (f.bestuursgrootte) out.push(`bestuur met ${labelOf(boardSizes, f.bestuursgrootte).toLowerCase()}`);
  if (f.achterstand) out.push(`achterstandsscore: ${labelOf(scoreBands, f.achterstand).toLowerCase()}`);
  return out;
}

/** The filter as a query string (links to another school year keep the filters). */
export function filterQuery(f: MonitoringFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
