// Row type of the idempotency_key table (migration 0010).
import type { Timestamp } from './tables.ts';

export interface IdempotencyKeyTable {
  key: string;
  person_id: number;
  route: string;
  created_at: Timestamp;
  location: string | null;
}

export interface IdempotencyTables {
  idempotency_key: IdempotencyKeyTable;
}
