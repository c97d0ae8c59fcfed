// A tagged PDF (PDF/UA-style) in Dutch: headings, paragraphs and real tables (Table/TR/TH/TD with
// column scope) in reading order, table rules drawn as artifacts, so a screen reader and text
// extraction both work. The programme's versions, the board's annual report and the questionnaire
// receipts are drawn with it.
import type PDFDocumentClass from 'pdfkit';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// The @types lag behind pdfkit 0.20: struct() takes (type, options, children) with closures.
type StructFn = (type: string, options: Record<string, unknown>, children?: (() => void) | null) => Struct;
const struct = (doc: Doc, type: string, draw?: () => void, options: Record<string, unknown> = {}) =>
  (doc.struct as unknown as StructFn).call(doc, type, options, draw ?? null);

const margin = 56;
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';

export interface TaggedPdfInfo {
  title: string;
  author: string;
  subject: string;
}

export class TaggedPdf {
  private readonly doc: Doc;
  private readonly root: Struct;
  private readonly bytes: Promise<Buffer>;
  /** The width between the margins, to share out over a table's columns. */
  readonly width: number;

  /** pdfkit is loaded on the first PDF, not at every start of the platform. */
  static async create(info: TaggedPdfInfo): Promise<TaggedPdf> {
    const { default: PDFDocument } = await import('pdfkit');
    return new TaggedPdf(PDFDocument, info);
  }

  private constructor(PDFDocument: typeof PDFDocumentClass, info: TaggedPdfInfo) {
    this.doc = new PDFDocument({
      tagged: true,
      pdfVersion: '1.7',
      lang: 'nl-NL',
      displayTitle: true,
      size: 'A4',
      margin,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'NP Onderwijs' },
    } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.root = struct(this.doc, 'Document');
    this.doc.addStructure(this.root);
    this.width = this.doc.page.width - 2 * margin;
  }

  heading(level: 1 | 2 | 3, text: string) {
    const doc = this.doc;
    const size = { 1: 18, 2: 14, 3: 12 }[level];
    this.root.add(
      struct(doc, `H${level}`, () => {
        doc.moveDown(level === 1 ? 0 : 0.6);
        doc.font(bold).fontSize(size).text(text, margin, doc.y);
        doc.moveDown(0.3);
      }),
    );
  }

  /** A paragraph; an empty text draws nothing. `gap`: lines of space after it. */
  paragraph(text: string, opts: { bold?: boolean; gap?: number } = {}) {
    if (!text.trim()) return;
    const doc = this.doc;
    this.root.add(
      struct(doc, 'P', () => {
        doc
          .font(opts.bold ? bold : regular)
          .fontSize(10)
          .text(text, margin, doc.y);
        if (opts.gap) doc.moveDown(opts.gap);
      }),
    );
  }

  /** A table with a caption and a header row; `numeric` columns are right-aligned. */
  table(caption: string, headers: string[], rows: string[][], widths: number[], numeric: number[] = []) {
    const doc = this.doc;
    const el = struct(doc, 'Table');
    this.root.add(el);
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
        const draw = () => {
          doc
            .font(header ? bold : regular)
            .fontSize(9)
            .text(c, cx + 3, top + 3, {
              width: widths[i]! - 6,
              align: numeric.includes(i) ? 'right' : 'left',
            });
        };
        tr.add(struct(doc, header ? 'TH' : 'TD', draw, header ? { scope: 'Column' } : {}));
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

  /** Space between blocks, in lines. */
  space(lines: number) {
    this.doc.moveDown(lines);
  }

  /** Ends the document and resolves to its bytes. */
  finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.bytes;
  }
}
