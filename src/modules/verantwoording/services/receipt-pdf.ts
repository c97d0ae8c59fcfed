// The receipt of one submission as a tagged PDF: who submitted what, when, with every question
// and its answer under its section heading (H1/H2/P in reading order, language nl-NL), so a
// screen reader and text extraction both work. Rendered from the submission's frozen answers.
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { TaggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import type { Answers } from '../tables.ts';
import { isShown } from './answer-rows.ts';
import { answerLines } from './answer-text.ts';
import type { Definition } from './definition.ts';

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

export async function renderReceiptPdf(
  definition: Definition,
  answers: Answers,
  menuNames: ReadonlyMap<string, string>,
  meta: ReceiptMeta,
): Promise<Buffer> {
  const title = `Ontvangstbevestiging: ${meta.questionnaireTitle}, inzending ${meta.number}`;
  const pdf = await TaggedPdf.create({ title, author: meta.orgName, subject: meta.questionnaireTitle });
  pdf.heading(1, title);
  pdf.paragraph(receiptSentence(meta), { gap: 0.6 });
  for (const s of definition.sections) {
    const shown = s.questions.filter((q) => isShown(q, answers));
    if (!shown.length) continue;
    pdf.heading(2, s.title);
    for (const q of shown) {
      pdf.paragraph(q.label, { bold: true, gap: 0.1 });
      pdf.paragraph(answerLines(q, answers[q.key], menuNames).join('\n'), { gap: 0.5 });
    }
  }
  return pdf.finish();
}
