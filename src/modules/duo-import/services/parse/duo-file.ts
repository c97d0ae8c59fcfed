// What a DUO file is: its kinds and groups, the records read from it, and the error for a file that cannot be read.
import type { Sector } from '../../../../platform/db/tables.ts';
import type { Encoding } from '../../../../platform/input/text-file.ts';

export type DuoFileKind =
  | 'vestigingen-po'
  | 'vestigingen-vo'
  | 'vestigingen-sbo-so-vso'
  | 'leerlingen-po-historie'
  | 'leerlingen-vo-onderwijstype'
  | 'leerlingen-vo-vestiging'
  | 'besturen';

/** What a person says a file is on the upload page; the file must match. */
export type DuoFileGroup = 'scholen' | 'leerlingen' | 'besturen';

export const kindGroup: Record<DuoFileKind, DuoFileGroup> = {
  'vestigingen-po': 'scholen',
  'vestigingen-vo': 'scholen',
  'vestigingen-sbo-so-vso': 'scholen',
  'leerlingen-po-historie': 'leerlingen',
  'leerlingen-vo-onderwijstype': 'leerlingen',
  'leerlingen-vo-vestiging': 'leerlingen',
  besturen: 'besturen',
};

export const kindLabel: Record<DuoFileKind, string> = {
  'vestigingen-po': 'schoolvestigingen basisonderwijs',
  'vestigingen-vo': 'vestigingen voortgezet onderwijs',
  'vestigingen-sbo-so-vso': 'vestigingen sbo, so en vso',
  'leerlingen-po-historie': 'historisch overzicht leerlingen per schoolvestiging (po)',
  'leerlingen-vo-onderwijstype': 'leerlingen vo per vestiging naar onderwijstype',
  'leerlingen-vo-vestiging': 'leerlingen vo per vestiging en bestuur',
  besturen: 'besturen (bevoegde gezagen)',
};

export const groupLabel: Record<DuoFileGroup, string> = {
  scholen: 'een scholenbestand (vestigingen)',
  leerlingen: 'een leerlingenbestand',
  besturen: 'een bestand met besturen',
};

export type PupilCategory = 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34';

export interface Problem {
  line: number;
  reason: string;
}

export interface SchoolRecord {
  line: number;
  code: string;
  instellingscode: string;
  boardCode: string;
  name: string;
  sector: Sector;
  duoSoort: string;
  place: string | null;
  postcode: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  denomination: string | null;
  onderwijsstructuur: string | null;
}

export interface PupilRecord {
  line: number;
  code: string;
  teldatum: string;
  category: PupilCategory;
  pupils: number | null;
  belowFive: boolean;
}

export interface BoardRecord {
  line: number;
  code: string;
  name: string;
  place: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  denomination: string | null;
}

export interface ParsedFile {
  kind: DuoFileKind;
  encoding: Encoding;
  dataRows: number;
  /** Full snapshots of a sector: schools of that sector missing from the file have closed. */
  snapshotSectors: Sector[];
  schools: SchoolRecord[];
  /** Schools the pupil history file names; created only when no school file knows them. */
  pupilSchools: SchoolRecord[];
  pupils: PupilRecord[];
  boards: BoardRecord[];
  problems: Problem[];
}

/** A file that cannot be imported at all: wrong kind, missing column, unreadable. */
export class DuoFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Pupil history is kept from this year on (the programme needs 2019 onwards). */
export const firstHistoryYear = 2015;
