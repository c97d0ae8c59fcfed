// A published kennisplein example can be withdrawn by the redactie (issue 11, item 11): a status
// 'ingetrokken' with the reason, when and by whom. The public page then says it was withdrawn
// (410) and the example leaves the lists and the search, which read only 'gepubliceerd'.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kennisplein_item drop constraint kennisplein_item_status_check`.execute(db);
  await sql`alter table kennisplein_item add constraint kennisplein_item_status_check
            check (status in ('concept', 'ingediend', 'wijzigingen_gevraagd', 'gepubliceerd', 'afgewezen', 'ingetrokken'))`.execute(
    db,
  );
  await db.schema
    .alterTable('kennisplein_item')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('person.id'))
    .execute();
  // A withdrawn example always says why and when.
  await sql`alter table kennisplein_item add constraint kennisplein_item_withdrawn_check
            check (status <> 'ingetrokken' or (withdrawn_reason is not null and withdrawn_at is not null))`.execute(
    db,
  );
}
