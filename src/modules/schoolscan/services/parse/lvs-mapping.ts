// Column mappings (docs/lvs-import.md, "Andere exports koppelen"): an export whose columns are
// not the flat format is read through a mapping that a school saved under a test provider —
// which column holds which field, and what the export's own codes mean (or that a line with
// such a code is skipped). Pure: no database. A mapping is found again by the file's header.
import { columns, normaliseHeader, providers, subjects, type ColumnKey } from './lvs-format.ts';
import {
  compactValue,
  isKnownValue,
  parseLvsTable,
  readableHeaders,
  readLvsTable,
  skipValue,
  valueFields,
  type ColumnPlan,
  type LvsTable,
  type ParseResult,
  type ValueField,
} from './lvs-parse.ts';
import { parseDecimal, parseDutchDate, splitLine } from '../../../../platform/input/text-file.ts';

export interface LvsMapping {
  name: string;
  /** The provider the mapping is saved under; the test provider of every line unless a column says otherwise. */
  provider: string;
  /** The readable columns of the file the mapping was made from, in the file's order. */
  headers: string[];
  /** Field → the column (header as in the file) that holds it. */
  columns: Partial<Record<ColumnKey, string>>;
  /** The school year from the test date (1 August – 31 July) when no column gives it. */
  yearFromDate: boolean;
  /** Per field: the value as in the file → a known value, or 'overslaan'. */
  values: Partial<Record<ValueField, Record<string, string>>>;
}

/** Names of the fields as users see them. */
export const fieldLabels: Record<ColumnKey, string> = {
  leerlingsleutel: 'Leerlingsleutel',
  groep: 'Groep',
  toetsaanbieder: 'Toetsaanbieder',
  vakgebied: 'Vakgebied of toets',
  moment: 'Toetsmoment',
  schooljaar: 'Schooljaar',
  afnamedatum: 'Afnamedatum',
  ruwe_score: 'Ruwe score',
  vaardigheidsscore: 'Vaardigheidsscore',
  niveau: 'Niveau',
  referentieniveau: 'Referentieniveau',
  dle: 'DLE',
};

/** The fields a mapping fills, in the order of the form; required as in the flat format. */
export const mappingFields = columns.map((c) => ({
  key: c.key,
  label: fieldLabels[c.key],
  // The provider may come from the mapping; the school year from the moment or the date.
  required: c.required && c.key !== 'toetsaanbieder',
  description: c.description,
}));

/** The known values a value field can be mapped to, with their labels. */
export const valueTargets: Record<ValueField, { code: string; label: string }[]> = {
  toetsaanbieder: providers.map((p) => ({ code: p.code, label: p.label })),
  vakgebied: subjects.map((s) => ({ code: s.code, label: s.label })),
  moment: [
    { code: 'M', label: 'M (midden van het schooljaar)' },
    { code: 'E', label: 'E (eind van het schooljaar)' },
  ],
};

/**
 * The header's fingerprint: its readable columns, normalised, sorted and without repeats. A later
 * export of the same kind (columns in another order, or without the name column) matches it.
 */
export function headerSignature(headers: string[]): string {
  return [...new Set(headers.map(normaliseHeader).filter((h) => h !== ''))].sort().join('|');
}

/** The plan to read a table with a mapping, or what does not fit (a column the file lacks). */
export function mappingPlan(
  table: LvsTable,
  m: LvsMapping,
): { ok: true; plan: ColumnPlan } | { ok: false; problem: string } {
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n !== '' && !table.dropped.has(i) && !index.has(n)) index.set(n, i);
  });
  const at = new Map<ColumnKey, number>();
  const lacking: string[] = [];
  for (const [key, header] of Object.entries(m.columns) as [ColumnKey, string][]) {
    const i = index.get(normaliseHeader(header));
    if (i === undefined) lacking.push(header);
    else at.set(key, i);
  }
  if (lacking.length)
    return {
      ok: false,
      problem: `De koppeling "${m.name}" gebruikt ${lacking.length === 1 ? 'de kolom' : 'de kolommen'} ${lacking.map((h) => `"${h}"`).join(', ')}, maar die ${lacking.length === 1 ? 'staat' : 'staan'} niet in het bestand.`,
    };
  const values: ColumnPlan['values'] = {};
  for (const f of valueFields) {
    const map = new Map<string, string>();
    for (const [raw, target] of Object.entries(m.values[f] ?? {})) map.set(compactValue(raw), target);
    values[f] = map;
  }
  return {
    ok: true,
    plan: {
      at,
      fixed: at.has('toetsaanbieder') ? {} : { toetsaanbieder: m.provider },
      values,
      yearFromDate: m.yearFromDate,
      mappingName: m.name,
    },
  };
}

/** Reads and checks a whole file through a mapping: the same checks as the flat format. */
export function parseMappedFile(buf: Uint8Array, m: LvsMapping): ParseResult {
  const read = readLvsTable(buf);
  if (!read.ok) return { ok: false, fileProblem: read.fileProblem, problems: [], warnings: [] };
  const p = mappingPlan(read.table, m);
  if (!p.ok) return { ok: false, fileProblem: p.problem, problems: [], warnings: [] };
  return parseLvsTable(read.table, p.plan);
}

/** At most this many different values of a column are listed (codes); more means data. */
export const maxDistinct = 30;
const maxValueLength = 60;

export interface ColumnProfile {
  header: string;
  /** Every different value (sorted), when there are at most maxDistinct short ones; else null. */
  distinct: string[] | null;
  /** A few values of a column with many values, only when they are scores or dates. */
  samples: string[];
}

