// Reading DUO VO pupil files: per onderwijstype (split over the two VO rates) or one total per vestiging.
import { clean } from './csv.ts';
import { DuoFileError, type ParsedFile } from './duo-file.ts';
import { parseCount, vestigingscode, voCategory } from './duo-values.ts';
import { rowVestigingscode, type DuoTable } from './duo-table.ts';
import { yearInName } from './duo-values.ts';
import type { ParseOptions } from './parse.ts';

/** The teldatum is 1 October of the year given, or of the year the file name ends with. */
export function parseVoPupils(t: DuoTable, opts: ParseOptions): ParsedFile {
  const { kind, header, headers, rows, out, idx, get, wrongWidth, iInst, iVest } = t;
  const named = yearInName(opts.fileName, 'csv');
  if (opts.year !== undefined && named !== null && opts.year !== named)
    throw new DuoFileError(
      `U gaf het jaar ${opts.year} op, maar volgens de bestandsnaam is dit de telling van ${named}. Laat het jaar leeg of kies het bestand van ${opts.year}.`,
    );
  const year = opts.year ?? named ?? NaN;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new DuoFileError(
      'Uit dit VO-leerlingenbestand blijkt niet voor welk jaar de telling is. Geef het jaar op (de naam van DUO eindigt op het jaar, bijvoorbeeld ...-2019.csv).',
    );
  }
  const teldatum = `${year}-10-01`;
  const totals = new Map<
    string,
    { line: number; VO_ALG: number; VO_PRO_VBO34: number; uncertain: boolean }
  >();
  if (kind === 'leerlingen-vo-onderwijstype') {
    const iType = idx('ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR');
    const countCols = headers
      .map((h, i) => ({ h, i }))
      .filter((x) => /^LEER- OF VERBLIJFSJAAR \d - (MAN|VROUW)$/.test(x.h));
    if (countCols.length === 0)
      throw new DuoFileError(
        'De kolommen met aantallen per leerjaar ("LEER- OF VERBLIJFSJAAR 1 - MAN" enz.) ontbreken in de kopregel (regel 1).',
        1,
      );
    for (const r of rows) {
      if (wrongWidth(r)) continue;
      const f = r.fields;
      const code = vestigingscode(get(f, iInst), get(f, iVest));
      if (!code) {
        out.problems.push({
          line: r.line,
          reason: `De vestigingscode "${get(f, iInst)}${get(f, iVest)}" is geen geldige code.`,
        });
        continue;
      }
      let sum = 0;
      let uncertain = false;
      let bad: string | null = null;
      for (const c of countCols) {
        const v = parseCount(f[c.i] ?? '');
        if (v === 'blank') continue;
        if (v === 'invalid') {
          bad = `Het aantal "${clean(f[c.i])}" in kolom ${header.fields[c.i]!.trim()} is geen getal.`;
          break;
        }
        if (v.belowFive) uncertain = true;
        else sum += v.pupils!;
      }
      if (bad) {
        out.problems.push({ line: r.line, reason: bad });
        continue;
      }
      const t = totals.get(code) ?? { line: r.line, VO_ALG: 0, VO_PRO_VBO34: 0, uncertain: false };
      t[voCategory(get(f, iType)) as 'VO_ALG' | 'VO_PRO_VBO34'] += sum;
      t.uncertain ||= uncertain;
      totals.set(code, t);
    }
  } else {
    const iCount = idx('AANTAL LEERLINGEN');
    for (const r of rows) {
      if (wrongWidth(r)) continue;
      const f = r.fields;
      const code = rowVestigingscode(t, r);
      if (!code) continue;
      const v = parseCount(f[iCount] ?? '');
      if (v === 'invalid' || v === 'blank') {
        out.problems.push({
          line: r.line,
          reason: `Het aantal leerlingen "${clean(f[iCount])}" is geen getal (verwacht: een getal of "<5").`,
        });
        continue;
      }
      out.pupils.push({
        line: r.line,
        code,
        teldatum,
        category: 'totaal',
        pupils: v.pupils,
        belowFive: v.belowFive,
      });
    }
    return out;
  }
  for (const [code, t] of totals) {
    const total = t.VO_ALG + t.VO_PRO_VBO34;
    const line = t.line;
    out.pupils.push({
      line,
      code,
      teldatum,
      category: 'totaal',
      pupils: t.uncertain ? null : total,
      belowFive: t.uncertain,
    });
    out.pupils.push({
      line,
      code,
      teldatum,
      category: 'VO_ALG',
      pupils: t.uncertain ? null : t.VO_ALG,
      belowFive: t.uncertain,
    });
    out.pupils.push({
      line,
      code,
      teldatum,
      category: 'VO_PRO_VBO34',
      pupils: t.uncertain ? null : t.VO_PRO_VBO34,
      belowFive: t.uncertain,
    });
  }
  return out;
}
