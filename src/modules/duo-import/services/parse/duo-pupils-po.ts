// Reading the DUO pupil history of po schools: counts per year, and the schools it names.
import { clean } from './csv.ts';
import { DuoFileError, firstHistoryYear, type ParsedFile, type PupilRecord } from './duo-file.ts';
import { municipalityCode, orNull, parseCount, sectorFromSoort } from './duo-values.ts';
import { boardOk, firstTimeInFile, rowVestigingscode, type DuoTable } from './duo-table.ts';

/** Counts of 1 October of every year from firstHistoryYear on. */
export function parsePoPupilHistory(t: DuoTable, year?: number): ParsedFile {
  const { header, headers, rows, out, idx, get, wrongWidth, iBoard } = t;
  const years: { i: number; year: number }[] = [];
  headers.forEach((h, i) => {
    const m = /^LEERLINGEN (\d{4})$/.exec(h);
    if (m && Number(m[1]) >= firstHistoryYear) years.push({ i, year: Number(m[1]) });
  });
  const all = headers.flatMap((h) => /^LEERLINGEN (\d{4})$/.exec(h)?.[1] ?? []).map(Number);
  if (year !== undefined && !all.includes(year))
    throw new DuoFileError(
      `U gaf het jaar ${year} op, maar dit bestand heeft tellingen van ${Math.min(...all)} tot en met ${Math.max(...all)}. Laat het jaar leeg (alle jaren in het bestand worden ingelezen) of kies een jaar uit het bestand.`,
      1,
    );
  const iName = idx('NAAM VESTIGING');
  const iSoort = idx('SOORT VESTIGING');
  const iDen = idx('DENOMINATIE VESTIGING');
  const iMun = idx('GEMEENTECODE VESTIGING');
  const iMunName = idx('GEMEENTENAAM VESTIGING');
  const seen = new Set<string>();
  for (const r of rows) {
    if (wrongWidth(r)) continue;
    const f = r.fields;
    const code = rowVestigingscode(t, r);
    if (!code) continue;
    const soort = get(f, iSoort);
    const sector = sectorFromSoort(soort);
    if (!sector) {
      out.problems.push({
        line: r.line,
        reason: `De soort vestiging "${soort}" kennen we niet (verwacht: BO, SBO, SO, VSO of SO/VSO).`,
      });
      continue;
    }
    const board = get(f, iBoard);
    if (!boardOk(board)) {
      out.problems.push({ line: r.line, reason: `Het bevoegd-gezagnummer "${board}" is geen nummer.` });
      continue;
    }
    const counts: PupilRecord[] = [];
    let bad: string | null = null;
    for (const y of years) {
      const c = parseCount(f[y.i] ?? '');
      if (c === 'blank') continue;
      if (c === 'invalid') {
        bad = `Het aantal leerlingen "${clean(f[y.i])}" in kolom ${header.fields[y.i]!.trim()} is geen getal (verwacht: een getal of "<5").`;
        break;
      }
      if (c.pupils === 0) continue;
      counts.push({
        line: r.line,
        code,
        teldatum: `${y.year}-10-01`,
        category: 'totaal',
        pupils: c.pupils,
        belowFive: c.belowFive,
      });
    }
    if (bad) {
      out.problems.push({ line: r.line, reason: bad });
      continue;
    }
    if (!firstTimeInFile(t, seen, r, code)) continue;
    out.pupils.push(...counts);
    // Only schools with pupils in the programme's years are worth creating.
    if (counts.some((c) => c.teldatum >= '2019-10-01')) {
      out.pupilSchools.push({
        line: r.line,
        code,
        instellingscode: code.slice(0, 4),
        boardCode: String(Number(board)),
        name: get(f, iName) || code,
        sector,
        duoSoort: soort,
        place: null,
        postcode: null,
        municipalityCode: municipalityCode(get(f, iMun)),
        municipalityName: orNull(get(f, iMunName)),
        denomination: orNull(get(f, iDen)),
        onderwijsstructuur: null,
      });
    }
  }
  return out;
}
