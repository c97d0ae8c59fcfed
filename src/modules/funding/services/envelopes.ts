// The programme's published totals (envelopes), as data in resources/funding/envelopes.json,
// and how the computed national totals add up against them (the analist's reconciliation).
import fs from 'node:fs';
import { fromRoot } from '../../../paths.ts';
import { dataAmountToCents } from './money.ts';
import type { LineStatus } from '../tables.ts';

export interface Envelope {
  code: string;
  label: string;
  schoolYears: string[];
  /** 'alles' = base and supplements, 'basis' or 'toeslag' = only those lines. */
  part: 'alles' | 'basis' | 'toeslag';
  amountCents: number;
  status: string;
  source: string;
}

export function loadEnvelopes(): Envelope[] {
  const data = JSON.parse(fs.readFileSync(fromRoot('resources/funding/envelopes.json'), 'utf8')) as {
    envelopes: (Omit<Envelope, 'amountCents'> & { amount: string })[];
  };
  return data.envelopes.map(({ amount, ...e }) => ({
    ...e,
    amountCents: dataAmountToCents(amount, 'Bedrag in envelopes.json'),
  }));
}

/** Money of the current runs per school year, sector and part, split by line status. */
export interface ReconcileRow {
  label: string;
  sector: string;
  part: 'basis' | 'toeslag';
  schools: number;
  exactCents: number;
  estimatedCents: number;
  /** Lines without an amount, and the schools that have at least one. */
  unknownLines: number;
  unknownSchools: number;
}

export interface Shares {
  computedCents: number;
  exactCents: number;
  estimatedCents: number;
  /** Exact and estimated as a share of the reference amount; the rest is unknown. */
  exactShare: number;
  estimatedShare: number;
  unknownShare: number;
  unknownLines: number;
}

/**
 * Totals of some rows against a reference: the envelope when there is one, else the computed
 * money itself (then the unknown share of money cannot be measured and is 0; the unknown lines
 * are counted instead).
 */
export function shares(rows: ReconcileRow[], referenceCents?: number): Shares {
  const exactCents = rows.reduce((s, r) => s + r.exactCents, 0);
  const estimatedCents = rows.reduce((s, r) => s + r.estimatedCents, 0);
  const computedCents = exactCents + estimatedCents;
  const ref = referenceCents ?? computedCents;
  const share = (c: number) => (ref > 0 ? c / ref : 0);
  return {
    computedCents,
    exactCents,
    estimatedCents,
    exactShare: share(exactCents),
    estimatedShare: share(estimatedCents),
    unknownShare: referenceCents === undefined ? 0 : Math.max(0, 1 - share(computedCents)),
    unknownLines: rows.reduce((s, r) => s + r.unknownLines, 0),
  };
}

/** The rows an envelope covers: its school years, and its part. */
export function rowsOf(envelope: Envelope, rows: ReconcileRow[]): ReconcileRow[] {
  return rows.filter(
    (r) => envelope.schoolYears.includes(r.label) && (envelope.part === 'alles' || envelope.part === r.part),
  );
}

export const lineStatuses: LineStatus[] = ['exact', 'geschat', 'onbekend'];
