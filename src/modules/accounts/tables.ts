// Row types of the accounts tables (migrations 0100 and 0102) and the columns it adds to person/session.
import type { ColumnType, Generated } from 'kysely';
import type { Role, Timestamp } from '../../platform/db/tables.ts';

export interface RecoveryCodeTable {
  id: Generated<number>;
  person_id: number;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  name: string;
  organisation_id: number;
  role: Role;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  at: Timestamp;
  email: string;
  ip: string | null;
  success: boolean;
}

/** Migration 0102: failure counts and delays per scope and subject. */
export interface LoginThrottleTable {
  scope: string;
  subject: string;
  email: string | null;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

/** Migration 0102: mailed single-use links that lift the sign-in delays of an account. */
export interface LoginUnlockTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Migration 0103: each invitation mail sent, for throttling. */
export interface InvitationMailTable {
  id: Generated<number>;
  invitation_id: number;
  sent_by: number | null;
  organisation_id: number;
  sent_at: Timestamp;
}

export interface AccountsTables {
  recovery_code: RecoveryCodeTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  login_attempt: LoginAttemptTable;
  login_throttle: LoginThrottleTable;
  login_unlock: LoginUnlockTable;
  invitation_mail: InvitationMailTable;
}

/** Columns that migration 0100 adds to person and session (merged into the DB type). */
export interface PersonAccountColumns {
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SessionAccountColumns {
  second_factor_pending: ColumnType<boolean, boolean | undefined, boolean>;
}

// Adds the accounts tables and columns to the database type (see platform/db/schema.ts).
/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../platform/db/schema.ts' {
  interface DB extends AccountsTables {}
}
declare module '../../platform/db/tables.ts' {
  interface PersonTable extends PersonAccountColumns {}
  interface SessionTable extends SessionAccountColumns {}
}
