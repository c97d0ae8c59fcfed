// How a school's programme money for one school year is computed. Pure: rates and the
// school's counts in, lines and totals out. Unknown inputs give unknown amounts, never a guess.
import type { Sector } from '../../platform/db/tables.ts';
import { lineCents, pupilsCents } from './money.ts';
import type { AllocationLine, AllocationStatus, FundingSchoolType, RateBasis, RateStatus } from './tables.ts';

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
  status: AllocationStatus;
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

export function computeAllocation(school: SchoolInput, rates: Rate[], teldatum: string): Allocation {
  const types = fundingTypes(school.sector);
  const lines: AllocationLine[] = [];
  let approximate = false;
  let baseUnknown = false;
  let supplementUnknown = false;
  let pupils: number | null = 0;

  for (const t of types) {
    const rate = rates.find((r) => r.kind === 'per-leerling' && r.schoolTypes.includes(t));
    const count = school.counts[countCategory(t)];
    const line: AllocationLine = {
      code: rate?.code ?? t,
      label: rate?.label ?? `Bedrag per leerling ${schoolTypeLabel[t] ?? t}`,
      quantity: count?.pupils ?? null,
      rateCents: rate?.amountCents ?? null,
      amountCents: null,
    };
    if (!count && countCategory(t) !== 'totaal' && school.counts.totaal) {
      line.note =
        'DUO gaf alleen het totaal aantal leerlingen, niet de verdeling over de onderwijstypen; het bedrag hangt daarvan af.';
    } else if (!count) {
      line.note = `Geen leerlingtelling bekend voor ${dutchDate(teldatum)}.`;
    } else if (count.belowFive) {
      line.note = 'Minder dan 5 leerlingen: DUO publiceert het precieze aantal niet.';
    } else if (count.pupils === 0) {
      line.amountCents = 0; // no pupils of this type: an unknown rate does not matter
    } else if (!rate || rate.amountCents === null) {
      line.note = 'Het bedrag per leerling voor dit schooljaar is niet bekend.';
    } else {
      line.amountCents = pupilsCents(count.pupils!, rate.amountCents);
      if (count.teldatum !== teldatum) {
        approximate = true;
        line.note = `Telling van ${dutchDate(count.teldatum)} gebruikt; de telling van ${dutchDate(teldatum)} is niet beschikbaar.`;
      } else if (rate.status === 'voorlopig') {
        approximate = true;
        line.note = 'Voorlopig bedrag per leerling.';
      }
    }
    if (line.amountCents === null) baseUnknown = true;
    pupils = pupils === null || count?.pupils == null ? null : pupils + count.pupils;
    lines.push(line);
  }

  for (const rate of rates) {
    if (rate.kind !== 'toeslag' || rate.basis === 'niet-per-school' || rate.basis === 'leerlingen') continue;
    if (!rate.schoolTypes.some((t) => types.includes(t))) continue;
    const line: AllocationLine = {
      code: rate.code,
      label: rate.label,
      quantity: null,
      rateCents: rate.amountCents,
      amountCents: null,
    };
    if (rate.basis === 'cumi') {
      line.note = 'CUMI-aantallen per school zijn geen open data; deze toeslag is niet meegerekend.';
    } else {
      const score = rate.basis === 'achterstandsscore-po' ? school.poScore : school.voScore;
      line.hundredths = true;
      if (!score) {
        line.note = 'Geen achterstandsscore van het CBS bekend; deze toeslag is niet meegerekend.';
      } else {
        line.quantity = score.hundredths;
        if (rate.amountCents === null) line.note = 'Het bedrag van deze toeslag is niet bekend.';
        else {
          line.amountCents = lineCents(score.hundredths, rate.amountCents);
          if (score.peildatum !== teldatum) {
            approximate = true;
            line.note = `Score met peildatum ${dutchDate(score.peildatum)}; de score voor ${dutchDate(teldatum)} is niet beschikbaar.`;
          } else if (rate.status === 'voorlopig') {
            approximate = true;
            line.note = 'Voorlopig bedrag.';
          }
        }
      }
    }
    if (line.amountCents === null) supplementUnknown = true;
    lines.push(line);
  }

  const baseLines = lines.slice(0, types.length);
  const baseCents = baseUnknown ? null : baseLines.reduce((s, l) => s + l.amountCents!, 0);
  const supplementCents = lines.slice(types.length).reduce((s, l) => s + (l.amountCents ?? 0), 0);
  const totalCents = baseCents === null ? null : baseCents + supplementCents;
  const status: AllocationStatus =
    totalCents === null ? 'onbekend' : approximate || supplementUnknown ? 'onvolledig' : 'volledig';
  return {
    schoolType: school.sector === 'VO' ? 'VO' : types[0]!,
    status,
    pupils,
    baseCents,
    supplementCents,
    totalCents,
    lines,
  };
}
