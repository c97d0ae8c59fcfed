// Turns a DUO file into typed records and a list of rejected lines. Pure: no database.
// Columns are found by header name, never by position; both the old (BRIN NUMMER /
// VESTIGINGSNUMMER) and the current (INSTELLINGSCODE / VESTIGINGSCODE) layouts are read.
// The kinds and records are in duo-file.ts, single values in duo-values.ts, each kind's rows in
// duo-schools.ts, duo-pupils-po.ts, duo-pupils-vo.ts and duo-boards.ts.
import { normaliseHeader, readCsv } from './csv.ts';
import { decodeText } from '../../../../platform/input/text-file.ts';
import {
  DuoFileError,
  groupLabel,
  kindGroup,
  kindLabel,
  type DuoFileGroup,
  type DuoFileKind,
  type ParsedFile,
} from './duo-file.ts';
import { detectKind, required } from './duo-headers.ts';
import { duoTable } from './duo-table.ts';
import { parseSchoolFile } from './duo-schools.ts';
import { parsePoPupilHistory } from './duo-pupils-po.ts';
import { parseVoPupils } from './duo-pupils-vo.ts';
import { parseBoardFile } from './duo-boards.ts';

export * from './duo-file.ts';
export { detectKind } from './duo-headers.ts';
export { municipalityCode, parseCount, vestigingscode, voCategory } from './duo-values.ts';

export interface ParseOptions {
  /** The group the person chose on the upload page; a file of another group is refused. */
  expected?: DuoFileGroup;
  /** The file name: the year in it ('...-2019.csv') gives the teldatum of VO pupil files. */
  fileName?: string;
  /**
   * 1 October of this year is the teldatum for files that do not say it themselves; checked
   * against the years a file does name (its name, its count columns). School and board files
   * have no teljaar and do not use it.
   */
  year?: number;
}

export function parseDuoFile(buf: Uint8Array, opts: ParseOptions = {}): ParsedFile {
  const { text, encoding } = decodeText(buf);
  const read = readCsv(text);
  const records = read.records;
  const firstProblem = read.problems[0];
  const header = records[0];
  if (!header && !firstProblem)
    throw new DuoFileError(
      'Het bestand bevat geen gegevens: het is leeg. Kies het bestand zoals DUO het publiceert.',
    );
  if (firstProblem && (!header || firstProblem.line < header.line))
    throw new DuoFileError(
      `De kopregel is geen geldige CSV-regel. ${firstProblem.reason}`,
      firstProblem.line,
    );
  const headers = header!.fields.map(normaliseHeader);
  const kind = detectKind(headers);
  if (kind === 'eindscores') {
    throw new DuoFileError(
      'Dit is een bestand met eindtoetsscores; dat gebruikt de bekostiging niet. Kies een scholen- of leerlingenbestand van DUO.',
      1,
    );
  }
  if (!kind) {
    throw new DuoFileError(
      'Dit bestand herkennen we niet als DUO-bestand: de kopregel (regel 1) mist de kolommen van een scholen-, leerlingen- of bestuurenbestand. Controleer of u het goede bestand hebt gekozen en of de kolommen met een puntkomma (;) zijn gescheiden.',
      1,
    );
  }
  if (opts.expected && kindGroup[kind] !== opts.expected) {
    throw new DuoFileError(
      `Dit is ${groupLabel[kindGroup[kind]]} (${kindLabel[kind]}), maar u koos ${groupLabel[opts.expected]}. Kies het juiste soort bestand en probeer het opnieuw.`,
      1,
    );
  }
  const out: ParsedFile = {
    kind,
    encoding,
    dataRows: read.dataLines,
    snapshotSectors: [],
    schools: [],
    pupilSchools: [],
    pupils: [],
    boards: [],
    problems: [...read.problems],
  };
  const t = duoTable(kind, header!, headers, records.slice(1), out);
  for (const r of required(kind)) {
    const options = Array.isArray(r) ? r : [r];
    if (!options.some((o) => t.has(o))) {
      throw new DuoFileError(
        `De kolom ${options.map((o) => `"${o}"`).join(' of ')} ontbreekt in de kopregel (regel 1). Gebruik het bestand zoals DUO het publiceert.`,
        1,
      );
    }
  }
  if (read.dataLines === 0)
    throw new DuoFileError(
      'Het bestand bevat geen gegevens: er staat alleen een kopregel in. Kies het volledige bestand zoals DUO het publiceert.',
      header!.line,
    );
  if (kind === 'vestigingen-po' || kind === 'vestigingen-vo' || kind === 'vestigingen-sbo-so-vso') {
    return parseSchoolFile(t);
  }
  if (kind === 'leerlingen-po-historie') return parsePoPupilHistory(t, opts.year);
  if (kind === 'leerlingen-vo-onderwijstype' || kind === 'leerlingen-vo-vestiging')
    return parseVoPupils(t, opts);
  return parseBoardFile(t);
}

/**
 * What a file is, from its header line only (for ordering several files before reading them):
 * its kind, or null when the header is not one of a DUO file.
 */
export function sniffKind(buf: Uint8Array): DuoFileKind | null {
  const { text } = decodeText(buf.subarray(0, 64 * 1024));
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '');
  if (!first) return null;
  const kind = detectKind(first.split(';').map((h) => normaliseHeader(h.replace(/^"|"$/g, ''))));
  return kind === 'eindscores' ? null : kind;
}
