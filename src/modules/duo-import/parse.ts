// Turns a DUO file into typed records and a list of rejected lines. Pure: no database.
// Columns are found by header name, never by position; both the old (BRIN NUMMER /
// VESTIGINGSNUMMER) and the current (INSTELLINGSCODE / VESTIGINGSCODE) layouts are read.
import type { Sector } from '../../platform/db/tables.ts';
import { clean, decodeText, normaliseHeader, readCsv, type Encoding } from './csv.ts';

export type DuoFileKind =
  | 'vestigingen-po'
  | 'vestigingen-vo'
  | 'vestigingen-sbo-so-vso'
  | 'leerlingen-po-historie'
  | 'leerlingen-vo-onderwijstype'
  | 'leerlingen-vo-vestiging'
  | 'besturen';

/** What a person says a file is on the upload page; the file must match. */
export type DuoFileGroup = 'scholen' | 'leerlingen' | 'besturen';

export const kindGroup: Record<DuoFileKind, DuoFileGroup> = {
  'vestigingen-po': 'scholen',
  'vestigingen-vo': 'scholen',
  'vestigingen-sbo-so-vso': 'scholen',
  'leerlingen-po-historie': 'leerlingen',
  'leerlingen-vo-onderwijstype': 'leerlingen',
  'leerlingen-vo-vestiging': 'leerlingen',
  besturen: 'besturen',
};

export const kindLabel: Record<DuoFileKind, string> = {
  'vestigingen-po': 'schoolvestigingen basisonderwijs',
  'vestigingen-vo': 'vestigingen voortgezet onderwijs',
  'vestigingen-sbo-so-vso': 'vestigingen sbo, so en vso',
  'leerlingen-po-historie': 'historisch overzicht leerlingen per schoolvestiging (po)',
  'leerlingen-vo-onderwijstype': 'leerlingen vo per vestiging naar onderwijstype',
  'leerlingen-vo-vestiging': 'leerlingen vo per vestiging en bestuur',
  besturen: 'besturen (bevoegde gezagen)',
};

export const groupLabel: Record<DuoFileGroup, string> = {
  scholen: 'een scholenbestand (vestigingen)',
  leerlingen: 'een leerlingenbestand',
  besturen: 'een bestand met besturen',
};

export type PupilCategory = 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34';

export interface Problem {
  line: number;
  reason: string;
}

export interface SchoolRecord {
  line: number;
  code: string;
  instellingscode: string;
  boardCode: string;
  name: string;
  sector: Sector;
  duoSoort: string;
  place: string | null;
  postcode: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  denomination: string | null;
  onderwijsstructuur: string | null;
}

export interface PupilRecord {
  line: number;
  code: string;
  teldatum: string;
  category: PupilCategory;
  pupils: number | null;
  belowFive: boolean;
}

export interface BoardRecord {
  line: number;
  code: string;
  name: string;
  place: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  denomination: string | null;
}

export interface ParsedFile {
  kind: DuoFileKind;
  encoding: Encoding;
  dataRows: number;
  /** Full snapshots of a sector: schools of that sector missing from the file have closed. */
  snapshotSectors: Sector[];
  schools: SchoolRecord[];
  /** Schools the pupil history file names; created only when no school file knows them. */
  pupilSchools: SchoolRecord[];
  pupils: PupilRecord[];
  boards: BoardRecord[];
  problems: Problem[];
}

/** A file that cannot be imported at all: wrong kind, missing column, unreadable. */
export class DuoFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Pupil history is kept from this year on (the programme needs 2019 onwards). */
export const firstHistoryYear = 2015;

export function detectKind(headers: string[]): DuoFileKind | 'eindscores' | null {
  const h = new Set(headers);
  if (h.has('ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR')) return 'leerlingen-vo-onderwijstype';
  if (headers.some((x) => /^LEERLINGEN \d{4}$/.test(x))) return 'leerlingen-po-historie';
  if (h.has('AANTAL LEERLINGEN')) return 'leerlingen-vo-vestiging';
  if (h.has('CET GEM') || h.has('PRIKDATUM SCORES')) return 'eindscores';
  if (h.has('BEVOEGD GEZAG NAAM')) return 'besturen';
  const hasSchoolCode = h.has('VESTIGINGSCODE') || h.has('VESTIGINGSNUMMER');
  if (hasSchoolCode && (h.has('VESTIGINGSNAAM') || h.has('STRAATNAAM') || h.has('PLAATSNAAM'))) {
    if (h.has('SOORT PRIMAIR ONDERWIJS')) return 'vestigingen-sbo-so-vso';
    if (h.has('ONDERWIJSSTRUCTUUR')) return 'vestigingen-vo';
    return 'vestigingen-po';
  }
  return null;
}

