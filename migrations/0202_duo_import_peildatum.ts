// Imports record the reference date (peildatum) of their file, so an older school snapshot can
// be told from a newer one, and an upload may wait for the beheerder to confirm that it closes
// many schools ('bevestigen': the file is kept until then).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table duo_import
    add column peildatum date,
    add column peildatum_source text`.execute(db);
  // Imports from before this migration: the day they ran is the latest their data can be from.
  await sql`update duo_import set peildatum = created_at::date,
      peildatum_source = 'datum van import (vastgelegd voordat peildata werden bijgehouden)'
    where status = 'klaar'`.execute(db);
  await sql`alter table duo_import drop constraint duo_import_status_check`.execute(db);
  await sql`alter table duo_import add constraint duo_import_status_check
    check (status in ('wachtend', 'bezig', 'klaar', 'mislukt', 'bevestigen'))`.execute(db);
}
