// A submission's answers spread over rows of questionnaire_answer, the form national monitoring
// counts in: one row per answered item. Questions hidden by their condition and unanswered ones
// give no row, so a count of rows is a count of schools that gave that answer.
import type { AnswerValue, Answers } from '../tables.ts';
import { questionsOf, type Definition, type Question } from './definition.ts';

export interface AnswerRow {
  question_key: string;
  item: string;
  choice: string | null;
  number: number | null;
  cents: number | null;
  text: string | null;
}

const row = (q: Question, item: string, v: Partial<AnswerRow>): AnswerRow => ({
  question_key: q.key,
  item,
  choice: null,
  number: null,
  cents: null,
  text: null,
  ...v,
});

/** Whether a question is shown, given the answers before it (its condition, if any). */
export function isShown(q: Question, answers: Answers): boolean {
  if (!q.condition) return true;
  const given = answers[q.condition.question];
  const values = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  return values.some((v) => q.condition!.oneOf.includes(v));
}

function rowsOf(q: Question, v: AnswerValue): AnswerRow[] {
  switch (q.type) {
    case 'ja-nee':
    case 'een-keuze':
      return typeof v === 'string' && v ? [row(q, '', { choice: v })] : [];
    case 'meer-keuze':
    case 'interventies':
      return Array.isArray(v) ? [...new Set(v)].map((c) => row(q, c, { choice: c })) : [];
    case 'getal':
      return typeof v === 'number' ? [row(q, '', { number: v })] : [];
    case 'bedrag':
      return typeof v === 'number' ? [row(q, '', { cents: v })] : [];
    case 'tekst':
      return typeof v === 'string' && v.trim() ? [row(q, '', { text: v })] : [];
    case 'bedragen-per-categorie':
      return v && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(v).map(([category, cents]) => row(q, category, { cents }))
        : [];
  }
}

/** The rows of one submission, in the definition's order. */
export function answerRows(definition: Definition, answers: Answers): AnswerRow[] {
  return questionsOf(definition).flatMap((q) => {
    const v = answers[q.key];
    if (v === undefined || !isShown(q, answers)) return [];
    return rowsOf(q, v);
  });
}
