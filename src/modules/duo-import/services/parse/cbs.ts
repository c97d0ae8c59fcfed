// CBS achterstandsscores per schoolvestiging (xlsx): 'Tabel 1' (score after the threshold,
// used for funding) and 'Tabel 2' (score without threshold). Header on row 4 in 2019 (found in
// the first ten rows, so editions of other years with a title row more or less also read), data after it,
// footnotes after the data. Joined to DUO schools on the vestigingscode (BRIN6).
import { readWorkbook, XlsxError, type Sheet } from './xlsx.ts';
import { DuoFileError, type Problem } from './parse.ts';
import { yearInName } from './duo-values.ts';

export interface ScoreRecord {
  line: number;
  code: string;
  pupils: number | null;
  scoreHundredths: number;
  unthresholdedHundredths: number | null;
}

export interface ParsedScores {
  peildatum: string;
  scores: ScoreRecord[];
  problems: Problem[];
  dataRows: number;
}

/** '33.02' -> 3302, '0' -> 0, exact (no floating point); null when not a number. */
export function toHundredths(v: string): number | null {
  const s = v.trim().replace(',', '.');
  const m = /^(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(s);
  if (!m) return null;
  if (m[3]) {
    const n = Math.round(Number(s) * 100);
    return Number.isSafeInteger(n) ? n : null;
  }
  const frac = (m[2] ?? '').padEnd(3, '0');
  // Excel stores 33.02 as 33.020000000000003 at times: round on the third decimal.
  const base = Number(m[1]) * 100 + Number(frac.slice(0, 2));
  return base + (Number(frac[2]) >= 5 ? 1 : 0);
}

/** The first of rows 1-10 with a "School …" column and a score column; 4 when there is none. */
function findHeaderRow(sheet: Sheet, isScore: (h: string) => boolean): number {
  for (let r = 1; r <= 10; r++) {
    const cells = (sheet.rows.get(r) ?? []).map(norm);
    if (cells.some((h) => h.startsWith('school')) && cells.some(isScore)) return r;
  }
  return 4;
}

function norm(s: string) {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Any failure to read the workbook (damaged, inflating too far) is a file error. */
export function parseCbsScores(buf: Buffer, opts: { fileName?: string; year?: number } = {}): ParsedScores {
  try {
    return readScores(buf, opts);
  } catch (err) {
    if (err instanceof DuoFileError) throw err;
    if (err instanceof XlsxError) throw new DuoFileError(err.message);
    // Offsets that point outside the file and the like: a damaged or non-xlsx file.
    throw new DuoFileError(
      'Het Excel-bestand is beschadigd of is geen .xlsx-bestand. Download het opnieuw bij het CBS.',
    );
  }
}

function readScores(buf: Buffer, opts: { fileName?: string; year?: number }): ParsedScores {
  const wb = readWorkbook(buf);
  const t1 = wb.sheet('Tabel 1');
  if (!t1) {
    throw new DuoFileError(
      `Het werkblad "Tabel 1" ontbreekt (gevonden: ${wb.sheetNames.join(', ') || 'geen'}). Gebruik het bestand met achterstandsscores zoals het CBS het publiceert.`,
    );
  }
  const named = yearInName(opts.fileName, 'xlsx');
  if (opts.year !== undefined && named !== null && opts.year !== named)
    throw new DuoFileError(
      `U gaf het jaar ${opts.year} op, maar volgens de bestandsnaam zijn dit de scores van ${named}. Laat het jaar leeg of kies het bestand van ${opts.year}.`,
    );
  const year = opts.year ?? named ?? NaN;
  if (!Number.isInteger(year)) {
    throw new DuoFileError(
      'Uit de bestandsnaam blijkt niet op welk jaar de scores slaan. Geef het jaar op (de naam van het CBS eindigt op het jaar).',
    );
  }
  const headerRow = findHeaderRow(t1, (h) => h.startsWith('achterstandsscore'));
  const header = (t1.rows.get(headerRow) ?? []).map(norm);
  const iCode = header.findIndex((h) => h.startsWith('school'));
  const iPupils = header.findIndex((h) => h.includes('leerlingen'));
  const iScore = header.findIndex((h) => h.startsWith('achterstandsscore'));
  if (iCode < 0 || iScore < 0) {
    throw new DuoFileError(
      'In "Tabel 1" staan in de eerste tien rijen niet de kolommen "School (BRIN vestiging)" en "Achterstandsscore". Gebruik de tabel zoals het CBS die publiceert.',
      1,
    );
  }
  const unthresholded = new Map<string, number>();
  const t2 = wb.sheet('Tabel 2');
  if (t2) {
    const headerRow2 = findHeaderRow(t2, (h) => h === 'achterstandsscore zonder drempel');
    const h2 = (t2.rows.get(headerRow2) ?? []).map(norm);
    const c2 = h2.findIndex((h) => h.startsWith('school'));
    const s2 = h2.findIndex((h) => h === 'achterstandsscore zonder drempel');
    if (c2 >= 0 && s2 >= 0) {
      for (const [r, cells] of t2.rows) {
        if (r <= headerRow2) continue;
        const code = (cells[c2] ?? '').trim().toUpperCase();
        const v = toHundredths(cells[s2] ?? '');
        if (/^[0-9A-Z]{4}\d{2}$/.test(code) && v !== null) unthresholded.set(code, v);
      }
    }
  }
  const out: ParsedScores = { peildatum: `${year}-10-01`, scores: [], problems: [], dataRows: 0 };
  const seen = new Set<string>();
  for (const [r, cells] of [...t1.rows].sort((a, b) => a[0] - b[0])) {
    if (r <= headerRow) continue;
    const code = (cells[iCode] ?? '').trim().toUpperCase();
    if (!/^[0-9A-Z]{4}\d{2}$/.test(code)) continue; // footnotes and blank rows after the data
    out.dataRows++;
    const score = toHundredths(cells[iScore] ?? '');
    if (score === null) {
      out.problems.push({
        line: r,
        reason: `De achterstandsscore "${cells[iScore] ?? ''}" van ${code} is geen getal.`,
      });
      continue;
    }
    if (seen.has(code)) {
      out.problems.push({
        line: r,
        reason: `Vestiging ${code} staat al eerder in de tabel; deze rij is overgeslagen.`,
      });
      continue;
    }
    seen.add(code);
    const pupils =
      iPupils >= 0 && /^\d+$/.test((cells[iPupils] ?? '').trim()) ? Number(cells[iPupils]) : null;
    out.scores.push({
      line: r,
      code,
      pupils,
      scoreHundredths: score,
      unthresholdedHundredths: unthresholded.get(code) ?? null,
    });
  }
  return out;
}
