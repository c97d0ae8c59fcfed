// The one way the platform writes CSV: csv-stringify, with every text cell that a spreadsheet
// would read as a formula made inert (OWASP "CSV injection"). A school's name such as
// `=HYPERLINK("https://evil.example","Klik")` comes from DUO files and forms; opened in Excel
// or LibreOffice it would run as a formula on the reader's machine.
import { stringify, type Options } from 'csv-stringify/sync';

/** Characters that start a formula (or, as tab and CR, hide one) in common spreadsheets. */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain number ('-12', '-0.50', '-1,5') is data, not a formula; keep it usable. */
const plainNumber = /^-?\d+(?:[.,]\d+)?$/;

/** The cell as text, with a leading apostrophe when it would otherwise start a formula. */
export function neutraliseCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return formulaStart.test(s) && !plainNumber.test(s) ? `'${s}` : s;
}

/** csv-stringify's sync stringify, with every cell passed through neutraliseCell. */
export function stringifySafeCsv(rows: unknown[][], options: Options = {}): string {
  return stringify(
    rows.map((r) => r.map(neutraliseCell)),
    options,
  );
}
