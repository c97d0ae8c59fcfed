// Pure rules of the catalogue: reading filter parameters (with a clear message for unknown
// values), filtering, sorting by effect or by effect per euro, and the diff between versions.
import { effectPerHundredEuro } from './scales.ts';
import { normaliseLineEndings } from './form-checks.ts';

export const sectorOptions = [
  { value: 'po', sector: 'PO', label: 'Primair onderwijs (PO)' },
  { value: 'vo', sector: 'VO', label: 'Voortgezet onderwijs (VO)' },
  { value: 'vso', sector: '(V)SO', label: '(Voortgezet) speciaal onderwijs ((V)SO)' },
] as const;

export const sortOptions = [
  { value: 'code', label: 'Code (A1, A2, …)' },
  { value: 'effect', label: 'Effect (hoogste eerst)' },
  { value: 'effect-per-euro', label: 'Effect per euro (hoogste eerst)' },
  { value: 'naam', label: 'Naam (A-Z)' },
] as const;

export type SortKey = (typeof sortOptions)[number]['value'];

export interface MenuFilters {
  categorie?: string;
  sector?: string;
  /** Highest cost level (1-5) to show. */
  kosten?: number;
  /** Lowest evidence level (1-5) to show. */
  bewijs?: number;
  sortering: SortKey;
  weergave: 'tabel' | 'kaarten';
}

/** The fields of an intervention the rules look at. */
export interface RatedIntervention {
  code: string;
  categoryCode: string;
  nameNl: string;
  sectors: string[];
  effectMonths: number | null;
  evidence: number | null;
  cost: number | null;
  withdrawn: boolean;
}

export type ParseResult =
  { ok: true; filters: MenuFilters } | { ok: false; filters: MenuFilters; errors: string[] };

