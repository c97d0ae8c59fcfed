// Workbooks for download (exceljs): one sheet per table, the header row bold and frozen, money as
// euro numbers with a euro number format, so a spreadsheet can add them up.
import type ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  width: number;
  money?: boolean;
}

export type SheetRow = (string | number | null)[];

const euroFormat = '€ #,##0.00;-€ #,##0.00';

/** Cents as the euro number a money column holds; null stays an empty cell. */
export function euros(cents: number): number;
export function euros(cents: number | null): number | null;
export function euros(cents: number | null): number | null {
  return cents === null ? null : cents / 100;
}

export class Workbook {
  /** exceljs is loaded on the first workbook, not at every start of the platform. */
  static async create(title: string): Promise<Workbook> {
    const { default: exceljs } = await import('exceljs');
    return new Workbook(new exceljs.Workbook(), title);
  }

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    title: string,
  ) {
    this.wb.creator = 'NP Onderwijs';
    this.wb.title = title;
  }

  sheet(name: string, columns: SheetColumn[], rows: SheetRow[]): this {
    const ws = this.wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.money ? { numFmt: euroFormat } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    return this;
  }

  async bytes(): Promise<Buffer> {
    return Buffer.from(await this.wb.xlsx.writeBuffer());
  }
}
