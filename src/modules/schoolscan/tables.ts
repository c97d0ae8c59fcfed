// Row types of the schoolscan tables (migration 0400) and their place in the database type.
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from '../../platform/db/tables.ts';

export type ScanStatus = 'concept' | 'afgerond';
export type SectionName =
  'context' | 'cognitief' | 'sociaal-emotioneel' | 'executieve-functies' | 'conclusies';
export type Moment = 'M' | 'E';

export interface SchoolscanTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  status: Generated<ScanStatus>;
  created_at: Timestamp;
  created_by: number | null;
  completed_at: Timestamp | null;
  completed_by: number | null;
}

export interface SchoolscanSectionTable {
  scan_id: number;
  section: SectionName;
  body: string;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface LvsSchoolKeyTable {
  school_id: number;
  secret: Buffer;
  created_at: Timestamp;
}

export interface LvsImportTable {
  id: Generated<number>;
  school_id: number;
  person_id: number | null;
  created_at: Timestamp;
  file_name: string;
  size_bytes: number;
  encoding: string;
  delimiter: string;
  rows: number;
  pupils: number;
  school_years: string[];
  warnings: ColumnType<string[], string, string>;
  /** When the retention job deleted this import's results (migration 0405); null while kept. */
  purged_at: Timestamp | null;
  purged_rows: number | null;
  /** The column mapping the file was read with (migration 0401); null for the flat format. */
  mapping_name: Generated<string | null>;
}

/** numeric columns arrive as strings from the driver. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface LvsResultTable {
  school_id: number;
  import_id: number;
  pupil_hash: string;
  grade: number;
  provider: string;
  subject: string;
  year_start: number;
  moment: Moment;
  test_date: DateString | null;
  raw_score: Numeric | null;
  ability: Numeric;
  level: string | null;
  reference_level: string | null;
  dle: number | null;
}

export type FocusSeverity = 'aandacht' | 'zorg' | 'ernstig';

export interface FocusLink {
  href: string;
  label: string;
}

export interface SchoolscanFocusPointTable {
  id: Generated<number>;
  scan_id: number;
  /** A subject code of the analysis, or 'sociaal-emotioneel', 'welbevinden', 'executieve-functies'. */
  domain: string;
  grades: number[];
  pupils: number;
  severity: FocusSeverity;
  evidence: string;
  evidence_links: ColumnType<FocusLink[], string, string>;
  goal: string;
  position: number;
  version: Generated<number>;
  // Timestamp already allows leaving it out on insert (the column has a default).
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolscanFocusChoiceTable {
  focus_point_id: number;
  intervention_id: number;
  /** bigint: arrives as a string from the driver. */
  estimated_cents: ColumnType<string | null, number | null, number | null>;
  chosen_at: Generated<Timestamp>;
  chosen_by: number | null;
}

/** The steps with a team assessment per group (migration 0402). */
export type AssessedStep = 'sociaal-emotioneel' | 'executieve-functies';

export interface SchoolscanGroupAssignmentTable {
  school_id: number;
  school_year_id: number;
  grade: number;
  person_id: number;
  assigned_at: Timestamp;
  assigned_by: number | null;
}

export interface SchoolscanGroupAssessmentTable {
  scan_id: number;
  step: AssessedStep;
  grade: number;
  scores: ColumnType<Record<string, number>, string, string>;
  notes: ColumnType<Record<string, string>, string, string>;
  group_note: string;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolscanMonitorResultTable {
  id: Generated<number>;
  scan_id: number;
  grade: number;
  instrument: string;
  measure: string;
  pupils: number;
  value: Numeric;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** How long a school keeps its imported results, in months (migration 0405). */
export interface LvsRetentionTable {
  school_id: number;
  months: number;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** A school's column mapping of an LVS export (migration 0401). */
export interface LvsMappingTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  provider: string;
  signature: string;
  headers: string[];
  columns: ColumnType<Record<string, string>, string, string>;
  value_map: ColumnType<Record<string, Record<string, string>>, string, string>;
  year_from_date: boolean;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolscanTables {
  lvs_mapping: LvsMappingTable;
  schoolscan_group_assignment: SchoolscanGroupAssignmentTable;
  schoolscan_group_assessment: SchoolscanGroupAssessmentTable;
  schoolscan_monitor_result: SchoolscanMonitorResultTable;
  lvs_retention: LvsRetentionTable;
  schoolscan_focus_point: SchoolscanFocusPointTable;
  schoolscan_focus_choice: SchoolscanFocusChoiceTable;
  schoolscan: SchoolscanTable;
  schoolscan_section: SchoolscanSectionTable;
  lvs_school_key: LvsSchoolKeyTable;
  lvs_import: LvsImportTable;
  lvs_result: LvsResultTable;
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../platform/db/schema.ts' {
  interface DB extends SchoolscanTables {}
}