function one(v: unknown): string | undefined {
  if (Array.isArray(v)) v = v[0];
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * Reads the filters from a query string. Unknown values are reported (in Dutch, saying what is
 * allowed) and left out of the filters, so the page can show the whole menu with the message.
 */
export function parseFilters(query: Record<string, unknown>, categoryCodes: string[]): ParseResult {
  const errors: string[] = [];
  const filters: MenuFilters = { sortering: 'code', weergave: 'tabel' };
  const cat = one(query.categorie);
  if (cat !== undefined) {
    const code = cat.toUpperCase();
    if (categoryCodes.includes(code)) filters.categorie = code;
    else
      errors.push(
        `De categorie '${cat.slice(0, 40)}' bestaat niet. Kies een van ${categoryCodes.join(', ')}.`,
      );
  }
  const sector = one(query.sector);
  if (sector !== undefined) {
    const s = sectorOptions.find((o) => o.value === sector.toLowerCase());
    if (s) filters.sector = s.value;
    else errors.push(`De sector '${sector.slice(0, 40)}' kennen we niet. Kies po, vo of vso.`);
  }
  for (const [key, label] of [
    ['kosten', 'kosten'],
    ['bewijs', 'bewijskracht'],
  ] as const) {
    const v = one(query[key]);
    if (v === undefined) continue;
    if (/^[1-5]$/.test(v)) filters[key] = Number(v);
    else
      errors.push(
        `De waarde '${v.slice(0, 40)}' voor ${label} kennen we niet. Kies een getal van 1 tot en met 5.`,
      );
  }
  const sort = one(query.sortering);
  if (sort !== undefined) {
    const s = sortOptions.find((o) => o.value === sort);
    if (s) filters.sortering = s.value;
    else
      errors.push(`Sorteren op '${sort.slice(0, 40)}' kan niet. Kies code, effect, effect-per-euro of naam.`);
  }
  const view = one(query.weergave);
  if (view !== undefined) {
    if (view === 'tabel' || view === 'kaarten') filters.weergave = view;
    else errors.push(`De weergave '${view.slice(0, 40)}' kennen we niet. Kies tabel of kaarten.`);
  }
  return errors.length ? { ok: false, filters, errors } : { ok: true, filters };
}

/** The query string for these filters (stable order), e.g. for links and cache keys. */
export function filterQuery(f: Partial<MenuFilters>): string {
  const p = new URLSearchParams();
  if (f.categorie) p.set('categorie', f.categorie);
  if (f.sector) p.set('sector', f.sector);
  if (f.kosten) p.set('kosten', String(f.kosten));
  if (f.bewijs) p.set('bewijs', String(f.bewijs));
  if (f.sortering && f.sortering !== 'code') p.set('sortering', f.sortering);
  if (f.weergave && f.weergave !== 'tabel') p.set('weergave', f.weergave);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Keeps the interventions that match. Unknown cost or evidence never matches a cost/evidence filter. */
export function applyFilters<T extends RatedIntervention>(rows: T[], f: Partial<MenuFilters>): T[] {
  const sector = sectorOptions.find((o) => o.value === f.sector)?.sector;
  return rows.filter(
    (r) =>
      (!f.categorie || r.categoryCode === f.categorie) &&
      (!sector || r.sectors.includes(sector)) &&
      (!f.kosten || (r.cost !== null && r.cost <= f.kosten)) &&
      (!f.bewijs || (r.evidence !== null && r.evidence >= f.bewijs)),
  );
}

/** Natural order of codes: A2 before A10. */
export function compareCodes(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d*)$/.exec(a);
  const pb = /^([A-Z]+)(\d*)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa[1]!.localeCompare(pb[1]!) || Number(pa[2] || 0) - Number(pb[2] || 0);
}

function desc(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1; // unknown last
  if (b === null) return -1;
  return b - a;
}

/** Sorts a copy. Unknown figures always go last; ties fall back to the code. Withdrawn ones go last. */
export function sortInterventions<T extends RatedIntervention>(rows: T[], key: SortKey): T[] {
  const copy = [...rows];
  const byCode = (a: T, b: T) => compareCodes(a.code, b.code);
  const cmp: Record<SortKey, (a: T, b: T) => number> = {
    code: byCode,
    naam: (a, b) => a.nameNl.localeCompare(b.nameNl, 'nl') || byCode(a, b),
    effect: (a, b) => desc(a.effectMonths, b.effectMonths) || desc(a.evidence, b.evidence) || byCode(a, b),
    'effect-per-euro': (a, b) =>
      desc(effectPerHundredEuro(a.effectMonths, a.cost), effectPerHundredEuro(b.effectMonths, b.cost)) ||
      desc(a.effectMonths, b.effectMonths) ||
      byCode(a, b),
  };
  return copy.sort((a, b) => Number(a.withdrawn) - Number(b.withdrawn) || cmp[key](a, b));
}

/** One changed field of one intervention between two versions. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface InterventionDiff {
  code: string;
  name: string;
  kind: 'toegevoegd' | 'verwijderd' | 'gewijzigd';
  changes: FieldChange[];
}

/** What the diff compares, as display strings. */
export type Comparable = {
  code: string;
  name: string;
  fields: Record<string, { label: string; value: string }>;
};

/** The differences between two versions' interventions, in code order. Unchanged ones are left out. */
export function diffVersions(before: Comparable[], after: Comparable[]): InterventionDiff[] {
  const a = new Map(before.map((x) => [x.code, x]));
  const b = new Map(after.map((x) => [x.code, x]));
  const codes = [...new Set([...a.keys(), ...b.keys()])].sort(compareCodes);
  const out: InterventionDiff[] = [];
  for (const code of codes) {
    const x = a.get(code);
    const y = b.get(code);
    if (!x && y) out.push({ code, name: y.name, kind: 'toegevoegd', changes: [] });
    else if (x && !y) out.push({ code, name: x.name, kind: 'verwijderd', changes: [] });
    else if (x && y) {
      const changes: FieldChange[] = [];
      for (const [field, { label, value }] of Object.entries(y.fields)) {
        const old = x.fields[field]?.value ?? '';
        // A difference in line endings only (CRLF from a browser against LF) is no change.
        if (normaliseLineEndings(old) !== normaliseLineEndings(value))
          changes.push({ field, label, before: old, after: value });
      }
      if (changes.length) out.push({ code, name: y.name, kind: 'gewijzigd', changes });
    }
  }
  return out;
}

/** Reads up to `max` distinct intervention codes from a query value (compare page). */
export function parseCompare(v: unknown, max = 3): { codes: string[]; tooMany: boolean } {
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((x) => (typeof x === 'string' ? x.split(',') : []))
    .map((x) => x.trim().toUpperCase())
    .filter((x) => /^[A-Z]{1,3}\d{0,3}$/.test(x));
  const codes = [...new Set(list)];
  return { codes: codes.slice(0, max), tooMany: codes.length > max };
}

/**
 * The interventions a comparison asks for (codes from the query, see parseCompare), in the order
 * asked, and the codes that are not on the menu.
 */
export function compareSelection<T extends { code: string }>(interventions: T[], raw: unknown) {
  const { codes, tooMany } = parseCompare(raw);
  const chosen = codes
    .map((c) => interventions.find((i) => i.code === c))
    .filter((i): i is T => i !== undefined);
  const unknown = codes.filter((c) => !interventions.some((i) => i.code === c));
  return { chosen, unknown, tooMany };
}
