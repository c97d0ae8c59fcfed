// Row types of the menukaart tables (migrations 0300-0399).
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from '../../platform/db/tables.ts';

export type MenuVersionStatus = 'concept' | 'gepubliceerd';

/** A version of the whole menu: a published snapshot with its date, or the one open draft. */
export interface MenukaartVersionTable {
  id: Generated<number>;
  label: string;
  title: string;
  status: MenuVersionStatus;
  valid_from: DateString | null;
  basis: string;
  source_url: string | null;
  note: string;
  based_on: number | null;
  created_at: Timestamp;
  created_by: number | null;
  published_at: Timestamp | null;
  published_by: number | null;
}

export interface MenukaartCategoryTable {
  version_id: number;
  code: string;
  name: string;
  short_name: string;
  description: string;
  support_only: boolean;
}

/** The identity of an intervention across versions. */
export interface MenukaartInterventionTable {
  id: Generated<number>;
  code: string;
  created_at: Timestamp;
}

/** The praktijkkaart: one Markdown text per section. */
export interface PraktijkkaartSections {
  watHetIs: string;
  onderzoek: string;
  aanpak: string;
  voorwaarden: string;
  valkuilen: string;
  kosten: string;
  evaluatie: string;
  aandachtspunten: string;
}

/** An intervention as it is in one version of the menu. */
export interface MenukaartEntryTable {
  version_id: number;
  intervention_id: number;
  category_code: string;
  name_nl: string;
  name_en: string | null;
  sectors: ColumnType<string[], string[], string[]>;
  source: string;
  summary: string;
  notes: string | null;
  added_note: string | null;
  subtypes: ColumnType<string[], string[], string[]>;
  effect_months: number | null;
  evidence: number | null;
  cost: number | null;
  inferred_fields: ColumnType<string[], string[], string[]>;
  rating_label: string | null;
  rated_on: DateString | null;
  rating_source: string | null;
  withdrawn: boolean;
  withdrawn_reason: string | null;
  praktijkkaart: ColumnType<PraktijkkaartSections | null, string | null, string | null>;
  body_text: string;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** Every published rating of an intervention (EEF 2021, April 2022, later edits). */
export interface MenukaartRatingTable {
  intervention_id: number;
  label: string;
  effect_months: number | null;
  evidence: number | null;
  cost: number | null;
  inferred_fields: ColumnType<string[], string[], string[]>;
  rated_on: DateString | null;
  source_url: string | null;
  basis: string | null;
}

export type KennispleinKind = 'voorbeeld' | 'onderzoek';
export type KennispleinStatus =
  'concept' | 'ingediend' | 'wijzigingen_gevraagd' | 'gepubliceerd' | 'afgewezen' | 'ingetrokken';

export interface KennispleinItemTable {
  id: Generated<number>;
  kind: KennispleinKind;
  school_id: number | null;
  author_person_id: number | null;
  title: string;
  school_type: string;
  what_they_did: string;
  cost_text: string;
  cost_cents: ColumnType<number | null, number | null | undefined, number | null>;
  lessons: string;
  /** Sanitised HTML of the three Markdown texts, rendered at every save (migration 0302). */
  what_they_did_html: Generated<string>;
  cost_text_html: Generated<string>;
  lessons_html: Generated<string>;
  contact_ok: boolean;
  source_url: string | null;
  status: KennispleinStatus;
  moderator_note: string | null;
  moderated_by: number | null;
  moderated_at: Timestamp | null;
  submitted_at: Timestamp | null;
  published_at: Timestamp | null;
  /** Set when the redactie withdraws a published example (migration 0310). */
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withdrawn_by: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KennispleinItemInterventionTable {
  item_id: number;
  intervention_id: number;
}

export interface MenukaartTables {
  menukaart_version: MenukaartVersionTable;
  menukaart_category: MenukaartCategoryTable;
  menukaart_intervention: MenukaartInterventionTable;
  menukaart_entry: MenukaartEntryTable;
  menukaart_rating: MenukaartRatingTable;
  kennisplein_item: KennispleinItemTable;
  kennisplein_item_intervention: KennispleinItemInterventionTable;
}

// Adds the menukaart tables to the database type (see platform/db/schema.ts).
declare module '../../platform/db/schema.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DB extends MenukaartTables {}
}
