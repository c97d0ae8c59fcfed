// Reading a DUO school file (vestigingen po, vo, or sbo/so/vso): one record per vestiging.
import type { Sector } from '../../../../platform/db/tables.ts';
import type { ParsedFile } from './duo-file.ts';
import { municipalityCode, orNull, sectorFromSoort, vestigingscode } from './duo-values.ts';
import { boardOk, firstTimeInFile, type DuoTable } from './duo-table.ts';

/** A school file is a full snapshot of its sectors. */
export function parseSchoolFile(t: DuoTable): ParsedFile {
  const { kind, rows, out, idx, get, wrongWidth, iInst, iVest, iBoard } = t;
  const iName = idx('VESTIGINGSNAAM');
  const iPlace = idx('PLAATSNAAM');
  const iPc = idx('POSTCODE');
  const iMun = idx('GEMEENTENUMMER');
  const iMunName = idx('GEMEENTENAAM');
  const iDen = idx('DENOMINATIE');
  const iStruct = idx('ONDERWIJSSTRUCTUUR');
  const iSoort = idx('SOORT PRIMAIR ONDERWIJS');
  const iOnderwijs = idx('ONDERWIJS');
  out.snapshotSectors =
    kind === 'vestigingen-po' ? ['BO'] : kind === 'vestigingen-vo' ? ['VO'] : ['SBO', 'SO', 'VSO'];
  const seen = new Set<string>();
  for (const r of rows) {
    if (wrongWidth(r)) continue;
    const f = r.fields;
    const inst = get(f, iInst).toUpperCase();
    const code = vestigingscode(inst, get(f, iVest));
    const board = get(f, iBoard);
    const name = get(f, iName);
    if (!code) {
      out.problems.push({
        line: r.line,
        reason: `De vestigingscode "${get(f, iVest)}" is geen geldige code (vier tekens en twee cijfers).`,
      });
      continue;
    }
    if (!boardOk(board)) {
      out.problems.push({ line: r.line, reason: `Het bevoegd-gezagnummer "${board}" is geen nummer.` });
      continue;
    }
    if (!name) {
      out.problems.push({ line: r.line, reason: 'De vestigingsnaam is leeg.' });
      continue;
    }
    let sector: Sector | null = kind === 'vestigingen-po' ? 'BO' : kind === 'vestigingen-vo' ? 'VO' : null;
    const soort =
      kind === 'vestigingen-sbo-so-vso' ? get(f, iSoort) : kind === 'vestigingen-vo' ? 'VO' : 'BO';
    if (!sector) sector = sectorFromSoort(soort, get(f, iOnderwijs));
    if (!sector) {
      out.problems.push({
        line: r.line,
        reason: `De soort onderwijs "${soort}" kennen we niet (verwacht: SBO of (V)SO).`,
      });
      continue;
    }
    if (!firstTimeInFile(t, seen, r, code)) continue;
    out.schools.push({
      line: r.line,
      code,
      instellingscode: code.slice(0, 4),
      boardCode: String(Number(board)),
      name,
      sector,
      duoSoort: soort,
      place: orNull(get(f, iPlace)),
      postcode: orNull(get(f, iPc)),
      municipalityCode: municipalityCode(get(f, iMun)),
      municipalityName: orNull(get(f, iMunName)),
      denomination: orNull(get(f, iDen)),
      onderwijsstructuur: iStruct < 0 ? null : orNull(get(f, iStruct)),
    });
  }
  return out;
}
