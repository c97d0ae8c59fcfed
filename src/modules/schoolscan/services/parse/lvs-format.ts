// The flat LVS format (docs/lvs-import.md): its columns, the subjects and test providers it
// knows, the bounds a value must fall within, and which column headers look like names or
// BSN (those columns are dropped and never stored). Data, not parsing.

export type ColumnKey =
  | 'leerlingsleutel'
  | 'groep'
  | 'toetsaanbieder'
  | 'vakgebied'
  | 'moment'
  | 'schooljaar'
  | 'afnamedatum'
  | 'ruwe_score'
  | 'vaardigheidsscore'
  | 'niveau'
  | 'referentieniveau'
  | 'dle';

export interface ColumnSpec {
  key: ColumnKey;
  /** Required in every file (schooljaar may instead be written with the moment). */
  required: boolean;
  /** Accepted headers, compared after normalising (lower case, no spaces, dashes, dots or underscores). */
  headers: string[];
  description: string;
}

export const columns: ColumnSpec[] = [
  {
    key: 'leerlingsleutel',
    required: true,
    headers: ['leerlingsleutel', 'leerlingid', 'leerlingnummer', 'sleutel'],
    description: 'de sleutel van de leerling in uw leerlingvolgsysteem',
  },
  {
    key: 'groep',
    required: true,
    headers: ['groep', 'jaargroep', 'leerjaar'],
    description: 'groep 1 tot en met 8 (of leerjaar)',
  },
  {
    key: 'toetsaanbieder',
    required: true,
    headers: ['toetsaanbieder', 'aanbieder'],
    description: 'cito, iep, dia of boom',
  },
  {
    key: 'vakgebied',
    required: true,
    headers: ['vakgebied', 'leergebied'],
    description: 'rekenen-wiskunde, begrijpend lezen, technisch lezen of spelling',
  },
  {
    key: 'moment',
    required: true,
    headers: ['moment', 'toetsmoment', 'afnamemoment'],
    description: 'M (midden) of E (eind)',
  },
  { key: 'schooljaar', required: false, headers: ['schooljaar'], description: 'bijvoorbeeld 2020-2021' },
  {
    key: 'afnamedatum',
    required: false,
    headers: ['afnamedatum', 'datum'],
    description: 'bijvoorbeeld 25-01-2021',
  },
  {
    key: 'ruwe_score',
    required: false,
    headers: ['ruwescore', 'aantalgoed'],
    description: 'het aantal goede antwoorden',
  },
  {
    key: 'vaardigheidsscore',
    required: true,
    headers: ['vaardigheidsscore'],
    description: 'de score op de schaal van de toets',
  },
  {
    key: 'niveau',
    required: false,
    headers: ['niveau', 'vaardigheidsniveau'],
    description: 'I tot en met V, of A tot en met E',
  },
  {
    key: 'referentieniveau',
    required: false,
    headers: ['referentieniveau'],
    description: '<1F, 1F, 2F of 1S',
  },
  {
    key: 'dle',
    required: false,
    headers: ['dle', 'didactischeleeftijdsequivalent'],
    description: 'didactische leeftijdsequivalent in maanden',
  },
];

export const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_.\-]+/g, '');

/**
 * Headers that look like a pupil's name or a national number (BSN, onderwijsnummer) or other
 * directly identifying facts: such a column is dropped before anything else reads it.
 */
export function looksIdentifying(header: string): boolean {
  const h = normaliseHeader(header);
  return (
    h === 'naam' ||
    h === 'namen' ||
    /^(voor|achter|roep|geslachts|familie|volledige|leerling|kind)na(a)?m(en)?$/.test(h) ||
    /^naam(leerling|kind|van)/.test(h) ||
    /tussenvoegsel|voorletter|bsn|burgerservice|sofinummer|onderwijsnummer|persoonsgebonden|geboorte|adres|postcode|email|telefoon/.test(
      h,
    ) ||
    h === 'pgn'
  );
}

export interface Subject {
  code: string;
  label: string;
  names: string[];
}

/** The subject areas the analysis knows; other names are refused per line. */
export const subjects: Subject[] = [
  {
    code: 'rekenen-wiskunde',
    label: 'Rekenen-wiskunde',
    names: ['rekenenwiskunde', 'rekenen', 'rw', 'wiskunde'],
  },
  { code: 'begrijpend-lezen', label: 'Begrijpend lezen', names: ['begrijpendlezen', 'bl', 'lezen'] },
  { code: 'technisch-lezen', label: 'Technisch lezen', names: ['technischlezen', 'tl', 'dmt'] },
  { code: 'spelling', label: 'Spelling', names: ['spelling', 'sp', 'taalverzorging'] },
];

export const subjectLabel = (code: string) => subjects.find((s) => s.code === code)?.label ?? code;

export const providers: { code: string; label: string; names: string[] }[] = [
  { code: 'cito', label: 'Cito', names: ['cito', 'citolvs', 'citoleerlingvolgsysteem'] },
  { code: 'iep', label: 'IEP', names: ['iep', 'ieplvs'] },
  { code: 'dia', label: 'DIA', names: ['dia', 'diatoetsen'] },
  { code: 'boom', label: 'Boom', names: ['boom', 'boomlvs', 'boomtoetsen'] },
];

export const providerLabel = (code: string) => providers.find((p) => p.code === code)?.label ?? code;

/** Bounds of the numbers: wide enough for every provider's scale, narrow enough to catch a slip. */
export const bounds = {
  ability: { min: 0, max: 999 },
  raw: { min: 0, max: 999 },
  dle: { min: 0, max: 70 },
  grade: { min: 1, max: 8 },
  yearStart: { min: 2000, max: 2099 },
};

export const levelScales = {
  IV: ['I', 'II', 'III', 'IV', 'V'],
  AE: ['A', 'B', 'C', 'D', 'E'],
} as const;
export type LevelScale = keyof typeof levelScales;

export const referenceLevels = ['<1F', '1F', '2F', '1S'] as const;

/** The largest file the upload takes, and the most lines in one file. */
export const maxFileBytes = 20 * 1024 * 1024;
export const maxFileMegabytes = 20;
export const maxDataLines = 200_000;
