// The annual report as a tagged PDF: headings, the figures as real tables (Table/TR/TH/TD with
// column scope), text in reading order and the table rules drawn as artifacts, so a screen reader
// and text extraction both work. The same drawing helpers as the school programme's PDF
// (schoolprogramma/services/pdf.ts), kept here because that file does not export them.
import PDFDocument from 'pdfkit';
import { formatCents, formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
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

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// The @types lag behind pdfkit 0.20: struct() takes (type, options, children) with closures.
type StructFn = (type: string, options: Record<string, unknown>, children?: (() => void) | null) => Struct;
const struct = (doc: Doc, type: string, draw?: () => void, options: Record<string, unknown> = {}) =>
  (doc.struct as unknown as StructFn).call(doc, type, options, draw ?? null);

const margin = 56;
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';

function heading(doc: Doc, parent: Struct, level: 1 | 2 | 3, text: string) {
  const size = { 1: 18, 2: 14, 3: 12 }[level];
  parent.add(
    struct(doc, `H${level}`, () => {
      doc.moveDown(level === 1 ? 0 : 0.6);
      doc.font(bold).fontSize(size).text(text, margin, doc.y);
      doc.moveDown(0.3);
    }),
  );
}

function paragraph(doc: Doc, parent: Struct, text: string) {
  if (!text.trim()) return;
  parent.add(struct(doc, 'P', () => doc.font(regular).fontSize(10).text(text, margin, doc.y)));
}

/** A table with a caption and a header row; `numeric` columns are right-aligned. */
function table(
  doc: Doc,
  parent: Struct,
  caption: string,
  headers: string[],
  rows: string[][],
  widths: number[],
  numeric: number[] = [],
) {
  const el = struct(doc, 'Table');
  parent.add(el);
  el.add(
    struct(doc, 'Caption', () =>
      doc
        .font(bold)
        .fontSize(10)
        .text(caption, margin, doc.y + 4),
    ),
  );
  const bottom = doc.page.height - margin;
  const row = (cells: string[], header: boolean) => {
    doc.font(header ? bold : regular).fontSize(9);
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 6 }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > bottom) doc.addPage();
    const top = doc.y;
    const tr = struct(doc, 'TR');
    el.add(tr);
    let x = margin;
    cells.forEach((c, i) => {
      const cx = x;
      tr.add(
        struct(
          doc,
          header ? 'TH' : 'TD',
          () => {
            doc
              .font(header ? bold : regular)
              .fontSize(9)
              .text(c, cx + 3, top + 3, {
                width: widths[i]! - 6,
                align: numeric.includes(i) ? 'right' : 'left',
              });
          },
          header ? { scope: 'Column' } : {},
        ),
      );
      x += widths[i]!;
    });
    tr.end();
    // The rule under the row is decoration, not content.
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(margin, top + h)
      .lineTo(x, top + h)
      .lineWidth(header ? 1 : 0.4)
      .strokeColor('#555555')
      .stroke();
    doc.endMarkedContent();
    doc.x = margin;
    doc.y = top + h;
  };
  row(headers, true);
  for (const r of rows) row(r, false);
  el.end();
  doc.x = margin;
  doc.moveDown(0.5);
}

export function renderReportPdf(f: ReportFigures, texts: Texts, meta: TextMeta): Promise<Buffer> {
  const title = `Verantwoording NP Onderwijs ${f.year}: ${meta.boardName}`;
  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: '1.7',
    lang: 'nl-NL',
    displayTitle: true,
    size: 'A4',
    margin,
    info: {
      Title: title,
      Author: meta.boardName,
      Subject: 'Nationaal Programma Onderwijs',
      Creator: 'NP Onderwijs',
    },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = struct(doc, 'Document');
  doc.addStructure(root);
  const width = doc.page.width - 2 * margin;
  const schoolName = (s: { name: string; code: string | null }) =>
    s.code ? `${s.name} (${s.code})` : s.name;

  heading(doc, root, 1, title);
  paragraph(
    doc,
    root,
    meta.confirmedAt
      ? `Bevestigd door het bestuur op ${formatDateTime(meta.confirmedAt)}.`
      : `Concept, gemaakt op ${formatDateTime(new Date(f.generatedAt))}: nog niet bevestigd door het bestuur.`,
  );

  heading(doc, root, 2, 'Scholen: schoolscan, interventies en instemming van de MR');
  paragraph(doc, root, `${scanSummary(f)} ${consentSummary(f)}`);
  table(
    doc,
    root,
    `Scholen van het bestuur in ${f.year}`,
    ['School', 'Schoolscan', 'Categorieën', 'Instemming MR'],
    f.schools.map((s) => [schoolName(s), scanWords(s), categoriesWords(s), consentWords(s)]),
    [width * 0.34, width * 0.16, width * 0.16, width * 0.34],
  );

  heading(doc, root, 2, `Interventies en geld per categorie in ${f.year}`);
  table(
    doc,
    root,
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
  paragraph(doc, root, plannedNote);

  heading(doc, root, 2, 'Personeel niet in loondienst (PNIL)');
  paragraph(doc, root, pnilWords(f));

  heading(doc, root, 2, 'Eerste resultaten');
  paragraph(doc, root, evaluationSummary(f));
  if (f.evaluations.length)
    table(
      doc,
      root,
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

  heading(doc, root, 2, 'Toelichting van het bestuur');
  for (const item of textItems) {
    heading(doc, root, 3, item.label);
    paragraph(doc, root, texts[item.key].trim() || 'Niet ingevuld.');
  }
  root.end();
  doc.end();
  return done;
}
