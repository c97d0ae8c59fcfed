// The national dashboard as figures: from the counts of repository/monitoring.ts to tables of
// shares and amounts with every small cell hidden (services/suppress.ts). Pure: the route loads
// the counts, this shapes them, the views draw them.
import type { AnswerCount, BoardSpending, ResponseCount, Round } from '../repository/monitoring.ts';
import { focusDomains, menuCategories } from './definition.ts';
import { sectorValues, type SectorGroup } from './monitoring-filters.ts';
import { hidden, share, shareHidden, shown, suppressGroup, tooSmall, type Shown } from './suppress.ts';

/** Columns of every table by sector: the three sector groups and all schools in scope. */
export const columns = [...sectorValues, 'totaal'] as const;
export type Column = (typeof columns)[number];
export const columnLabels: Record<Column, string> = { po: 'PO', vo: 'VO', vso: '(V)SO', totaal: 'Totaal' };

export interface ShareRow {
  key: string;
  label: string;
  /** Percent per column, hidden when fewer than 5 schools are on either side. */
  cells: Record<Column, Shown<number>>;
}

export interface ResponseRow {
  round: Round;
  eligible: Shown<number>;
  submitted: Shown<number>;
  rate: Shown<number>;
}

export interface AmountRow {
  key: string;
  label: string;
  count: Shown<number>;
  cents: Shown<number>;
}

type BySector = Record<SectorGroup, number>;
const zero = (): BySector => ({ po: 0, vo: 0, vso: 0 });
const sum = (s: BySector) => s.po + s.vo + s.vso;

/**
 * Shares per sector and in total, for "k of n schools". The sector counts add up to the total, so
 * one hidden sector is not left alone (secondary suppression, services/suppress.ts); a sector with
 * no respondents in the selection is known to be empty and does not count as the second.
 */
export function shareRow(key: string, label: string, k: BySector, n: BySector): ShareRow {
  const primary = sectorValues.map((s) => shareHidden(k[s], n[s]));
  const group = shareHidden(sum(k), sum(n))
    ? { cells: primary, total: true }
    : suppressGroup(
        sectorValues.map((s) => k[s]),
        primary,
        sectorValues.map((s) => n[s]),
      );
  const cells = {} as Record<Column, Shown<number>>;
  sectorValues.forEach((s, i) => (cells[s] = group.cells[i] ? hidden : share(k[s], n[s])));
  cells.totaal = group.total ? hidden : share(sum(k), sum(n));
  return { key, label, cells };
}

/** Response per round: counts and rate, each hidden when fewer than 5 on either side. */
export function responseRows(rounds: Round[], counts: ResponseCount[]): ResponseRow[] {
  return rounds.map((round) => {
    const rows = counts.filter((c) => c.questionnaire_id === round.id);
    const eligible = rows.reduce((a, c) => a + c.eligible, 0);
    const submitted = rows.reduce((a, c) => a + c.submitted, 0);
    return {
      round,
      eligible: tooSmall(eligible) ? hidden : shown(eligible),
      submitted: shareHidden(submitted, eligible) ? hidden : shown(submitted),
      rate: share(submitted, eligible),
    };
  });
}

/** The respondents of one round per sector group (the denominator of its shares). */
export function respondents(counts: ResponseCount[], roundId: number): BySector {
  const out = zero();
  for (const c of counts)
    if (c.questionnaire_id === roundId && c.sector !== 'bestuur') out[c.sector as SectorGroup] += c.submitted;
  return out;
}

function countsOf(answers: AnswerCount[], roundId: number, key: string, value: string): BySector {
  const out = zero();
  for (const a of answers)
    if (a.questionnaire_id === roundId && a.question_key === key && a.value === value)
      out[a.sector as SectorGroup] += a.schools;
  return out;
}

/** "Ja" among the schools that answered a ja-nee question (schoolscan, MR consent). */
export function yesRow(answers: AnswerCount[], roundId: number, key: string, label: string): ShareRow {
  const yes = countsOf(answers, roundId, key, 'ja');
  const no = countsOf(answers, roundId, key, 'nee');
  const n = zero();
  for (const s of sectorValues) n[s] = yes[s] + no[s];
  return shareRow(key, label, yes, n);
}

