// The whole database as one Kysely type: the foundation tables plus each module's tables.
// A module adds its `<Area>Tables` interface here when it adds a migration.
import type { FoundationTables, OrganisationTable, PersonTable, SessionTable } from './tables.ts';
import type {
  AccountsTables,
  PersonAccountColumns,
  SessionAccountColumns,
} from '../../modules/accounts/tables.ts';
import type { MenukaartTables } from '../../modules/menukaart/tables.ts';
import type { FundingTables, OrganisationDuoColumns } from '../../modules/funding/tables.ts';
import type { IdempotencyTables } from './idempotency-tables.ts';

export interface DB
  extends FoundationTables, IdempotencyTables, AccountsTables, MenukaartTables, FundingTables {
  // Accounts (migration 0100) adds columns to these foundation tables.
  person: PersonTable & PersonAccountColumns;
  session: SessionTable & SessionAccountColumns;
  // Funding (migration 0200) adds DUO columns to organisation.
  organisation: OrganisationTable & OrganisationDuoColumns;
}
