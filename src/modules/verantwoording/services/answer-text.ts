// An answer as a sentence a person reads back (the check page, the receipt PDF and mail): labels
// of the chosen options, intervention names, money in Dutch notation. Pure.
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { AnswerValue } from '../tables.ts';
import { numberToInput } from './answers.ts';
import { menuCategories, type Question } from './definition.ts';

export const notAnswered = 'Niet beantwoord';

/** The answer's lines (a list or table gives one line per item). */
export function answerLines(
  q: Question,
  v: AnswerValue | undefined,
  menuNames: ReadonlyMap<string, string>,
): string[] {
  if (v === undefined) return [notAnswered];
  const label = (x: string) => q.options?.find((o) => o.value === x)?.label ?? x;
  switch (q.type) {
    case 'ja-nee':
      return [v === 'ja' ? 'Ja' : 'Nee'];
    case 'een-keuze':
      return [label(String(v))];
    case 'meer-keuze':
      return Array.isArray(v) ? v.map(label) : [notAnswered];
    case 'interventies':
      return Array.isArray(v)
        ? v.map((c) => (menuNames.has(c) ? `${c} ${menuNames.get(c)}` : c))
        : [notAnswered];
    case 'getal':
      return [typeof v === 'number' ? numberToInput(v) : notAnswered];
    case 'bedrag':
      return [typeof v === 'number' ? formatCents(v) : notAnswered];
    case 'tekst':
      return [String(v)];
    case 'bedragen-per-categorie': {
      if (typeof v !== 'object' || Array.isArray(v)) return [notAnswered];
      const table = v as Record<string, number>;
      const lines = menuCategories
        .filter((c) => table[c] !== undefined)
        .map((c) => `Categorie ${c}: ${formatCents(table[c]!)}`);
      const total = Object.values(table).reduce((a, b) => a + b, 0);
      return [...lines, `Totaal: ${formatCents(total)}`];
    }
  }
}