/** Focus domains: the share of responding schools that named each. */
export function focusRows(answers: AnswerCount[], roundId: number, n: BySector): ShareRow[] {
  return focusDomains.map((d) =>
    shareRow(d.value, d.label, countsOf(answers, roundId, 'aandachtsgebieden', d.value), n),
  );
}

/** Interventions: the share of responding schools per chosen intervention, most chosen first. */
export function interventionRows(
  answers: AnswerCount[],
  roundId: number,
  n: BySector,
  names: Map<string, string>,
): ShareRow[] {
  const codes = [
    ...new Set(
      answers
        .filter((a) => a.questionnaire_id === roundId && a.question_key === 'interventies')
        .map((a) => a.value),
    ),
  ];
  const withTotals = codes.map((code) => ({ code, k: countsOf(answers, roundId, 'interventies', code) }));
  withTotals.sort((a, b) => sum(b.k) - sum(a.k) || a.code.localeCompare(b.code));
  return withTotals.map(({ code, k }) => shareRow(code, `${code} ${names.get(code) ?? ''}`.trim(), k, n));
}

/** Money per category A–F with the number of schools (or boards) behind each amount. */
export function amountRows(per: Map<string, { count: number; cents: number }>): {
  rows: AmountRow[];
  total: AmountRow;
} {
  const cats = menuCategories.map((c) => ({ c, ...(per.get(c) ?? { count: 0, cents: 0 }) }));
  // The amounts of A–F add up to the total shown below them: one group (secondary suppression).
  const group = suppressGroup(
    cats.map((x) => x.count),
    cats.map((x) => x.count > 0 && tooSmall(x.count)),
  );
  const rows = cats.map((x, i) => ({
    key: x.c,
    label: `Categorie ${x.c}`,
    count: group.cells[i] ? hidden : shown(x.count),
    cents: group.cells[i] ? hidden : shown(x.cents),
  }));
  const count = Math.max(0, ...cats.map((x) => x.count));
  const cents = cats.reduce((a, x) => a + x.cents, 0);
  const totalHidden = tooSmall(count) || group.total;
  const total = {
    key: 'totaal',
    label: 'Totaal',
    count: totalHidden ? hidden : shown(count),
    cents: totalHidden ? hidden : shown(cents),
  };
  return { rows, total };
}

/** Spending from the schools' answers to besteding in one round. */
export function schoolSpending(answers: AnswerCount[], roundId: number) {
  const per = new Map<string, { count: number; cents: number }>();
  for (const a of answers) {
    if (a.questionnaire_id !== roundId || a.question_key !== 'besteding') continue;
    const p = per.get(a.value) ?? { count: 0, cents: 0 };
    per.set(a.value, { count: p.count + a.schools, cents: p.cents + a.cents });
  }
  return amountRows(per);
}

/** Spending from the confirmed annual reports of the boards, per calendar year. */
export function boardSpendingByYear(rows: BoardSpending[]) {
  const years = [...new Set(rows.map((r) => r.calendar_year))].sort();
  return years.map((year) => {
    const per = new Map(
      rows
        .filter((r) => r.calendar_year === year)
        .map((r) => [r.category, { count: r.boards, cents: r.cents }]),
    );
    return { year, ...amountRows(per) };
  });
}

/** The mean PNIL share (%) over the schools that gave one, hidden below 5 schools. */
export function pnilMean(answers: AnswerCount[], roundId: number): Shown<number> {
  let n = 0;
  let total = 0;
  for (const a of answers)
    if (a.questionnaire_id === roundId && a.question_key === 'pnil-aandeel') {
      n += a.schools;
      total += a.number_sum;
    }
  return tooSmall(n) ? hidden : shown(Math.round((total / n) * 10) / 10);
}

export interface TrendPoint {
  round: Round;
  response: Shown<number>;
  scan: Shown<number>;
  consent: Shown<number>;
}

/** Over the school rounds: response, schoolscan done and MR consent (all schools in scope). */
export function trends(rounds: Round[], counts: ResponseCount[], answers: AnswerCount[]): TrendPoint[] {
  const responses = responseRows(rounds, counts);
  return responses
    .filter((r) => r.round.audience === 'school')
    .map((r) => ({
      round: r.round,
      response: r.rate,
      scan: yesRow(answers, r.round.id, 'schoolscan-gedaan', '').cells.totaal,
      consent: yesRow(answers, r.round.id, 'mr-instemming', '').cells.totaal,
    }));
}
