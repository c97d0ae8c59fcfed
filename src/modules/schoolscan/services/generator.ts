// Synthetic LVS results in the flat format (docs/lvs-import.md), for demos, tests and
// benchmarks: a school of any size over several school years, pupils followed from group 3 to
// group 8, a midden and an eind moment per year (group 8 only midden), growth between moments
// that slows as pupils get older, a dip from the spring of 2020 that is deepest in 2020-2021
// and recovers after, and levels, DLE and referentieniveaus that follow from the scores.
// Deterministic: the same options give the same file.
import { stringifySafeCsv } from '../../../platform/csv/safe-csv.ts';
import type { Moment } from '../tables.ts';
import { encodeWindows1252 } from '../../../platform/input/text-file.ts';
import type { LvsMapping } from './parse/lvs-mapping.ts';

export interface GeneratorOptions {
  /** Pupils in the whole school (groups 1–8); groups 3–8 are tested. */
  pupils: number;
  /** First and last school year, by the year they start in (2016 = 2016-2017). */
  fromYear: number;
  toYear: number;
  seed: number;
  /** Leave out the dip (a school without pandemic effect), for comparisons. */
  noDip?: boolean;
}

export interface GeneratedRow {
  leerlingsleutel: string;
  groep: number;
  toetsaanbieder: string;
  vakgebied: string;
  moment: Moment;
  schooljaar: string;
  afnamedatum: string;
  ruwe_score: number;
  vaardigheidsscore: number;
  niveau: string;
  referentieniveau: string;
  dle: number;
}

/** mulberry32: a small, fast, seedable generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** Scale per subject: mean score at learning month t is a + b·(1 − e^(−t/c)); the spread grows with t. */
const scales = [
  { vakgebied: 'rekenen-wiskunde', a: 10, b: 150, c: 45, dip: 1.0, ref: '1S' },
  { vakgebied: 'begrijpend lezen', a: 5, b: 120, c: 50, dip: 0.8, ref: '2F' },
  { vakgebied: 'technisch lezen', a: 0, b: 110, c: 35, dip: 1.2, ref: '' },
  { vakgebied: 'spelling', a: 95, b: 60, c: 40, dip: 1.1, ref: '2F' },
] as const;

type Scale = (typeof scales)[number];
const meanAt = (s: Scale, t: number) => s.a + s.b * (1 - Math.exp(-t / s.c));
const sdAt = (s: Scale, t: number) => (s.b / 150) * (13 + 0.12 * t);
/** The learning month whose mean is this score (the DLE). */
const monthOf = (s: Scale, score: number) => {
  const f = (score - s.a) / s.b;
  return f >= 0.999 ? 70 : f <= 0 ? 0 : -s.c * Math.log(1 - f);
};

