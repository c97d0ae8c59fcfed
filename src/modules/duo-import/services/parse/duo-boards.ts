// Reading the DUO board file (bevoegde gezagen): one record per board.
import type { ParsedFile } from './duo-file.ts';
import { municipalityCode, orNull } from './duo-values.ts';
import { boardOk, type DuoTable } from './duo-table.ts';

/** The same board may stand in several sector lists; it is read once. */
export function parseBoardFile(t: DuoTable): ParsedFile {
  const { rows, out, idx, get, wrongWidth, iBoard } = t;
  const iName = idx('BEVOEGD GEZAG NAAM');
  const iPlace = idx('PLAATSNAAM');
  const iMun = idx('GEMEENTENUMMER');
  const iMunName = idx('GEMEENTENAAM');
  const iDen = idx('DENOMINATIE');
  const seen = new Set<string>();
  for (const r of rows) {
    if (wrongWidth(r)) continue;
    const f = r.fields;
    const board = get(f, iBoard);
    const name = get(f, iName);
    if (!boardOk(board)) {
      out.problems.push({ line: r.line, reason: `Het bevoegd-gezagnummer "${board}" is geen nummer.` });
      continue;
    }
    if (!name) {
      out.problems.push({ line: r.line, reason: 'De naam van het bestuur is leeg.' });
      continue;
    }
    const code = String(Number(board));
    if (seen.has(code)) continue; // the same board in several sector lists
    seen.add(code);
    out.boards.push({
      line: r.line,
      code,
      name,
      place: orNull(get(f, iPlace)),
      municipalityCode: municipalityCode(get(f, iMun)),
      municipalityName: orNull(get(f, iMunName)),
      denomination: orNull(get(f, iDen)),
    });
  }
  return out;
}
