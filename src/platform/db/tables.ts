// Row types of the foundation tables (migrations 0001-0099). Modules keep their own.
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date as 'YYYY-MM-DD' (see the type parser in database.ts). */
export type DateString = string;

export type Role =
  | 'schoolleider'
  | 'teamlid'
  | 'mr-lid'
  | 'bestuur'
  | 'gmr-lid'
  | 'helpdesk'
  | 'redactie'
  | 'analist'
  | 'beheerder';

export type OrganisationKind = 'ministerie' | 'bestuur' | 'school';
export type Sector = 'BO' | 'SBO' | 'SO' | 'VSO' | 'VO';

export interface ProgrammeTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  description: string;
  spend_until: DateString | null;
  source: string | null;
  created_at: Timestamp;
}

export interface SchoolYearTable {
  id: Generated<number>;
  programme_id: number;
  label: string;
  starts_on: DateString;
  ends_on: DateString;
  teldatum: DateString | null;
  plan_deadline: DateString | null;
  questionnaire_deadline: DateString | null;
  note: string | null;
}

export interface OrganisationTable {
  id: Generated<number>;
  kind: OrganisationKind;
  name: string;
  code: string | null;
  parent_id: number | null;
  sector: Sector | null;
  instellingscode: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  place: string | null;
  denomination: string | null;
  closed_on: DateString | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: Generated<number>;
  email: string;
  name: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface MembershipTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  role: Role;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  person_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  mfa_verified_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_person_id: number | null;
  actor_label: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  organisation_id: number | null;
  result: 'ok' | 'geweigerd' | 'mislukt';
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface FoundationTables {
  programme: ProgrammeTable;
  school_year: SchoolYearTable;
  organisation: OrganisationTable;
  person: PersonTable;
  membership: MembershipTable;
  session: SessionTable;
  audit_event: AuditEventTable;
}
