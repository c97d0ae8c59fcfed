// How a school's programme money for one school year is computed. Pure: rates and the
// school's counts in, lines and totals out. An unknown input gives an unknown line, never a
// guess; a stand-in input (an older count or score) gives an estimated line that says so.
import type { Sector } from '../../../platform/db/tables.ts';
import { lineCents, pupilsCents } from './money.ts';
import type {
  AllocationLine,
  AllocationStatus,
  FundingSchoolType,
  PartStatus,
  RateBasis,
  RateStatus,
} from '../tables.ts';

export interface Rate {
  id: number;
  code: string;
  kind: 'per-leerling' | 'toeslag';
  schoolTypes: FundingSchoolType[];
  basis: RateBasis;
  label: string;
  amountCents: number | null;
  status: RateStatus;
}

export interface Count {
  pupils: number | null;
  belowFive: boolean;
  teldatum: string;
}

export interface Score {
  hundredths: number;
  peildatum: string;
}

export interface SchoolInput {
  sector: Sector;
  /** Counts by category: 'totaal' for PO/(V)SO, 'VO_ALG' and 'VO_PRO_VBO34' for VO. */
  counts: Partial<Record<'totaal' | 'VO_ALG' | 'VO_PRO_VBO34', Count>>;
  poScore: Score | null;
  voScore: Score | null;
}

export interface Allocation {
  schoolType: string;
  /** 'volledig' only when every line is exact; 'onbekend' when the base is unknown. */
  status: AllocationStatus;
  baseStatus: PartStatus;
  supplementStatus: PartStatus;
  pupils: number | null;
  baseCents: number | null;
  supplementCents: number;
  totalCents: number | null;
  lines: AllocationLine[];
}

/** The funding school types of a DUO sector. VO pupils split over two rates. */
export function fundingTypes(sector: Sector): FundingSchoolType[] {
  switch (sector) {
    case 'BO':
      return ['BO'];
    case 'SBO':
      return ['SBO'];
    case 'SO':
    case 'VSO':
      return ['VSO'];
    case 'VO':
      return ['VO_ALG', 'VO_PRO_VBO34'];
  }
}

export const schoolTypeLabel: Record<string, string> = {
  BO: 'Basisonderwijs',
  SBO: 'Speciaal basisonderwijs',
  VSO: '(Voortgezet) speciaal onderwijs',
  VO: 'Voortgezet onderwijs',
  VO_ALG: 'Vwo, havo, mavo en vbo leerjaar 1-2',
  VO_PRO_VBO34: 'Praktijkonderwijs en vbo leerjaar 3-4',
};

function countCategory(t: FundingSchoolType): 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34' {
  return t === 'VO_ALG' || t === 'VO_PRO_VBO34' ? t : 'totaal';
}

function dutchDate(d: string): string {
  const [y, m, day] = d.split('-');
  const months = [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ];
  return `${Number(day)} ${months[Number(m) - 1]} ${y}`;
}

/** The status of a group of lines: unknown beats estimated beats exact; 'geen' for no lines. */
export function partStatus(lines: AllocationLine[]): PartStatus {
  if (lines.length === 0) return 'geen';
  if (lines.some((l) => l.status === 'onbekend')) return 'onbekend';
  if (lines.some((l) => l.status === 'geschat')) return 'geschat';
  return 'exact';
}

/**
 * One school's allocation. Every line carries its own status: `exact` (inputs of the teldatum
 * and a definitive rate), `geschat` (the note names the input that stands in for which) or
 * `onbekend` (the note says why). A school is never left out for a missing part: what is known
 * is computed, the rest is marked.
 */
