// The receipt of one submission as a tagged PDF: who submitted what, when, with every question
// and its answer under its section heading (H1/H2/P in reading order, language nl-NL), so a
// screen reader and text extraction both work. Rendered from the submission's frozen answers.
import PDFDocument from 'pdfkit';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { Answers } from '../tables.ts';
import { isShown } from './answer-rows.ts';
import { answerLines } from './answer-text.ts';
import type { Definition } from './definition.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
// The @types lag behind pdfkit 0.20: struct() takes (type, options, children) with closures.
type StructFn = (type: string, options: Record<string, unknown>, children?: (() => void) | null) => Struct;
const struct = (doc: Doc, type: string, draw?: () => void) =>
  (doc.struct as unknown as StructFn).call(doc, type, {}, draw ?? null);

const margin = 56;

export interface ReceiptMeta {
  questionnaireTitle: string;
  yearLabel: string;
  orgName: string;
  number: number;
  submittedAt: Date;
  submittedBy: string | null;
}

/** The receipt's opening sentence (also the mail's). */
export const receiptSentence = (m: ReceiptMeta) =>
  `${m.orgName} heeft op ${formatDateTime(m.submittedAt)} inzending ${m.number} ingediend van "${m.questionnaireTitle}" (schooljaar ${m.yearLabel})${m.submittedBy ? `, door ${m.submittedBy}` : ''}.`;

export function renderReceiptPdf(
  definition: Definition,
  answers: Answers,
  menuNames: ReadonlyMap<string, string>,
  meta: ReceiptMeta,
): Promise<Buffer> {
  const title = `Ontvangstbevestiging: ${meta.questionnaireTitle}, inzending ${meta.number}`;
  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: '1.7',
    lang: 'nl-NL',
    displayTitle: true,
    size: 'A4',
    margin,
    info: { Title: title, Author: meta.orgName, Subject: meta.questionnaireTitle, Creator: 'NP Onderwijs' },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = struct(doc, 'Document');
  doc.addStructure(root);
  const text = (type: string, font: string, size: number, t: string, gap = 0.3) =>
    root.add(
      struct(doc, type, () => {
        doc.font(font).fontSize(size).text(t, margin, doc.y);
        doc.moveDown(gap);
      }),
    );
  text('H1', 'Helvetica-Bold', 16, title, 0.5);
  text('P', 'Helvetica', 10, receiptSentence(meta), 0.6);
  for (const s of definition.sections) {
    const shown = s.questions.filter((q) => isShown(q, answers));
    if (!shown.length) continue;
    doc.moveDown(0.4);
    text('H2', 'Helvetica-Bold', 13, s.title);
    for (const q of shown) {
      text('P', 'Helvetica-Bold', 10, q.label, 0.1);
      text('P', 'Helvetica', 10, answerLines(q, answers[q.key], menuNames).join('\n'), 0.5);
    }
  }
  doc.end();
  return done;
}
