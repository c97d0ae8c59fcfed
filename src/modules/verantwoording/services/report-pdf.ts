// The annual report as a tagged PDF: headings, the figures as real tables, text in reading
// order (platform/pdf), so a screen reader and text extraction both work.
import { formatCents, formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { TaggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import type { ReportFigures } from './report-figures.ts';
import { textItems, type Texts } from './report-texts.ts';
import type { TextMeta } from './report-text.ts';
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

export async function renderReportPdf(f: ReportFigures, texts: Texts, meta: TextMeta): Promise<Buffer> {
  const title = `Verantwoording NP Onderwijs ${f.year}: ${meta.boardName}`;
  const pdf = await TaggedPdf.create({
    title,
    author: meta.boardName,
    subject: 'Nationaal Programma Onderwijs',
  });
  const width = pdf.width;
  const schoolName = (s: { name: string; code: string | null }) =>
    s.code ? `${s.name} (${s.code})` : s.name;

  pdf.heading(1, title);
  pdf.paragraph(
    meta.confirmedAt
      ? `Bevestigd door het bestuur op ${formatDateTime(meta.confirmedAt)}.`
      : `Concept, gemaakt op ${formatDateTime(new Date(f.generatedAt))}: nog niet bevestigd door het bestuur.`,
  );

  pdf.heading(2, 'Scholen: schoolscan, interventies en instemming van de MR');
  pdf.paragraph(`${scanSummary(f)} ${consentSummary(f)}`);
  pdf.table(
    `Scholen van het bestuur in ${f.year}`,
    ['School', 'Schoolscan', 'Categorieën', 'Instemming MR'],
    f.schools.map((s) => [schoolName(s), scanWords(s), categoriesWords(s), consentWords(s)]),
    [width * 0.34, width * 0.16, width * 0.16, width * 0.34],
  );

  pdf.heading(2, `Interventies en geld per categorie in ${f.year}`);
  pdf.table(
    'Per categorie van de menukaart',
    ['Categorie', 'Scholen', 'Interventies', 'Gepland', 'Uitgegeven'],
    [
      ...f.perCategory.map((c) => [
        `${c.code} ${f.categories.find((x) => x.code === c.code)?.name ?? ''}`,
        String(c.schools),
        String(c.interventions),
        formatCents(c.plannedCents),
        formatCents(c.spentCents),
      ]),
      ['Totaal', '', '', formatCents(f.totals.plannedCents), formatCents(f.totals.spentCents)],
    ],
    [width * 0.36, width * 0.1, width * 0.14, width * 0.2, width * 0.2],
    [1, 2, 3, 4],
  );
  pdf.paragraph(plannedNote);

  pdf.heading(2, 'Personeel niet in loondienst (PNIL)');
  pdf.paragraph(pnilWords(f));

  pdf.heading(2, 'Eerste resultaten');
  pdf.paragraph(evaluationSummary(f));
  if (f.evaluations.length)
    pdf.table(
      `Evaluaties in ${f.year}`,
      ['School', 'Interventie', 'Datum', 'Besluit', 'Resultaten'],
      f.evaluations.map((e) => [
        e.school,
        `${e.code} ${e.name}`,
        formatDate(e.evaluatedOn),
        e.decision ?? '',
        e.results,
      ]),
      [width * 0.18, width * 0.2, width * 0.13, width * 0.11, width * 0.38],
    );

  pdf.heading(2, 'Toelichting van het bestuur');
  for (const item of textItems) {
    pdf.heading(3, item.label);
    pdf.paragraph(texts[item.key].trim() || 'Niet ingevuld.');
  }
  return pdf.finish();
}
