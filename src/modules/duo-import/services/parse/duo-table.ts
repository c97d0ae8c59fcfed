// The rows of a DUO file whose header is checked: columns by name, and rejecting a row.
import { clean, type CsvRecord } from './csv.ts';
import type { DuoFileKind, ParsedFile } from './duo-file.ts';
import { vestigingscode } from './duo-values.ts';

export interface DuoTable {
  kind: DuoFileKind;
  header: CsvRecord;
  /** The header names, normalised. */
  headers: string[];
  rows: CsvRecord[];
  out: ParsedFile;
  /** The index of the first of these columns the file has, or -1. */
  idx: (...names: string[]) => number;
  /** A cleaned field; '' for a column the file does not have. */
  get: (fields: string[], i: number) => string;
  /** Whether the file has this column. */
  has: (name: string) => boolean;
  /** Rejects a row with fewer or more fields than the header; true when it did. */
  wrongWidth: (r: CsvRecord) => boolean;
  iInst: number;
  iVest: number;
  iBoard: number;
}

export function duoTable(
  kind: DuoFileKind,
  header: CsvRecord,
  headers: string[],
  rows: CsvRecord[],
  out: ParsedFile,
): DuoTable {
  const col = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!col.has(h)) col.set(h, i);
  });
  const idx = (...names: string[]) => {
    for (const n of names) {
      const i = col.get(n);
      if (i !== undefined) return i;
    }
    return -1;
  };
  const get = (fields: string[], i: number) => (i < 0 ? '' : clean(fields[i]));
  const width = header.fields.length;
  const wrongWidth = (r: { line: number; fields: string[] }) => {
    if (r.fields.length !== width) {
      out.problems.push({
        line: r.line,
        reason: `De regel heeft ${r.fields.length} kolommen in plaats van ${width} (zoals de kopregel). Controleer de puntkomma's op deze regel.`,
      });
      return true;
    }
    return false;
  };
  return {
    kind,
    header,
    headers,
    rows,
    out,
    idx,
    get,
    has: (name) => col.has(name),
    wrongWidth,
    iInst: idx('INSTELLINGSCODE', 'BRIN NUMMER'),
    iVest: idx('VESTIGINGSCODE', 'VESTIGINGSNUMMER'),
    iBoard: idx('BEVOEGD GEZAG NUMMER'),
  };
}

export const boardOk = (v: string) => /^\d{1,6}$/.test(v);

/** The vestigingscode of a row; when it is not valid, the row is rejected and this is null. */
export function rowVestigingscode(t: DuoTable, r: CsvRecord): string | null {
  const f = r.fields;
  const code = vestigingscode(t.get(f, t.iInst), t.get(f, t.iVest));
  if (!code) {
    t.out.problems.push({
      line: r.line,
      reason: `De vestigingscode "${t.get(f, t.iVest)}" is geen geldige code.`,
    });
  }
  return code;
}

/** Whether this is the first row of the vestiging in the file; a later row is rejected. */
export function firstTimeInFile(t: DuoTable, seen: Set<string>, r: CsvRecord, code: string): boolean {
  if (seen.has(code)) {
    t.out.problems.push({
      line: r.line,
      reason: `Vestiging ${code} staat al eerder in het bestand; deze regel is overgeslagen.`,
    });
    return false;
  }
  seen.add(code);
  return true;
}
