// The menukaart's search now runs on an in-memory index (services/search-index.ts), so the
// generated full-text columns of 0300 and their GIN indexes are no longer read: drop them, so
// every write of an entry or kennisplein item stops paying for them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists menukaart_entry_search_idx`.execute(db);
  await sql`drop index if exists kennisplein_item_search_idx`.execute(db);
  await sql`alter table menukaart_entry drop column search`.execute(db);
  await sql`alter table kennisplein_item drop column search`.execute(db);
}