const schoolColumns = [
  'BEVOEGD GEZAG NUMMER',
  'VESTIGINGSNAAM',
  'PLAATSNAAM',
  'GEMEENTENUMMER',
  'GEMEENTENAAM',
  'DENOMINATIE',
];

function required(kind: DuoFileKind): (string | string[])[] {
  switch (kind) {
    case 'vestigingen-po':
    case 'vestigingen-vo':
      return [...schoolColumns, ['INSTELLINGSCODE', 'BRIN NUMMER'], ['VESTIGINGSCODE', 'VESTIGINGSNUMMER']];
    case 'vestigingen-sbo-so-vso':
      return [
        ...schoolColumns,
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'SOORT PRIMAIR ONDERWIJS',
      ];
    case 'leerlingen-po-historie':
      return [
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'NAAM VESTIGING',
        'SOORT VESTIGING',
        'BEVOEGD GEZAG NUMMER',
        'GEMEENTECODE VESTIGING',
        'GEMEENTENAAM VESTIGING',
      ];
    case 'leerlingen-vo-onderwijstype':
      return [
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR',
      ];
    case 'leerlingen-vo-vestiging':
      return [
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'AANTAL LEERLINGEN',
      ];
    case 'besturen':
      return ['BEVOEGD GEZAG NUMMER', 'BEVOEGD GEZAG NAAM'];
  }
}

/** '285', ' 637', '0106' -> '0285', '0637', '0106'; anything else -> null. */
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

const orNull = (v: string) => (v === '' ? null : v);

