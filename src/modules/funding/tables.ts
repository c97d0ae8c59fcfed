// Row types of the funding tables (migrations 0200-0299; the DUO-import tables made by the same
// migrations are typed in duo-import/tables.ts).
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from '../../platform/db/tables.ts';

type Json<T> = ColumnType<T, string, string>;

export type FundingSchoolType = 'BO' | 'SBO' | 'VSO' | 'VO_ALG' | 'VO_PRO_VBO34';
export type RateBasis =
  'leerlingen' | 'achterstandsscore-po' | 'achterstandsscore-vo' | 'cumi' | 'niet-per-school';
export type RateStatus = 'definitief' | 'voorlopig' | 'onbekend';
export type AllocationStatus = 'volledig' | 'onvolledig' | 'onbekend';
/** How sure one line of an allocation is: exact inputs, a stand-in input, or no amount. */
export type LineStatus = 'exact' | 'geschat' | 'onbekend';
/** The status of a group of lines; 'geen' when the school type has no supplement at all. */
export type PartStatus = LineStatus | 'geen';

export interface FundingYearTable {
  school_year_id: number;
  status: 'voorlopig' | 'definitief' | 'geen-toekenning';
  teldatum_status: string | null;
  note: string | null;
  source: string | null;
  current_run_id: number | null;
  previous_run_id: number | null;
  recompute_failed_at: Timestamp | null;
  recompute_error: string | null;
}

export interface OpenDataLoadTable {
  id: Generated<number>;
  status: 'wachtend' | 'bezig' | 'klaar' | 'mislukt';
  files_total: number;
  files_done: Generated<number>;
  current_file: string | null;
  message: string | null;
  created_at: Generated<Timestamp>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface FundingRateTable {
  id: Generated<number>;
  school_year_id: number;
  kind: 'per-leerling' | 'toeslag';
  code: string;
  school_types: Json<FundingSchoolType[]>;
  basis: RateBasis;
  label: string;
  unit: string;
  amount_cents: number | null;
  status: RateStatus;
  payment: string | null;
  source: string | null;
  note: string | null;
  sort: number;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface FundingRateChangeTable {
  id: Generated<number>;
  rate_id: number;
  at: Timestamp;
  person_id: number | null;
  old_amount_cents: number | null;
  new_amount_cents: number | null;
  old_status: string;
  new_status: string;
  reason: string;
}

/** A change of a rate waiting for a second analist (migration 0220). */
export interface FundingRateProposalTable {
  id: Generated<number>;
  rate_id: number;
  amount_cents: number | null;
  status: RateStatus;
  reason: string;
  proposed_by: number | null;
  proposed_at: Timestamp;
  decision: 'goedgekeurd' | 'afgewezen' | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
}

export interface AllocationRunTable {
  id: Generated<number>;
  school_year_id: number;
  reason: string;
  person_id: number | null;
  created_at: Timestamp;
  school_count: number;
  total_cents: number;
  rates: Json<unknown>;
}

export interface AllocationLine {
  code: string;
  label: string;
  /** Pupils, or a score in hundredths when `hundredths` is true. */
  quantity: number | null;
  hundredths?: boolean;
  rateCents: number | null;
  amountCents: number | null;
  /** 'basis' for the per-pupil lines, 'toeslag' for supplements (absent on rows of old runs). */
  part?: 'basis' | 'toeslag';
  /** Exact, estimated (`note` says which input stands in for which) or unknown (`note` says why). */
  status?: LineStatus;
  note?: string;
}

export interface AllocationTable {
  run_id: number;
  school_id: number;
  board_id: number | null;
  school_type: string;
  status: AllocationStatus;
  pupils: number | null;
  base_cents: number | null;
  supplement_cents: number;
  total_cents: number | null;
  lines: Json<AllocationLine[]>;
  base_status: PartStatus | null;
  supplement_status: PartStatus | null;
}

export interface BoardReservationTable {
  id: Generated<number>;
  board_id: number;
  school_id: number;
  school_year_id: number;
  amount_cents: number;
  purpose: string;
  mr_consent_on: DateString;
  created_by: number | null;
  created_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: number | null;
  /** Migration 0550 (schoolprogramma, board-level plan): what the money funds; null on older rows. */
  category_code: ColumnType<string | null, string | null | undefined, string | null>;
  intervention_id: ColumnType<number | null, number | null | undefined, number | null>;
  menu_version_id: ColumnType<number | null, number | null | undefined, number | null>;
  board_plan_intervention_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface FundingTables {
  funding_year: FundingYearTable;
  funding_rate: FundingRateTable;
  funding_rate_change: FundingRateChangeTable;
  funding_rate_proposal: FundingRateProposalTable;
  allocation_run: AllocationRunTable;
  allocation: AllocationTable;
  board_reservation: BoardReservationTable;
  open_data_load: OpenDataLoadTable;
}

// Adds the funding tables to the database type (see platform/db/schema.ts).
/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../platform/db/schema.ts' {
  interface DB extends FundingTables {}
}