export function computeAllocation(school: SchoolInput, rates: Rate[], teldatum: string): Allocation {
  const types = fundingTypes(school.sector);
  const lines: AllocationLine[] = [];
  let pupils: number | null = 0;

  for (const t of types) {
    const rate = rates.find((r) => r.kind === 'per-leerling' && r.schoolTypes.includes(t));
    const count = school.counts[countCategory(t)];
    const line: AllocationLine = {
      code: rate?.code ?? t,
      label: rate?.label ?? `Bedrag per leerling ${schoolTypeLabel[t] ?? t}`,
      part: 'basis',
      status: 'onbekend',
      quantity: count?.pupils ?? null,
      rateCents: rate?.amountCents ?? null,
      amountCents: null,
    };
    if (!count && countCategory(t) !== 'totaal' && school.counts.totaal) {
      line.note =
        'Onbekend: DUO gaf alleen het totaal aantal leerlingen, niet de verdeling over de onderwijstypen; het bedrag hangt daarvan af.';
    } else if (!count) {
      line.note = `Onbekend: er is geen leerlingtelling van ${dutchDate(teldatum)} of de drie jaar daarvoor.`;
    } else if (count.belowFive) {
      line.note = 'Onbekend: minder dan 5 leerlingen; DUO publiceert het precieze aantal niet.';
    } else if (count.pupils === 0) {
      line.amountCents = 0; // no pupils of this type: an unknown rate does not matter
      line.status = count.teldatum === teldatum ? 'exact' : 'geschat';
      if (line.status === 'geschat') line.note = countStandIn(count.teldatum, teldatum);
    } else if (!rate || rate.amountCents === null) {
      line.note = 'Onbekend: het bedrag per leerling voor dit schooljaar is niet gevonden.';
    } else {
      line.amountCents = pupilsCents(count.pupils!, rate.amountCents);
      const notes: string[] = [];
      if (count.teldatum !== teldatum) notes.push(countStandIn(count.teldatum, teldatum));
      if (rate.status === 'voorlopig')
        notes.push('Geschat: voorlopig bedrag per leerling; het definitieve bedrag is niet gevonden.');
      line.status = notes.length ? 'geschat' : 'exact';
      if (notes.length) line.note = notes.join(' ');
    }
    pupils = pupils === null || count?.pupils == null ? null : pupils + count.pupils;
    lines.push(line);
  }

  for (const rate of rates) {
    if (rate.kind !== 'toeslag' || rate.basis === 'niet-per-school' || rate.basis === 'leerlingen') continue;
    if (!rate.schoolTypes.some((t) => types.includes(t))) continue;
    const line: AllocationLine = {
      code: rate.code,
      label: rate.label,
      part: 'toeslag',
      status: 'onbekend',
      quantity: null,
      rateCents: rate.amountCents,
      amountCents: null,
    };
    if (rate.basis === 'cumi') {
      line.note =
        'Onbekend: het aantal CUMI-leerlingen per school is geen open data; deze toeslag is niet meegerekend.';
    } else {
      const score = rate.basis === 'achterstandsscore-po' ? school.poScore : school.voScore;
      line.hundredths = true;
      if (!score) {
        line.note = `Onbekend: er is geen achterstandsscore van het CBS voor deze school van ${dutchDate(teldatum)} of de drie jaar daarvoor.`;
      } else {
        line.quantity = score.hundredths;
        if (rate.amountCents === null)
          line.note = 'Onbekend: het bedrag van deze toeslag voor dit schooljaar is niet gevonden.';
        else {
          line.amountCents = lineCents(score.hundredths, rate.amountCents);
          const notes: string[] = [];
          if (score.peildatum !== teldatum)
            notes.push(
              `Geschat: de CBS-score met peildatum ${dutchDate(score.peildatum)} staat in voor die van ${dutchDate(teldatum)}, die niet als open data beschikbaar is.`,
            );
          if (rate.status === 'voorlopig') notes.push('Geschat: voorlopig bedrag van de toeslag.');
          line.status = notes.length ? 'geschat' : 'exact';
          if (notes.length) line.note = notes.join(' ');
        }
      }
    }
    lines.push(line);
  }

  const baseLines = lines.slice(0, types.length);
  const supplementLines = lines.slice(types.length);
  const baseStatus = partStatus(baseLines);
  const supplementStatus = partStatus(supplementLines);
  const baseCents = baseStatus === 'onbekend' ? null : baseLines.reduce((s, l) => s + l.amountCents!, 0);
  const supplementCents = supplementLines.reduce((s, l) => s + (l.amountCents ?? 0), 0);
  const totalCents = baseCents === null ? null : baseCents + supplementCents;
  const status: AllocationStatus =
    totalCents === null
      ? 'onbekend'
      : baseStatus === 'exact' && (supplementStatus === 'exact' || supplementStatus === 'geen')
        ? 'volledig'
        : 'onvolledig';
  return {
    schoolType: school.sector === 'VO' ? 'VO' : types[0]!,
    status,
    baseStatus,
    supplementStatus,
    pupils,
    baseCents,
    supplementCents,
    totalCents,
    lines,
  };
}

function countStandIn(used: string, teldatum: string): string {
  return `Geschat: de leerlingtelling van ${dutchDate(used)} staat in voor die van ${dutchDate(teldatum)}, die niet is ingelezen.`;
}
