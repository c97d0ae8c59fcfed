// A version as a tagged PDF (for the MR meeting and the school's files): headings, the goals,
// the interventions and the budget as real tables, text in reading order (platform/pdf).
// Rendered from the version's snapshot only, never from the live draft.
import { formatCents, formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { TaggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import { costTypeLabels, type PlanSnapshot } from './snapshot.ts';
import { interventionTitle } from './diff.ts';

export interface PdfMeta {
  number: number;
  submittedAt: Date;
  status: string;
}

export async function renderVersionPdf(s: PlanSnapshot, meta: PdfMeta): Promise<Buffer> {
  const title = `Schoolprogramma ${s.school.name}, versie ${meta.number}`;
  const pdf = await TaggedPdf.create({ title, author: s.school.name, subject: s.programme.name });
  const yearOf = (id: number) => s.schoolYears.find((y) => y.id === id)?.label ?? '';
  const width = pdf.width;

  pdf.heading(1, title);
  pdf.paragraph(
    `${s.programme.name}. Ingediend op ${formatDateTime(meta.submittedAt)}. Status: ${meta.status}.`,
  );

  pdf.heading(2, 'Inleiding');
  pdf.paragraph(s.intro.trim() || 'De school heeft geen inleiding geschreven.');

  pdf.heading(2, 'Doelen');
  if (s.goals.length)
    pdf.table(
      'Doelen van het schoolprogramma',
      ['Doel', 'Voor wie', 'Bereikt op', 'Hoe gemeten'],
      s.goals.map((g) => [g.what, g.forWhom, formatDate(g.dueOn), g.measure]),
      [width * 0.35, width * 0.2, width * 0.15, width * 0.3],
    );
  else pdf.paragraph('Deze versie heeft geen doelen.');

  pdf.heading(2, 'Interventies');
  pdf.table(
    'Interventies van de menukaart',
    ['Interventie', 'Categorie', 'Groepen', 'Leerlingen', 'Periode'],
    s.interventions.map((i) => [
      `${interventionTitle(i)}${i.withdrawn ? ' (van de menukaart gehaald)' : ''}`,
      i.categoryName,
      i.grades.join(', '),
      String(i.pupils),
      `${formatDate(i.startsOn)} t/m ${formatDate(i.endsOn)}`,
    ]),
    [width * 0.34, width * 0.22, width * 0.1, width * 0.1, width * 0.24],
    [3],
  );
  for (const i of s.interventions) {
    pdf.heading(3, interventionTitle(i));
    pdf.paragraph(`Verantwoordelijk: ${i.responsible}`);
    if (i.approach.trim()) pdf.paragraph(`Aanpak: ${i.approach}`);
    if (i.professionalDevelopment.trim()) pdf.paragraph(`Professionalisering: ${i.professionalDevelopment}`);
    if (i.evaluationPlan.trim()) pdf.paragraph(`Evaluatie: ${i.evaluationPlan}`);
  }

  pdf.heading(2, 'Begroting');
  pdf.table(
    'Geplande kosten per interventie, schooljaar en kostensoort',
    ['Interventie', 'Schooljaar', 'Kostensoort', 'Gepland'],
    s.budget
      .filter((l) => l.plannedCents !== 0)
      .map((l) => {
        const i = s.interventions.find((x) => x.id === l.planInterventionId);
        return [
          i ? interventionTitle(i) : '',
          yearOf(l.schoolYearId),
          costTypeLabels[l.costType],
          formatCents(l.plannedCents),
        ];
      }),
    [width * 0.4, width * 0.15, width * 0.25, width * 0.2],
    [3],
  );
  pdf.table(
    'Totaal gepland per schooljaar en kostensoort',
    ['Schooljaar', 'Kostensoort', 'Gepland'],
    [
      ...s.totals.map((t) => [
        yearOf(t.schoolYearId),
        costTypeLabels[t.costType],
        formatCents(t.plannedCents),
      ]),
      ['Totaal', 'Alle kostensoorten', formatCents(s.totalPlannedCents)],
    ],
    [width * 0.25, width * 0.45, width * 0.3],
    [2],
  );
  return pdf.finish();
}
