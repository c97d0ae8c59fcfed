// Reading a bookkeeping export (CSV) of expenses: the file's text (UTF-8 or Windows-1252), its
// delimiter (';' or ','), its header and records with their line numbers, and which column is
// which (recognised by name, or chosen by the school leader in the mapping step). Pure.
import { parse } from 'csv-parse/sync';
import { decodeText } from '../../../platform/input/text-file.ts';

export const importFields = ['datum', 'bedrag', 'omschrijving', 'interventie', 'kostensoort'] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  datum: 'Datum',
  bedrag: 'Bedrag',
  omschrijving: 'Omschrijving',
  interventie: 'Interventie',
  kostensoort: 'Kostensoort',
};

/** Larger than any school's year of bookkeeping lines; the mapping step carries the file. */
export const maxImportBytes = 512 * 1024;
export const maxImportLines = 5000;

/** Lowercase letters and digits only: how headers and values are compared. */
export const normalise = (v: string) =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

// Names bookkeeping programs give these columns (normalised).
const headerNames: Record<ImportField, string[]> = {
  datum: ['datum', 'boekdatum', 'factuurdatum', 'transactiedatum', 'date'],
  bedrag: ['bedrag', 'bedrageur', 'bedragineuro', 'bedraginclbtw', 'amount', 'debet'],
  omschrijving: ['omschrijving', 'beschrijving', 'description', 'tekst', 'boekingsomschrijving'],
  interventie: ['interventie', 'interventiecode', 'project', 'projectcode'],
  kostensoort: ['kostensoort', 'soort', 'kostentype', 'categorie'],
};

export interface FileRecord {
  /** The line in the file (the header is line 1). */
  line: number;
  cells: string[];
}

export type ReadResult =
  | { ok: true; headers: string[]; records: FileRecord[]; delimiter: ';' | ','; text: string }
  | { ok: false; problem: string };

export function readExpenseFile(data: Uint8Array): ReadResult {
  if (data.length > maxImportBytes)
    return {
      ok: false,
      problem: 'Het bestand is groter dan 512 kB. Splits het, bijvoorbeeld per schooljaar.',
    };
  const { text } = decodeText(data);
  return readExpenseText(text);
}

export function readExpenseText(text: string): ReadResult {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      ok: false,
      problem: `Het bestand is geen leesbaar CSV-bestand${line ? ` (rond regel ${line})` : ''}: controleer de aanhalingstekens.`,
    };
  }
  const [head, ...rest] = parsed;
  if (!head || rest.length === 0)
    return { ok: false, problem: 'Het bestand bevat geen regels onder de kopregel.' };
  if (rest.length > maxImportLines)
    return {
      ok: false,
      problem: `Het bestand heeft meer dan ${maxImportLines} regels. Splits het, bijvoorbeeld per schooljaar.`,
    };
  return {
    ok: true,
    headers: head.record,
    records: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
    delimiter,
    text,
  };
}

/** The columns recognised by their header; a field stays out when no header (or two) fit. */
export function guessColumns(headers: string[]): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {};
  const names = headers.map(normalise);
  for (const f of importFields) {
    const hits = names.flatMap((n, i) => (headerNames[f].includes(n) ? [i] : []));
    if (hits.length === 1) out[f] = hits[0]!;
  }
  return out;
}

/** The mapping is complete when every field has its own column of the file. */
export function completeColumns(
  columns: Partial<Record<ImportField, number>>,
  headerCount: number,
): columns is Record<ImportField, number> {
  const used = importFields.map((f) => columns[f]);
  return (
    used.every((i) => i !== undefined && i >= 0 && i < headerCount) &&
    new Set(used).size === importFields.length
  );
}
