// Row types of the DUO-import tables: the imports, the organisations' change history, pupil
// counts and CBS scores, and the DUO columns of organisation. (They are made by the funding
// migrations 0200-0205, which came first; the types live with the module that writes them.)
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from '../../platform/db/tables.ts';

type Json<T> = ColumnType<T, string, string>;

export interface DuoImportTable {
  id: Generated<number>;
  source: 'duo' | 'cbs';
  file_name: string;
  file_kind: string | null;
  sha256: string;
  size_bytes: number;
  /** 'bevestigen': waits for the beheerder to confirm that it closes many schools (migration 0202). */
  status: 'wachtend' | 'bezig' | 'klaar' | 'mislukt' | 'bevestigen';
  person_id: number | null;
  options: Json<Record<string, unknown>>;
  counts: Json<Record<string, number>>;
  problems: Json<{ line: number; reason: string }[]>;
  problem_count: Generated<number>;
  message: string | null;
  content: Buffer | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** The date the file's data describes, and where that date came from (migration 0202). */
  peildatum: DateString | null;
  peildatum_source: string | null;
}

export interface OrganisationChangeTable {
  id: Generated<number>;
  organisation_id: number;
  import_id: number | null;
  at: Timestamp;
  change: 'nieuw' | 'gewijzigd' | 'gesloten' | 'heropend';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

export interface PupilCountTable {
  organisation_id: number;
  teldatum: DateString;
  category: 'totaal' | 'VO_ALG' | 'VO_PRO_VBO34';
  pupils: number | null;
  below_five: boolean;
  import_id: number | null;
}

export interface AchterstandsscoreTable {
  vestigingscode: string;
  peildatum: DateString;
  indicator: 'po' | 'vo';
  organisation_id: number | null;
  pupils: number | null;
  score_hundredths: number;
  score_unthresholded_hundredths: number | null;
  import_id: number | null;
}

/** The organisation columns added by migration 0200. */
export interface OrganisationDuoColumns {
  name_provisional: Generated<boolean>;
  duo_soort: string | null;
  postcode: string | null;
  onderwijsstructuur: string | null;
  duo_seen_at: Timestamp | null;
}

export interface DuoImportTables {
  duo_import: DuoImportTable;
  organisation_change: OrganisationChangeTable;
  pupil_count: PupilCountTable;
  achterstandsscore: AchterstandsscoreTable;
}

// Adds the tables and the DUO columns of organisation to the database type (platform/db/schema.ts).
/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../platform/db/schema.ts' {
  interface DB extends DuoImportTables {}
}
declare module '../../platform/db/tables.ts' {
  interface OrganisationTable extends OrganisationDuoColumns {}
}
