// Reads a flat LVS file (docs/lvs-import.md) into checked rows, or a report per line. Pure: no
// database, no hashing; the raw pupil keys it returns live only in memory until the import
// hashes them. Columns that look like names or BSN are dropped here, before any value is read.
import {
  decodeText,
  splitLine,
  detectDelimiter,
  parseDecimal,
  parseDutchDate,
  type Encoding,
  type Delimiter,
} from '../../../../platform/input/text-file.ts';
import {
  bounds,
  columns,
  levelScales,
  looksIdentifying,
  maxDataLines,
  normaliseHeader,
  providers,
  referenceLevels,
  subjects,
  type ColumnKey,
} from './lvs-format.ts';
import type { Moment } from '../../tables.ts';

export interface ParsedRow {
  line: number;
  /** The key as in the file: hash it before it goes anywhere. */
  pupilKey: string;
  grade: number;
  provider: string;
  subject: string;
  yearStart: number;
  moment: Moment;
  testDate: string | null;
  rawScore: number | null;
  ability: number;
  level: string | null;
  referenceLevel: string | null;
  dle: number | null;
}

export interface LineProblem {
  line: number;
  reason: string;
}

export type ParseResult =
  | {
      ok: true;
      rows: ParsedRow[];
      warnings: string[];
      encoding: Encoding;
      delimiter: Delimiter;
    }
  | {
      ok: false;
      /** A problem with the whole file (empty, missing columns); null when it is per line. */
      fileProblem: string | null;
      problems: LineProblem[];
      warnings: string[];
    };

