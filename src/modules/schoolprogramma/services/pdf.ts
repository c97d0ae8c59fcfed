// A version as a tagged PDF (for the MR meeting and the school's files): headings, the goals,
// the interventions and the budget as real tables (Table/TR/TH/TD with column scope), text in
// reading order and lines drawn as artifacts, so a screen reader and text extraction both work.
// Rendered from the version's snapshot only, never from the live draft.
import PDFDocument from 'pdfkit';
import { formatCents, formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { costTypeLabels, type PlanSnapshot } from './snapshot.ts';
import { interventionTitle } from './diff.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// The @types lag behind pdfkit 0.20: struct() takes (type, options, children) with closures.
type StructFn = (type: string, options: Record<string, unknown>, children?: (() => void) | null) => Struct;
const struct = (doc: Doc, type: string, draw?: () => void, options: Record<string, unknown> = {}) =>
  (doc.struct as unknown as StructFn).call(doc, type, options, draw ?? null);

const margin = 56;
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';

export interface PdfMeta {
  number: number;
  submittedAt: Date;
  status: string;
}

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

export function renderVersionPdf(s: PlanSnapshot, meta: PdfMeta): Promise<Buffer> {
  const title = `Schoolprogramma ${s.school.name}, versie ${meta.number}`;
  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: '1.7',
    lang: 'nl-NL',
    displayTitle: true,
    size: 'A4',
    margin,
    info: { Title: title, Author: s.school.name, Subject: s.programme.name, Creator: 'NP Onderwijs' },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = struct(doc, 'Document');
  doc.addStructure(root);
  const yearOf = (id: number) => s.schoolYears.find((y) => y.id === id)?.label ?? '';
  const width = doc.page.width - 2 * margin;

  heading(doc, root, 1, title);
  paragraph(
    doc,
    root,
    `${s.programme.name}. Ingediend op ${formatDateTime(meta.submittedAt)}. Status: ${meta.status}.`,
  );

  heading(doc, root, 2, 'Inleiding');
  paragraph(doc, root, s.intro.trim() || 'De school heeft geen inleiding geschreven.');

  heading(doc, root, 2, 'Doelen');
  if (s.goals.length)
    table(
      doc,
      root,
      'Doelen van het schoolprogramma',
      ['Doel', 'Voor wie', 'Bereikt op', 'Hoe gemeten'],
      s.goals.map((g) => [g.what, g.forWhom, formatDate(g.dueOn), g.measure]),
      [width * 0.35, width * 0.2, width * 0.15, width * 0.3],
    );
  else paragraph(doc, root, 'Deze versie heeft geen doelen.');

  heading(doc, root, 2, 'Interventies');
  table(
    doc,
    root,
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
    heading(doc, root, 3, interventionTitle(i));
    paragraph(doc, root, `Verantwoordelijk: ${i.responsible}`);
    if (i.approach.trim()) paragraph(doc, root, `Aanpak: ${i.approach}`);
    if (i.professionalDevelopment.trim())
      paragraph(doc, root, `Professionalisering: ${i.professionalDevelopment}`);
    if (i.evaluationPlan.trim()) paragraph(doc, root, `Evaluatie: ${i.evaluationPlan}`);
  }

  heading(doc, root, 2, 'Begroting');
  table(
    doc,
    root,
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
  table(
    doc,
    root,
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
  root.end();
  doc.end();
  return done;
}
