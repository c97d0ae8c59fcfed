// The CSV of all answers of a round: one line per submission (every submission, also the earlier
// ones a school replaced), a column per question — a money table a column per category. Streamed
// in pages of submissions, so a national round (thousands of lines) starts at once and never sits
// whole in memory.
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { stringifySafeCsv } from '../../../platform/csv/safe-csv.ts';
import { submissionPage, type SubmissionRow } from '../repository/monitoring-submissions.ts';
import type { AnswerValue } from '../tables.ts';
import { menuCategories, questionsOf, type Definition, type Question } from './definition.ts';

const fixed = ['inzending', 'nummer', 'code', 'naam', 'sector', 'ingediend_op'];

const euros = (cents: number) => {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/** The header: fixed columns, then a column per question (per category for a money table). */
export function csvColumns(d: Definition): string[] {
  return [
    ...fixed,
    ...questionsOf(d).flatMap((q) =>
      q.type === 'bedragen-per-categorie' ? menuCategories.map((c) => `${q.key}_${c}`) : [q.key],
    ),
  ];
}

function cells(q: Question, v: AnswerValue | undefined): string[] {
  if (q.type === 'bedragen-per-categorie') {
    const table = v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    return menuCategories.map((c) => (typeof table[c] === 'number' ? euros(table[c]) : ''));
  }
  if (v === undefined) return [''];
  if (Array.isArray(v)) return [v.join('|')];
  if (q.type === 'bedrag' && typeof v === 'number') return [euros(v)];
  return [String(v)];
}

/** One submission as the cells of its line. */
export function csvLine(d: Definition, s: SubmissionRow): string[] {
  return [
    String(s.id),
    String(s.number),
    s.organisation_code ?? '',
    s.organisation_name,
    s.sector ?? (s.organisation_kind === 'bestuur' ? 'bestuur' : ''),
    new Date(s.submitted_at).toISOString(),
    ...questionsOf(d).flatMap((q) => cells(q, s.answers[q.key])),
  ];
}

const options = { delimiter: ';', record_delimiter: 'windows' } as const;

/** The whole round as a stream of CSV text, with a BOM so spreadsheet programs read UTF-8. */
export function answersCsvStream(db: Kysely<DB>, questionnaireId: number, d: Definition, pageSize = 2000) {
  let after = 0;
  let started = false;
  return Readable.from(
    (async function* () {
      if (!started) {
        started = true;
        yield '\ufeff' + stringifySafeCsv([csvColumns(d)], options);
      }
      for (;;) {
        const page = await submissionPage(db, questionnaireId, after, pageSize);
        if (page.length === 0) return;
        yield stringifySafeCsv(
          page.map((s) => csvLine(d, s)),
          options,
        );
        after = page.at(-1)!.id;
        if (page.length < pageSize) return;
      }
    })(),
  );
}
