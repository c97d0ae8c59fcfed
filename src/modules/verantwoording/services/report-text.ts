// The annual report as a plain text block, to paste into the bestuursverslag: the items of the
// verantwoording in the order of the bestuursverslag, the figures in sentences and short lists,
// then the board's own texts. Pure: the same figures and texts give the same text.
import { formatCents, formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ReportFigures } from './report-figures.ts';
import { textItems, type Texts } from './report-texts.ts';
import {
  categoriesWords,
  consentSummary,
  consentWords,
  evaluationSummary,
  plannedNote,
  pnilWords,
  scanSummary,
  scanWords,
} from './report-words.ts';

export interface TextMeta {
  boardName: string;
  confirmedAt: Date | null;
}

const school = (s: { name: string; code: string | null }) => (s.code ? `${s.name} (${s.code})` : s.name);

export function reportText(f: ReportFigures, texts: Texts, meta: TextMeta): string {
  const lines: string[] = [];
  const section = (title: string, ...body: string[]) => lines.push('', title, ...body);
  lines.push(`Nationaal Programma Onderwijs: verantwoording over ${f.year}`);
  lines.push(`${meta.boardName}`);
  lines.push(
    meta.confirmedAt
      ? `Bevestigd door het bestuur op ${formatDateTime(meta.confirmedAt)}.`
      : 'Concept: nog niet bevestigd door het bestuur.',
  );

  section('Schoolscan', scanSummary(f), ...f.schools.map((s) => `- ${school(s)}: ${scanWords(s)}`));

  section(
    'Gekozen interventies',
    `Interventies die in ${f.year} liepen, per categorie van de menukaart:`,
    ...f.perCategory
      .filter((c) => c.interventions > 0)
      .map(
        (c) =>
          `- ${c.code} ${f.categories.find((x) => x.code === c.code)?.name ?? ''}: ${c.interventions} ${c.interventions === 1 ? 'interventie' : 'interventies'} bij ${c.schools} ${c.schools === 1 ? 'school' : 'scholen'}`,
      ),
    ...f.schools.map((s) => `- ${school(s)}: categorie ${categoriesWords(s)}`),
  );

  section(
    'Instemming van de MR',
    consentSummary(f),
    ...f.schools.map((s) => `- ${school(s)}: ${consentWords(s)}`),
  );

  section(
    `Geld per categorie in ${f.year}`,
    ...f.perCategory.map(
      (c) => `- ${c.code}: gepland ${formatCents(c.plannedCents)}, uitgegeven ${formatCents(c.spentCents)}`,
    ),
    `- Totaal: gepland ${formatCents(f.totals.plannedCents)}, uitgegeven ${formatCents(f.totals.spentCents)}`,
    plannedNote,
  );

  section('Personeel niet in loondienst (PNIL)', pnilWords(f));

  // The board's own texts; the first results start with what the schools' evaluations show.
  for (const item of textItems) {
    const body = texts[item.key].trim() || 'Niet ingevuld.';
    if (item.key === 'eerste-resultaten') section(item.label, evaluationSummary(f), body);
    else section(item.label, body);
  }
  return `${lines.join('\n')}\n`;
}