/** Learning months lost by the time of a measurement (the dip and the recovery). */
export function dipMonths(yearStart: number, moment: Moment): number {
  const table: Record<string, number> = {
    '2019E': 1.0,
    '2020M': 2.0,
    '2020E': 2.5,
    '2021M': 2.0,
    '2021E': 1.2,
    '2022M': 0.8,
    '2022E': 0.4,
  };
  if (yearStart < 2019) return 0;
  return table[`${yearStart}${moment}`] ?? 0.2;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function generateLvs(o: GeneratorOptions): GeneratedRow[] {
  const rnd = random(o.seed);
  const perGroup = Math.max(1, Math.round(o.pupils / 8));
  const rows: GeneratedRow[] = [];
  // A cohort is named by the school year in which it is in group 3.
  let nextKey = 100000 + Math.floor(rnd() * 800000);
  for (let cohort = o.fromYear - 5; cohort <= o.toYear; cohort++) {
    const size = Math.max(1, Math.round(perGroup * (0.9 + 0.2 * rnd())));
    const pupils = Array.from({ length: size }, () => ({
      key: `LL${nextKey++}`,
      theta: normal(rnd),
      pace: 1 + 0.08 * normal(rnd),
    }));
    for (let grade = 3; grade <= 8; grade++) {
      const yearStart = cohort + grade - 3;
      if (yearStart < o.fromYear || yearStart > o.toYear) continue;
      const moments: Moment[] = grade === 8 ? ['M'] : ['M', 'E'];
      for (const moment of moments) {
        const t = (grade - 3) * 10 + (moment === 'M' ? 5 : 10);
        const day = moment === 'M' ? 20 + Math.floor(rnd() * 11) : 1 + Math.floor(rnd() * 14);
        const date = `${pad(day)}-${moment === 'M' ? '01' : '06'}-${yearStart + 1}`;
        for (const p of pupils) {
          if (rnd() < 0.03) continue; // absent on the day
          for (const s of scales) {
            const lost = o.noDip ? 0 : dipMonths(yearStart, moment) * s.dip * (1 - 0.3 * p.theta);
            const tEff = Math.max(0, t * p.pace - Math.max(0, lost));
            const score = Math.max(
              0,
              meanAt(s, tEff) + sdAt(s, t) * (0.85 * p.theta + 0.5 * normal(rnd)) * 0.9,
            );
            const z = (score - meanAt(s, t)) / sdAt(s, t);
            const niveau = z > 0.84 ? 'I' : z > 0.25 ? 'II' : z > -0.25 ? 'III' : z > -0.84 ? 'IV' : 'V';
            const ref = grade === 8 && s.ref ? (z < -1.2 ? '<1F' : z >= 0.25 ? s.ref : '1F') : '';
            rows.push({
              leerlingsleutel: p.key,
              groep: grade,
              toetsaanbieder: 'cito',
              vakgebied: s.vakgebied,
              moment,
              schooljaar: `${yearStart}-${yearStart + 1}`,
              afnamedatum: date,
              ruwe_score: Math.round(50 / (1 + Math.exp(-1.2 * z))),
              vaardigheidsscore: Math.round(score * 10) / 10,
              niveau,
              referentieniveau: ref,
              dle: Math.round(Math.min(70, monthOf(s, score))),
            });
          }
        }
      }
    }
  }
  return rows;
}

export const generatedHeader = [
  'leerlingsleutel',
  'groep',
  'toetsaanbieder',
  'vakgebied',
  'moment',
  'schooljaar',
  'afnamedatum',
  'ruwe_score',
  'vaardigheidsscore',
  'niveau',
  'referentieniveau',
  'dle',
] as const;

/** The rows as a file in the flat format: ';'-separated, decimal commas, Dutch dates, UTF-8. */
export function toFlatCsv(rows: GeneratedRow[]): string {
  return stringifySafeCsv(
    [
      [...generatedHeader],
      ...rows.map((r) => [
        r.leerlingsleutel,
        r.groep,
        r.toetsaanbieder,
        r.vakgebied,
        r.moment,
        r.schooljaar,
        r.afnamedatum,
        r.ruwe_score,
        String(r.vaardigheidsscore).replace('.', ','),
        r.niveau,
        r.referentieniveau,
        r.dle,
      ]),
    ],
    { delimiter: ';', record_delimiter: '\r\n' },
  );
}

/**
 * Column layouts of the generated file. 'plat' is the platform's own flat format; 'a' and 'b'
 * are made-up example layouts of other exports (not the real format of any provider), with
 * their own column names, order and codes, an extra name column that the import must drop,
 * and lines the column mapping must skip (a begin moment, a subject the analysis does not use).
 */
export const layouts = ['plat', 'a', 'b'] as const;
export type Layout = (typeof layouts)[number];

const firstNames = [
  'Sanne',
  'Daan',
  'Zoë',
  'Daniël',
  'Fleur',
  'Noah',
  'Sem',
  'Lotte',
  'Mila',
  'René',
  'Anouk',
];
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Peters'];
/** A made-up name per key: only there to prove that name columns are dropped. */
const nameOf = (key: string) => {
  const n = Number(key.replace(/\D/g, '')) || 0;
  return [firstNames[n % firstNames.length]!, lastNames[Math.floor(n / 7) % lastNames.length]!] as const;
};

interface LayoutRow extends Omit<GeneratedRow, 'moment'> {
  moment: Moment | 'B';
}

/** The rows plus the lines an export of another kind also has: begin moments and woordenschat. */
function withExtraLines(rows: GeneratedRow[]): LayoutRow[] {
  const out: LayoutRow[] = [];
  for (const r of rows) {
    if (r.vakgebied === 'technisch lezen' && r.moment === 'M')
      out.push({
        ...r,
        moment: 'B',
        afnamedatum: `01-10-${r.schooljaar.slice(0, 4)}`,
        vaardigheidsscore: Math.max(0, Math.round((r.vaardigheidsscore - 4) * 10) / 10),
      });
    out.push(r);
    if (r.vakgebied === 'rekenen-wiskunde')
      out.push({
        ...r,
        vakgebied: 'woordenschat',
        vaardigheidsscore: Math.round(r.vaardigheidsscore * 9) / 10,
      });
  }
  return out;
}

const decimalComma = (n: number) => String(n).replace('.', ',');

/** Layout A: ';', UTF-8, a name column first, codes such as "RW-3", moments B/M/E, years as 2020/2021. */
function layoutA(rows: GeneratedRow[]): Buffer {
  const code: Record<string, string> = {
    'rekenen-wiskunde': 'RW-3',
    'begrijpend lezen': 'BL-3',
    'technisch lezen': 'TL-3',
    spelling: 'SP-3',
    woordenschat: 'WS-3',
  };
  const csv = stringifySafeCsv(
    [
      ['Naam leerling', 'LVS-nr', 'Gr.', 'Toets', 'Afname', 'Jaar', 'Datum', 'Goed', 'VS', 'Niv.', 'DLE'],
      ...withExtraLines(rows).map((r) => [
        nameOf(r.leerlingsleutel).join(' '),
        r.leerlingsleutel,
        r.groep,
        code[r.vakgebied] ?? r.vakgebied,
        r.moment,
        r.schooljaar.replace('-', '/'),
        r.afnamedatum,
        r.ruwe_score,
        decimalComma(r.vaardigheidsscore),
        r.niveau,
        r.dle,
      ]),
    ],
    { delimiter: ';', record_delimiter: '\r\n' },
  );
  return Buffer.from(csv, 'utf8');
}

/**
 * Layout B: ',' with quoted decimal commas, Windows-1252, two name columns, subjects such as
 * "Lezen – begrijpen", moments begin/midden/eind, groups as "groep 5", years as 2020-21,
 * levels A–E and referentieniveaus written as "onder 1F".
 */
function layoutB(rows: GeneratedRow[]): Buffer {
  const subject: Record<string, string> = {
    'rekenen-wiskunde': 'Rekenen',
    'begrijpend lezen': 'Lezen – begrijpen',
    'technisch lezen': 'Lezen – technisch',
    spelling: 'Spelling',
    woordenschat: 'Woordenschat',
  };
  const period = { B: 'begin', M: 'midden', E: 'eind' } as const;
  const level: Record<string, string> = { I: 'A', II: 'B', III: 'C', IV: 'D', V: 'E' };
  const csv = stringifySafeCsv(
    [
      [
        'Leerlingcode',
        'Voornaam',
        'Achternaam',
        'Periode',
        'Schooljaar',
        'Klas',
        'Vak',
        'Toetsdatum',
        'Score',
        'Ruw',
        'Niveau',
        'Ref. niveau',
      ],
      ...withExtraLines(rows).map((r) => {
        const [first, last] = nameOf(r.leerlingsleutel);
        const y = Number(r.schooljaar.slice(0, 4));
        return [
          r.leerlingsleutel,
          first,
          last,
          period[r.moment],
          `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
          `groep ${r.groep}`,
          subject[r.vakgebied] ?? r.vakgebied,
          r.afnamedatum,
          decimalComma(r.vaardigheidsscore),
          r.ruwe_score,
          level[r.niveau] ?? r.niveau,
          r.referentieniveau === '<1F' ? 'onder 1F' : r.referentieniveau,
        ];
      }),
    ],
    { delimiter: ',', record_delimiter: '\r\n' },
  );
  return encodeWindows1252(csv);
}

/** The rows as a file in the chosen layout (bytes: layout B is Windows-1252). */
export function toLayoutFile(rows: GeneratedRow[], layout: Layout): Buffer {
  if (layout === 'a') return layoutA(rows);
  if (layout === 'b') return layoutB(rows);
  return Buffer.from(toFlatCsv(rows), 'utf8');
}

/** The column mappings that read layouts A and B (as a school would make them on the mapping page). */
export const layoutMappings: Record<Exclude<Layout, 'plat'>, LvsMapping> = {
  a: {
    name: 'Voorbeeldindeling A',
    provider: 'cito',
    headers: ['LVS-nr', 'Gr.', 'Toets', 'Afname', 'Jaar', 'Datum', 'Goed', 'VS', 'Niv.', 'DLE'],
    columns: {
      leerlingsleutel: 'LVS-nr',
      groep: 'Gr.',
      vakgebied: 'Toets',
      moment: 'Afname',
      schooljaar: 'Jaar',
      afnamedatum: 'Datum',
      ruwe_score: 'Goed',
      vaardigheidsscore: 'VS',
      niveau: 'Niv.',
      dle: 'DLE',
    },
    yearFromDate: false,
    values: {
      vakgebied: {
        'RW-3': 'rekenen-wiskunde',
        'BL-3': 'begrijpend-lezen',
        'TL-3': 'technisch-lezen',
        'SP-3': 'spelling',
        'WS-3': 'overslaan',
      },
      moment: { B: 'overslaan' },
    },
  },
  b: {
    name: 'Voorbeeldindeling B',
    provider: 'cito',
    headers: [
      'Leerlingcode',
      'Periode',
      'Schooljaar',
      'Klas',
      'Vak',
      'Toetsdatum',
      'Score',
      'Ruw',
      'Niveau',
      'Ref. niveau',
    ],
    columns: {
      leerlingsleutel: 'Leerlingcode',
      groep: 'Klas',
      vakgebied: 'Vak',
      moment: 'Periode',
      schooljaar: 'Schooljaar',
      afnamedatum: 'Toetsdatum',
      vaardigheidsscore: 'Score',
      ruwe_score: 'Ruw',
      niveau: 'Niveau',
      referentieniveau: 'Ref. niveau',
    },
    yearFromDate: false,
    values: {
      vakgebied: {
        'Lezen – begrijpen': 'begrijpend-lezen',
        'Lezen – technisch': 'technisch-lezen',
        Woordenschat: 'overslaan',
      },
      moment: { begin: 'overslaan' },
    },
  },
};
