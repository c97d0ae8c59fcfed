// Indexes for the spending pages of the school programme: the corrections of the expenses on a
// page of the list (found by the expense they correct) and a plan's bookkeeping imports.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index school_plan_expense_corrects_idx on school_plan_expense (corrects_id) where corrects_id is not null`.execute(
    db,
  );
  await sql`create index school_plan_expense_import_plan_idx on school_plan_expense_import (plan_id, id)`.execute(
    db,
  );
}