/** '2020-2021', '2020-21', '2020/2021' → 2020; null otherwise. */
export function parseSchoolYear(s: string): number | null {
  const m = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(s.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const ok = m[2]!.length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return ok && start >= bounds.yearStart.min && start <= bounds.yearStart.max ? start : null;
}

export const schoolYearLabel = (start: number) => `${start}-${start + 1}`;

const compact = (s: string) => s.toLowerCase().replace(/[\s_.\-]+/g, '');

function parseMoment(raw: string): { moment: Moment; grade: number | null; yearStart: number | null } | null {
  const m = /^(m|e|midden|eind|medio)\s*([1-8])?(?:\s+(.+))?$/i.exec(raw.trim());
  if (!m) return null;
  const moment: Moment = m[1]!.toLowerCase().startsWith('e') ? 'E' : 'M';
  let yearStart: number | null = null;
  if (m[3] !== undefined) {
    yearStart = parseSchoolYear(m[3]);
    if (yearStart === null) return null;
  }
  return { moment, grade: m[2] ? Number(m[2]) : null, yearStart };
}

function parseGrade(raw: string): number | null {
  const m = /^(?:groep|jaargroep|leerjaar|gr\.?)?\s*(\d{1,2})$/i.exec(raw.trim());
  if (!m) return null;
  const g = Number(m[1]);
  return g >= bounds.grade.min && g <= bounds.grade.max ? g : null;
}

function parseLevel(raw: string): string | null | undefined {
  const t = raw.trim().toUpperCase();
  if (t === '') return null;
  return ([...levelScales.IV, ...levelScales.AE] as string[]).includes(t) ? t : undefined;
}

function parseReferenceLevel(raw: string): string | null | undefined {
  const t = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (t === '') return null;
  const v = t === 'ONDER1F' || t === 'LAGERDAN1F' ? '<1F' : t;
  return (referenceLevels as readonly string[]).includes(v) ? v : undefined;
}

const list = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} en ${xs[xs.length - 1]}`;

/** A decoded file: its header (identifying columns already blanked out) and its lines. */
export interface LvsTable {
  encoding: Encoding;
  delimiter: Delimiter;
  /** The header as in the file; a dropped column's name stays here, its values are never read. */
  header: string[];
  /** Positions of columns that look like names or BSN: never read. */
  dropped: Set<number>;
  headerIndex: number;
  lines: string[];
}

/** Decodes a file and reads its header; identifying columns are marked dropped before anything else. */
export function readLvsTable(
  buf: Uint8Array,
): { ok: true; table: LvsTable } | { ok: false; fileProblem: string } {
  const { text, encoding } = decodeText(buf);
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0)
    return { ok: false, fileProblem: 'Het bestand is leeg. Kies het exportbestand met de toetsuitslagen.' };
  const delimiter = detectDelimiter(lines[headerIndex]!);
  const header = splitLine(lines[headerIndex]!, delimiter);
  if (!header)
    return {
      ok: false,
      fileProblem: `De kopregel (regel ${headerIndex + 1}) heeft een aanhalingsteken dat niet gesloten wordt.`,
    };
  const dropped = new Set<number>();
  header.forEach((h, i) => {
    if (h.trim() !== '' && looksIdentifying(h)) dropped.add(i);
  });
  return { ok: true, table: { encoding, delimiter, header, dropped, headerIndex, lines } };
}

/** The columns of the file that may be read: not empty, not identifying. */
export const readableHeaders = (t: Pick<LvsTable, 'header' | 'dropped'>) =>
  t.header.filter((h, i) => h.trim() !== '' && !t.dropped.has(i));

/** The warning for each dropped column: it keeps only the column's name. */
export const droppedWarnings = (t: Pick<LvsTable, 'header' | 'dropped'>) =>
  [...t.dropped].map(
    (i) =>
      `De kolom "${t.header[i]}" lijkt namen of een persoonsnummer (zoals het BSN) te bevatten. Die kolom is weggelaten en niet opgeslagen.`,
  );

/** Fields whose values a mapping may translate (or skip). */
export type ValueField = 'toetsaanbieder' | 'vakgebied' | 'moment';
export const valueFields: ValueField[] = ['toetsaanbieder', 'vakgebied', 'moment'];
/** The target of a value mapping that leaves the line out. */
export const skipValue = 'overslaan';

/** How the lines are read: which column holds which field, and (for a mapping) what its values mean. */
export interface ColumnPlan {
  at: Map<ColumnKey, number>;
  /** A fixed value for a field that is not in the file (the mapping's test provider). */
  fixed?: Partial<Record<ColumnKey, string>>;
  /** compact(value in the file) → the known value, or skipValue. */
  values?: Partial<Record<ValueField, Map<string, string>>>;
  /** Derive the school year from the test date when neither the column nor the moment gives it. */
  yearFromDate?: boolean;
  /** Named in messages: the mapping the file is read with. */
  mappingName?: string;
}

/** The flat format: columns found by their accepted names. */
export function flatPlan(t: LvsTable): ColumnPlan {
  const at = new Map<ColumnKey, number>();
  t.header.forEach((h, i) => {
    if (h.trim() === '' || t.dropped.has(i)) return;
    const spec = columns.find((c) => c.headers.includes(normaliseHeader(h)));
    if (spec && !at.has(spec.key)) at.set(spec.key, i);
  });
  return { at };
}

/** Whether the file's own value is one the flat format knows (no mapping needed). */
export function isKnownValue(field: ValueField, raw: string): boolean {
  const c = compact(raw);
  if (field === 'toetsaanbieder') return providers.some((p) => p.names.includes(c));
  if (field === 'vakgebied') return subjects.some((s) => s.names.includes(c));
  return parseMoment(raw) !== null;
}

export const compactValue = (s: string) => compact(s);

/** Reads and checks a whole file in the flat format. Either every line is good (ok) or the report names each bad line. */
export function parseLvsFile(buf: Uint8Array): ParseResult {
  const read = readLvsTable(buf);
  if (!read.ok) return { ok: false, fileProblem: read.fileProblem, problems: [], warnings: [] };
  return parseLvsTable(read.table, flatPlan(read.table));
}

/** Checks every line of a table read with a plan. */
export function parseLvsTable(table: LvsTable, plan: ColumnPlan): ParseResult {
  const { encoding, delimiter, header, headerIndex, lines } = table;
  const warnings: string[] = droppedWarnings(table);
  const fail = (fileProblem: string): ParseResult => ({ ok: false, fileProblem, problems: [], warnings });
  const at = plan.at;
  const used = new Set(at.values());
  const unused = header.filter((h, i) => h.trim() !== '' && !table.dropped.has(i) && !used.has(i));
  if (unused.length)
    warnings.push(
      `${unused.length === 1 ? 'De kolom' : 'De kolommen'} ${list(unused.map((u) => `"${u}"`))} ${unused.length === 1 ? 'wordt' : 'worden'} niet gebruikt en niet opgeslagen.`,
    );
  const missing = columns
    .filter((c) => c.required && !at.has(c.key) && plan.fixed?.[c.key] === undefined)
    .map((c) => c.key);
  if (missing.length) {
    const found = readableHeaders(table);
    return fail(
      `Er ${missing.length === 1 ? 'ontbreekt een verplichte kolom' : 'ontbreken verplichte kolommen'}: ${list(missing)}. ` +
        `Gevonden ${found.length === 1 ? 'kolom' : 'kolommen'}: ${found.length ? list(found.map((f) => `"${f}"`)) : 'geen'}. ` +
        `Het scheidingsteken leek ${delimiter === '\t' ? 'een tab' : `"${delimiter}"`}; de kolomnamen staan op de uploadpagina.`,
    );
  }

  const rows: ParsedRow[] = [];
  const problems: LineProblem[] = [];
  const skipped = new Map<string, number>();
  let skippedLines = 0;
  const seen = new Map<string, number>();
  let dataLines = 0;
  const col = (fields: string[], key: ColumnKey) => {
    const i = at.get(key);
    return i === undefined ? (plan.fixed?.[key] ?? '') : (fields[i] ?? '');
  };
  const usedWidth = at.size ? Math.max(...at.values()) + 1 : 0;
  /** The value of a value field after the mapping: the known value, or null for a skipped line. */
  const mapped = (field: ValueField, text: string): string | null => {
    const target = plan.values?.[field]?.get(compact(text));
    if (target === skipValue) return null;
    return target ?? text;
  };
  const fieldLabel: Record<ValueField, string> = {
    toetsaanbieder: 'toetsaanbieder',
    vakgebied: 'vakgebied',
    moment: 'moment',
  };
  for (let li = headerIndex + 1; li < lines.length; li++) {
    const raw = lines[li]!;
    if (raw.trim() === '') continue;
    const line = li + 1;
    if (++dataLines > maxDataLines)
      return fail(
        `Het bestand heeft meer dan ${maxDataLines.toLocaleString('nl-NL')} regels. Splits het, bijvoorbeeld per schooljaar.`,
      );
    const fields = splitLine(raw, delimiter);
    if (!fields) {
      problems.push({ line, reason: 'Een aanhalingsteken (") wordt op deze regel niet gesloten.' });
      continue;
    }
    if (fields.length < header.length && fields.length < usedWidth) {
      problems.push({
        line,
        reason: `Deze regel heeft ${fields.length} kolommen; de kopregel heeft er ${header.length}.`,
      });
      continue;
    }
    // A value the mapping skips leaves the whole line out (counted, reported as skipped).
    const values = {} as Record<ValueField, string>;
    let skip: string | null = null;
    for (const f of valueFields) {
      const text = col(fields, f);
      const v = mapped(f, text);
      if (v === null) {
        skip ??= `${fieldLabel[f]} "${text.trim()}"`;
        values[f] = text;
      } else values[f] = v;
    }
    if (skip !== null) {
      skippedLines++;
      skipped.set(skip, (skipped.get(skip) ?? 0) + 1);
      continue;
    }

    const reasons: string[] = [];
    const key = col(fields, 'leerlingsleutel').trim();
    if (key === '') reasons.push('De leerlingsleutel is leeg.');
    else if (key.length > 64) reasons.push('De leerlingsleutel is langer dan 64 tekens.');

    const gradeText = col(fields, 'groep');
    const grade = parseGrade(gradeText);
    if (grade === null) reasons.push(`De groep "${gradeText}" is geen groep 1 tot en met 8.`);

    const providerText = values.toetsaanbieder;
    const provider = providers.find((p) => p.names.includes(compact(providerText)))?.code;
    if (!provider)
      reasons.push(
        `Onbekende toetsaanbieder "${providerText}". Bekend zijn: cito, iep, dia en boom.${mappingHint(plan)}`,
      );

    const subjectText = values.vakgebied;
    const subject = subjects.find((s) => s.names.includes(compact(subjectText)))?.code;
    if (!subject)
      reasons.push(
        `Onbekend vakgebied "${subjectText}". Bekend zijn: ${list(subjects.map((s) => s.label.toLowerCase()))}.${mappingHint(plan)}`,
      );

    const dateText = col(fields, 'afnamedatum');
    let testDate: string | null = null;
    if (dateText.trim() !== '') {
      testDate = parseDutchDate(dateText);
      if (!testDate) reasons.push(`De afnamedatum "${dateText}" is geen datum zoals 25-01-2021.`);
    }

    const momentText = values.moment;
    const moment = parseMoment(momentText);
    let yearStart: number | null = null;
    if (!moment)
      reasons.push(`Het moment "${momentText}" is geen M (midden) of E (eind).${mappingHint(plan)}`);
    else {
      if (moment.grade !== null && grade !== null && moment.grade !== grade)
        reasons.push(
          `Het moment "${momentText}" hoort bij groep ${moment.grade}, maar de regel noemt groep ${grade}.`,
        );
      const yearText = col(fields, 'schooljaar');
      if (yearText.trim() !== '') {
        yearStart = parseSchoolYear(yearText);
        if (yearStart === null)
          reasons.push(`Het schooljaar "${yearText}" is geen schooljaar zoals 2020-2021.`);
        else if (moment.yearStart !== null && moment.yearStart !== yearStart)
          reasons.push('Het schooljaar bij het moment verschilt van de kolom schooljaar.');
      } else if (moment.yearStart !== null) yearStart = moment.yearStart;
      else if (plan.yearFromDate && testDate) yearStart = schoolYearOfDate(testDate);
      else
        reasons.push(
          plan.yearFromDate
            ? 'Het schooljaar ontbreekt: de koppeling leidt het af uit de afnamedatum, maar die is leeg.'
            : 'Het schooljaar ontbreekt: vul de kolom schooljaar of schrijf het bij het moment (M 2020-2021).',
        );
    }
    if (
      testDate &&
      yearStart !== null &&
      (testDate < `${yearStart}-08-01` || testDate > `${yearStart + 1}-07-31`)
    )
      reasons.push(`De afnamedatum ${dateText} valt niet in schooljaar ${schoolYearLabel(yearStart)}.`);

    const number = (text: string, what: string, b: { min: number; max: number }, integer = false) => {
      if (text.trim() === '') return null;
      const n = parseDecimal(text);
      if (Number.isNaN(n) || (integer && !Number.isInteger(n))) {
        reasons.push(`${what} "${text}" is geen ${integer ? 'geheel ' : ''}getal.`);
        return null;
      }
      if (n < b.min || n > b.max) {
        reasons.push(`${what} ${text} valt buiten het bereik ${b.min} tot en met ${b.max}.`);
        return null;
      }
      return n;
    };
    const abilityText = col(fields, 'vaardigheidsscore');
    const ability = number(abilityText, 'De vaardigheidsscore', bounds.ability);
    if (abilityText.trim() === '') reasons.push('De vaardigheidsscore is leeg.');
    const rawScore = number(col(fields, 'ruwe_score'), 'De ruwe score', bounds.raw);
    const dle = number(col(fields, 'dle'), 'De DLE', bounds.dle, true);
    const levelText = col(fields, 'niveau');
    const level = parseLevel(levelText);
    if (level === undefined)
      reasons.push(`Het niveau "${levelText}" is geen I tot en met V of A tot en met E.`);
    const refText = col(fields, 'referentieniveau');
    const referenceLevel = parseReferenceLevel(refText);
    if (referenceLevel === undefined)
      reasons.push(`Het referentieniveau "${refText}" is geen <1F, 1F, 2F of 1S.`);

    if (
      reasons.length === 0 &&
      moment &&
      grade !== null &&
      provider &&
      subject &&
      yearStart !== null &&
      ability !== null
    ) {
      const identity = `${key}\u0000${provider}\u0000${subject}\u0000${yearStart}\u0000${moment.moment}`;
      const first = seen.get(identity);
      if (first !== undefined) {
        problems.push({
          line,
          reason: `Dubbele regel: deze leerling heeft op regel ${first} al een uitslag voor ${subjectText} bij ${moment.moment} ${schoolYearLabel(yearStart)}.`,
        });
        continue;
      }
      seen.set(identity, line);
      rows.push({
        line,
        pupilKey: key,
        grade,
        provider,
        subject,
        yearStart,
        moment: moment.moment,
        testDate,
        rawScore,
        ability,
        level: level ?? null,
        referenceLevel: referenceLevel ?? null,
        dle,
      });
    } else problems.push({ line, reason: reasons.join(' ') });
  }
  if (dataLines === 0) return fail('Het bestand heeft een kopregel maar geen regels met uitslagen.');
  if (skippedLines > 0)
    warnings.push(
      `${skippedLines.toLocaleString('nl-NL')} ${skippedLines === 1 ? 'regel is' : 'regels zijn'} overgeslagen, zoals de koppeling zegt: ${list(
        [...skipped].map(
          ([what, n]) => `${what} (${n.toLocaleString('nl-NL')} ${n === 1 ? 'regel' : 'regels'})`,
        ),
      )}.`,
    );
  if (problems.length) return { ok: false, fileProblem: null, problems, warnings };
  if (rows.length === 0)
    return fail(
      `Alle ${skippedLines.toLocaleString('nl-NL')} regels zijn overgeslagen volgens de koppeling; er is niets om in te lezen. Kijk bij de koppeling welke waarden worden overgeslagen.`,
    );
  return { ok: true, rows, warnings, encoding, delimiter };
}

const mappingHint = (plan: ColumnPlan) =>
  plan.mappingName !== undefined
    ? ` Koppel de waarde in de koppeling "${plan.mappingName}" aan een bekende waarde of laat haar overslaan.`
    : '';

/** The school year (by its first year) a date falls in: 1 August to 31 July. */
export function schoolYearOfDate(iso: string): number {
  const y = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 8 ? y : y - 1;
}