/** What the mapping page shows of a file: never the values of a dropped (name, BSN) column. */
export interface FileProfile {
  fileName: string;
  headers: string[];
  dropped: string[];
  profiles: ColumnProfile[];
  lines: number;
}

/** A score or a date (at most four digits before the decimal sign): safe to show as an example. */
const looksLikeScoreOrDate = (v: string) =>
  parseDutchDate(v) !== null || (!Number.isNaN(parseDecimal(v)) && /^-?\d{1,4}(?:[.,]\d+)?$/.test(v.trim()));

/** Profiles the readable columns of a table: the codes of each column, or a few scores or dates. */
export function profileTable(table: LvsTable, fileName: string): FileProfile {
  const idx = table.header
    .map((h, i) => i)
    .filter((i) => table.header[i]!.trim() !== '' && !table.dropped.has(i));
  const distinct = idx.map(() => new Set<string>() as Set<string> | null);
  const samples = idx.map(() => [] as string[]);
  let lines = 0;
  for (let li = table.headerIndex + 1; li < table.lines.length; li++) {
    const raw = table.lines[li]!;
    if (raw.trim() === '') continue;
    lines++;
    const fields = splitLine(raw, table.delimiter);
    if (!fields) continue;
    idx.forEach((col, k) => {
      const v = (fields[col] ?? '').trim();
      if (v === '') return;
      const set = distinct[k];
      if (set && !set.has(v)) {
        if (set.size >= maxDistinct || v.length > maxValueLength) distinct[k] = null;
        else set.add(v);
      }
      if (samples[k]!.length < 3 && looksLikeScoreOrDate(v) && !samples[k]!.includes(v)) samples[k]!.push(v);
    });
  }
  return {
    fileName,
    headers: idx.map((i) => table.header[i]!),
    dropped: [...table.dropped].map((i) => table.header[i]!),
    profiles: idx.map((i, k) => {
      const set = distinct[k];
      return {
        header: table.header[i]!,
        distinct: set ? [...set].sort((a, b) => a.localeCompare(b, 'nl')) : null,
        samples: set ? [] : samples[k]!,
      };
    }),
    lines,
  };
}

/** Reads a file for the mapping page: its header and the profile of its columns. */
export function profileFile(
  buf: Uint8Array,
  fileName: string,
): { ok: true; profile: FileProfile } | { ok: false; fileProblem: string } {
  const read = readLvsTable(buf);
  if (!read.ok) return read;
  const profile = profileTable(read.table, fileName);
  if (profile.headers.length === 0)
    return { ok: false, fileProblem: 'Het bestand heeft geen kolommen die het platform mag lezen.' };
  if (profile.lines === 0)
    return { ok: false, fileProblem: 'Het bestand heeft een kopregel maar geen regels met uitslagen.' };
  return { ok: true, profile };
}

/** Names in exports that often hold a field (besides the flat format's own names). */
const hints: [ColumnKey, RegExp][] = [
  ['afnamedatum', /datum/],
  ['schooljaar', /^(schooljaar|jaar|sj)$/],
  ['leerlingsleutel', /^(lvs)?(leerling)?(nr|nummer|id|code|sleutel)$|^lvsnr|^leerling(nr|nummer|id|code)/],
  ['groep', /^(gr|groep|klas|jaargroep|leerjaar)/],
  ['vakgebied', /^(toets|vak|leergebied|domein|vakgebied)/],
  ['moment', /^(afname|periode|moment|toetsmoment|afnamemoment)$/],
  ['vaardigheidsscore', /^(vs|vaardigheid|vaardigheidsscore|score|ability)$/],
  ['ruwe_score', /^(goed|ruw|ruwescore|aantalgoed)$/],
  ['referentieniveau', /^(ref|refniveau|referentieniveau)/],
  ['niveau', /^niv/],
  ['dle', /^dle/],
  ['toetsaanbieder', /aanbieder|toetsreeks|bron/],
];

/** A first guess of which column holds which field; the user checks and changes it. */
export function guessColumns(headers: string[]): Partial<Record<ColumnKey, string>> {
  const out: Partial<Record<ColumnKey, string>> = {};
  const taken = new Set<string>();
  for (const c of columns) {
    const h = headers.find((x) => !taken.has(x) && c.headers.includes(normaliseHeader(x)));
    if (h) {
      out[c.key] = h;
      taken.add(h);
    }
  }
  for (const [key, re] of hints) {
    if (out[key]) continue;
    const h = headers.find((x) => !taken.has(x) && re.test(normaliseHeader(x)));
    if (h) {
      out[key] = h;
      taken.add(h);
    }
  }
  return out;
}

/** The values of a column that the flat format does not know: these need a mapping. */
export function unknownValues(field: ValueField, distinct: string[]): string[] {
  return distinct.filter((v) => !isKnownValue(field, v));
}

export { skipValue, valueFields, readableHeaders, type ValueField };

/**
 * The signature of a file's header, read from its first non-empty line only (the upload looks up
 * a saved mapping with it before the file is read); null when the file has no header.
 */
export function fileSignature(buf: Uint8Array): string | null {
  let start = 0;
  // Up to the first line with content, within the first megabyte.
  const limit = Math.min(buf.length, 1024 * 1024);
  while (start < limit) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0 || end > limit) end = limit;
    const read = readLvsTable(buf.subarray(0, end));
    if (read.ok) return headerSignature(readableHeaders(read.table));
    if (end >= limit) return null;
    start = end + 1;
  }
  return null;
}
