// Open data: the national aggregates of every school round for everyone, with the same small-cell
// suppression as the dashboard, as a page and as two CSV files (shares; spending). The route keeps
// the result until the data change: the figures only move when a school submits.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { stringifySafeCsv } from '../../../platform/csv/safe-csv.ts';
import {
  answerCounts,
  boardSpending,
  interventionNames,
  listRounds,
  responseCounts,
} from '../repository/monitoring.ts';
import {
  boardSpendingByYear,
  columns,
  focusRows,
  interventionRows,
  respondents,
  responseRows,
  schoolSpending,
  trends,
  yesRow,
  type AmountRow,
  type ShareRow,
} from './monitoring.ts';
import type { Shown } from './suppress.ts';

const keys = [
  'schoolscan-gedaan',
  'aandachtsgebieden',
  'interventies',
  'mr-instemming',
  'besteding',
] as const;

export type OpenData = Awaited<ReturnType<typeof loadOpenData>>;

/** Every school round nationally: four queries for the whole programme. */
export async function loadOpenData(db: Kysely<DB>, programmeId: number) {
  const rounds = await listRounds(db, programmeId);
  const schoolRounds = rounds.filter((r) => r.audience === 'school');
  const counts = await responseCounts(db, programmeId, {});
  const answers = await answerCounts(
    db,
    {},
    schoolRounds.map((r) => r.id),
    keys,
  );
  const codes = [...new Set(answers.filter((a) => a.question_key === 'interventies').map((a) => a.value))];
  const names = await interventionNames(db, codes);
  const perRound = schoolRounds.map((round) => {
    const n = respondents(counts, round.id);
    return {
      round,
      shares: [
        {
          topic: 'schoolscan-gedaan',
          rows: [yesRow(answers, round.id, 'schoolscan-gedaan', 'Schoolscan gemaakt')],
        },
        { topic: 'mr-instemming', rows: [yesRow(answers, round.id, 'mr-instemming', 'MR heeft ingestemd')] },
        { topic: 'aandachtsgebieden', rows: focusRows(answers, round.id, n) },
        { topic: 'interventies', rows: interventionRows(answers, round.id, n, names) },
      ],
      spending: schoolSpending(answers, round.id),
    };
  });
  return {
    rounds,
    responses: responseRows(rounds, counts),
    trends: trends(rounds, counts, answers),
    perRound,
    boardSpending: boardSpendingByYear(await boardSpending(db, programmeId, {})),
  };
}

const csvOptions = { delimiter: ';', header: true, record_delimiter: 'windows' } as const;
const cell = (v: Shown<number>) => (v.hidden ? '' : String(v.value));
const flag = (v: Shown<number>) => (v.hidden ? 'ja' : 'nee');

/** Shares: one line per round, topic, value and sector column. */
export function sharesCsv(data: OpenData): string {
  const lines: string[][] = [];
  for (const r of data.responses)
    lines.push([r.round.year_label, r.round.slug, 'respons', '', 'totaal', cell(r.rate), flag(r.rate)]);
  for (const p of data.perRound)
    for (const s of p.shares)
      for (const row of s.rows as ShareRow[])
        for (const c of columns)
          lines.push([
            p.round.year_label,
            p.round.slug,
            s.topic,
            row.key,
            c,
            cell(row.cells[c]),
            flag(row.cells[c]),
          ]);
  return (
    '\ufeff' +
    stringifySafeCsv(lines, {
      ...csvOptions,
      columns: ['schooljaar', 'vragenlijst', 'onderwerp', 'waarde', 'sector', 'aandeel_procent', 'verborgen'],
    })
  );
}

const euros = (v: Shown<number>) => (v.hidden ? '' : (v.value / 100).toFixed(2));

/** Spending: per source (schools' answers per round, boards' reports per calendar year) and category. */
export function spendingCsv(data: OpenData): string {
  const lines: string[][] = [];
  const push = (source: string, period: string, rows: AmountRow[]) => {
    for (const r of rows) lines.push([source, period, r.key, cell(r.count), euros(r.cents), flag(r.cents)]);
  };
  for (const p of data.perRound)
    push('scholen (vragenlijst)', p.round.slug, [...p.spending.rows, p.spending.total]);
  for (const y of data.boardSpending)
    push('besturen (bevestigd jaarverslag)', String(y.year), [...y.rows, y.total]);
  return (
    '\ufeff' +
    stringifySafeCsv(lines, {
      ...csvOptions,
      columns: ['bron', 'periode', 'categorie', 'aantal', 'bedrag_euro', 'verborgen'],
    })
  );
}