function sectorFromSoort(soort: string, onderwijs = ''): Sector | null {
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

export interface ParseOptions {
  /** The group the person chose on the upload page; a file of another group is refused. */
  expected?: DuoFileGroup;
  /** The file name: the year in it ('...-2019.csv') gives the teldatum of VO pupil files. */
  fileName?: string;
  /** 1 October of this year is the teldatum for files that do not say it themselves. */
  year?: number;
}

export function parseDuoFile(buf: Uint8Array, opts: ParseOptions = {}): ParsedFile {
  const { text, encoding } = decodeText(buf);
  const records = readCsv(text);
  if (records.length === 0) throw new DuoFileError('Het bestand is leeg.');
  const header = records[0]!;
  const headers = header.fields.map(normaliseHeader);
  const kind = detectKind(headers);
  if (kind === 'eindscores') {
    throw new DuoFileError(
      'Dit is een bestand met eindtoetsscores; dat gebruikt de bekostiging niet. Kies een scholen- of leerlingenbestand van DUO.',
      1,
    );
  }
  if (!kind) {
    throw new DuoFileError(
      'Dit bestand herkennen we niet als DUO-bestand: de kopregel (regel 1) mist de kolommen van een scholen-, leerlingen- of bestuurenbestand. Controleer of u het goede bestand hebt gekozen en of de kolommen met een puntkomma (;) zijn gescheiden.',
      1,
    );
  }
  if (opts.expected && kindGroup[kind] !== opts.expected) {
    throw new DuoFileError(
      `Dit is ${groupLabel[kindGroup[kind]]} (${kindLabel[kind]}), maar u koos ${groupLabel[opts.expected]}. Kies het juiste soort bestand en probeer het opnieuw.`,
      1,
    );
  }
  const col = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!col.has(h)) col.set(h, i);
  });
  for (const r of required(kind)) {
    const options = Array.isArray(r) ? r : [r];
    if (!options.some((o) => col.has(o))) {
      throw new DuoFileError(
        `De kolom ${options.map((o) => `"${o}"`).join(' of ')} ontbreekt in de kopregel (regel 1). Gebruik het bestand zoals DUO het publiceert.`,
        1,
      );
    }
  }
  const idx = (...names: string[]) => {
    for (const n of names) {
      const i = col.get(n);
      if (i !== undefined) return i;
    }
    return -1;
  };
  const get = (fields: string[], i: number) => (i < 0 ? '' : clean(fields[i]));

  const out: ParsedFile = {
    kind,
    encoding,
    dataRows: records.length - 1,
    snapshotSectors: [],
    schools: [],
    pupilSchools: [],
    pupils: [],
    boards: [],
    problems: [],
  };
  const width = header.fields.length;
  const rows = records.slice(1);
  const tooShort = (r: { line: number; fields: string[] }) => {
    if (r.fields.length < width) {
      out.problems.push({
        line: r.line,
        reason: `De regel heeft ${r.fields.length} kolommen in plaats van ${width}.`,
      });
      return true;
    }
    return false;
  };

  const iInst = idx('INSTELLINGSCODE', 'BRIN NUMMER');
  const iVest = idx('VESTIGINGSCODE', 'VESTIGINGSNUMMER');
  const iBoard = idx('BEVOEGD GEZAG NUMMER');
  const boardOk = (v: string) => /^\d{1,6}$/.test(v);

  if (kind === 'vestigingen-po' || kind === 'vestigingen-vo' || kind === 'vestigingen-sbo-so-vso') {
    const iName = idx('VESTIGINGSNAAM');
    const iPlace = idx('PLAATSNAAM');
    const iPc = idx('POSTCODE');
    const iMun = idx('GEMEENTENUMMER');
    const iMunName = idx('GEMEENTENAAM');
    const iDen = idx('DENOMINATIE');
    const iStruct = idx('ONDERWIJSSTRUCTUUR');
    const iSoort = idx('SOORT PRIMAIR ONDERWIJS');
    const iOnderwijs = idx('ONDERWIJS');
    out.snapshotSectors =
      kind === 'vestigingen-po' ? ['BO'] : kind === 'vestigingen-vo' ? ['VO'] : ['SBO', 'SO', 'VSO'];
    const seen = new Set<string>();
    for (const r of rows) {
      if (tooShort(r)) continue;
      const f = r.fields;
      const inst = get(f, iInst).toUpperCase();
      const code = vestigingscode(inst, get(f, iVest));
      const board = get(f, iBoard);
      const name = get(f, iName);
      if (!code) {
        out.problems.push({
          line: r.line,
          reason: `De vestigingscode "${get(f, iVest)}" is geen geldige code (vier tekens en twee cijfers).`,
        });
        continue;
      }
      if (!boardOk(board)) {
        out.problems.push({ line: r.line, reason: `Het bevoegd-gezagnummer "${board}" is geen nummer.` });
        continue;
      }
      if (!name) {
        out.problems.push({ line: r.line, reason: 'De vestigingsnaam is leeg.' });
        continue;
      }
      let sector: Sector | null = kind === 'vestigingen-po' ? 'BO' : kind === 'vestigingen-vo' ? 'VO' : null;
      const soort =
        kind === 'vestigingen-sbo-so-vso' ? get(f, iSoort) : kind === 'vestigingen-vo' ? 'VO' : 'BO';
      if (!sector) sector = sectorFromSoort(soort, get(f, iOnderwijs));
      if (!sector) {
        out.problems.push({
          line: r.line,
          reason: `De soort onderwijs "${soort}" kennen we niet (verwacht: SBO of (V)SO).`,
        });
        continue;
      }
      if (seen.has(code)) {
        out.problems.push({
          line: r.line,
          reason: `Vestiging ${code} staat al eerder in het bestand; deze regel is overgeslagen.`,
        });
        continue;
      }
      seen.add(code);
      out.schools.push({
        line: r.line,
        code,
        instellingscode: code.slice(0, 4),
        boardCode: String(Number(board)),
        name,
        sector,
        duoSoort: soort,
        place: orNull(get(f, iPlace)),
        postcode: orNull(get(f, iPc)),
        municipalityCode: municipalityCode(get(f, iMun)),
        municipalityName: orNull(get(f, iMunName)),
        denomination: orNull(get(f, iDen)),
        onderwijsstructuur: iStruct < 0 ? null : orNull(get(f, iStruct)),
      });
    }
    return out;
  }

  if (kind === 'leerlingen-po-historie') {
    const years: { i: number; year: number }[] = [];
    headers.forEach((h, i) => {
      const m = /^LEERLINGEN (\d{4})$/.exec(h);
      if (m && Number(m[1]) >= firstHistoryYear) years.push({ i, year: Number(m[1]) });
    });
    const iName = idx('NAAM VESTIGING');
    const iSoort = idx('SOORT VESTIGING');
    const iDen = idx('DENOMINATIE VESTIGING');
    const iMun = idx('GEMEENTECODE VESTIGING');
    const iMunName = idx('GEMEENTENAAM VESTIGING');
    const seen = new Set<string>();
    for (const r of rows) {
      if (tooShort(r)) continue;
      const f = r.fields;
      const code = vestigingscode(get(f, iInst), get(f, iVest));
      if (!code) {
        out.problems.push({
          line: r.line,
          reason: `De vestigingscode "${get(f, iVest)}" is geen geldige code.`,
        });
        continue;
      }
      const soort = get(f, iSoort);
      const sector = sectorFromSoort(soort);
      if (!sector) {
        out.problems.push({
          line: r.line,
          reason: `De soort vestiging "${soort}" kennen we niet (verwacht: BO, SBO, SO, VSO of SO/VSO).`,
        });
        continue;
      }
      const board = get(f, iBoard);
      if (!boardOk(board)) {
        out.problems.push({ line: r.line, reason: `Het bevoegd-gezagnummer "${board}" is geen nummer.` });
        continue;
      }
      const counts: PupilRecord[] = [];
      let bad: string | null = null;
      for (const y of years) {
        const c = parseCount(f[y.i] ?? '');
        if (c === 'blank') continue;
        if (c === 'invalid') {
          bad = `Het aantal leerlingen "${clean(f[y.i])}" in kolom ${header.fields[y.i]!.trim()} is geen getal (verwacht: een getal of "<5").`;
          break;
        }
        if (c.pupils === 0) continue;
        counts.push({
          line: r.line,
          code,
          teldatum: `${y.year}-10-01`,
          category: 'totaal',
          pupils: c.pupils,
          belowFive: c.belowFive,
        });
      }
      if (bad) {
        out.problems.push({ line: r.line, reason: bad });
        continue;
      }
      if (seen.has(code)) {
        out.problems.push({
          line: r.line,
          reason: `Vestiging ${code} staat al eerder in het bestand; deze regel is overgeslagen.`,
        });
        continue;
      }
      seen.add(code);
      out.pupils.push(...counts);
      // Only schools with pupils in the programme's years are worth creating.
      if (counts.some((c) => c.teldatum >= '2019-10-01')) {
        out.pupilSchools.push({
          line: r.line,
          code,
          instellingscode: code.slice(0, 4),
          boardCode: String(Number(board)),
          name: get(f, iName) || code,
          sector,
          duoSoort: soort,
          place: null,
          postcode: null,
          municipalityCode: municipalityCode(get(f, iMun)),
          municipalityName: orNull(get(f, iMunName)),
          denomination: orNull(get(f, iDen)),
          onderwijsstructuur: null,
        });
      }
    }
    return out;
  }

  if (kind === 'leerlingen-vo-onderwijstype' || kind === 'leerlingen-vo-vestiging') {
    const year =
      opts.year ?? Number(/(?:^|\D)((?:19|20)\d{2})(?:\D*)\.csv$/i.exec(opts.fileName ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      throw new DuoFileError(
        'Uit dit VO-leerlingenbestand blijkt niet voor welk jaar de telling is. Geef het jaar op (de naam van DUO eindigt op het jaar, bijvoorbeeld ...-2019.csv).',
      );
    }
    const teldatum = `${year}-10-01`;
    const totals = new Map<
      string,
      { line: number; VO_ALG: number; VO_PRO_VBO34: number; uncertain: boolean }
    >();
    if (kind === 'leerlingen-vo-onderwijstype') {
      const iType = idx('ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR');
      const countCols = headers
        .map((h, i) => ({ h, i }))
        .filter((x) => /^LEER- OF VERBLIJFSJAAR \d - (MAN|VROUW)$/.test(x.h));
      if (countCols.length === 0)
        throw new DuoFileError(
          'De kolommen met aantallen per leerjaar ("LEER- OF VERBLIJFSJAAR 1 - MAN" enz.) ontbreken in de kopregel (regel 1).',
          1,
        );
      for (const r of rows) {
        if (tooShort(r)) continue;
        const f = r.fields;
        const code = vestigingscode(get(f, iInst), get(f, iVest));
        if (!code) {
          out.problems.push({
            line: r.line,
            reason: `De vestigingscode "${get(f, iInst)}${get(f, iVest)}" is geen geldige code.`,
          });
          continue;
        }
        let sum = 0;
        let uncertain = false;
        let bad: string | null = null;
        for (const c of countCols) {
          const v = parseCount(f[c.i] ?? '');
          if (v === 'blank') continue;
          if (v === 'invalid') {
            bad = `Het aantal "${clean(f[c.i])}" in kolom ${header.fields[c.i]!.trim()} is geen getal.`;
            break;
          }
          if (v.belowFive) uncertain = true;
          else sum += v.pupils!;
        }
        if (bad) {
          out.problems.push({ line: r.line, reason: bad });
          continue;
        }
        const t = totals.get(code) ?? { line: r.line, VO_ALG: 0, VO_PRO_VBO34: 0, uncertain: false };
        t[voCategory(get(f, iType)) as 'VO_ALG' | 'VO_PRO_VBO34'] += sum;
        t.uncertain ||= uncertain;
        totals.set(code, t);
      }
    } else {
      const iCount = idx('AANTAL LEERLINGEN');
      for (const r of rows) {
        if (tooShort(r)) continue;
        const f = r.fields;
        const code = vestigingscode(get(f, iInst), get(f, iVest));
        if (!code) {
          out.problems.push({
            line: r.line,
            reason: `De vestigingscode "${get(f, iVest)}" is geen geldige code.`,
          });
          continue;
        }
        const v = parseCount(f[iCount] ?? '');
        if (v === 'invalid' || v === 'blank') {
          out.problems.push({
            line: r.line,
            reason: `Het aantal leerlingen "${clean(f[iCount])}" is geen getal (verwacht: een getal of "<5").`,
          });
          continue;
        }
        out.pupils.push({
          line: r.line,
          code,
          teldatum,
          category: 'totaal',
          pupils: v.pupils,
          belowFive: v.belowFive,
        });
      }
      return out;
    }
    for (const [code, t] of totals) {
      const total = t.VO_ALG + t.VO_PRO_VBO34;
      const line = t.line;
      out.pupils.push({
        line,
        code,
        teldatum,
        category: 'totaal',
        pupils: t.uncertain ? null : total,
        belowFive: t.uncertain,
      });
      out.pupils.push({
        line,
        code,
        teldatum,
        category: 'VO_ALG',
        pupils: t.uncertain ? null : t.VO_ALG,
        belowFive: t.uncertain,
      });
      out.pupils.push({
        line,
        code,
        teldatum,
        category: 'VO_PRO_VBO34',
        pupils: t.uncertain ? null : t.VO_PRO_VBO34,
        belowFive: t.uncertain,
      });
    }
    return out;
  }

  // besturen
  const iName = idx('BEVOEGD GEZAG NAAM');
  const iPlace = idx('PLAATSNAAM');
  const iMun = idx('GEMEENTENUMMER');
  const iMunName = idx('GEMEENTENAAM');
  const iDen = idx('DENOMINATIE');
  const seen = new Set<string>();
  for (const r of rows) {
    if (tooShort(r)) continue;
    const f = r.fields;
    const board = get(f, iBoard);
    const name = get(f, iName);
    if (!boardOk(board)) {
      out.problems.push({ line: r.line, reason: `Het bevoegd-gezagnummer "${board}" is geen nummer.` });
      continue;
    }
    if (!name) {
      out.problems.push({ line: r.line, reason: 'De naam van het bestuur is leeg.' });
      continue;
    }
    const code = String(Number(board));
    if (seen.has(code)) continue; // the same board in several sector lists
    seen.add(code);
    out.boards.push({
      line: r.line,
      code,
      name,
      place: orNull(get(f, iPlace)),
      municipalityCode: municipalityCode(get(f, iMun)),
      municipalityName: orNull(get(f, iMunName)),
      denomination: orNull(get(f, iDen)),
    });
  }
  return out;
}
