// Importing a large school's LVS file writes tens of thousands of lvs_result rows, and every
// index on the table is written for each of them. The analysis index (school_id, subject, grade,
// moment, year_start) is not needed: every query reads all of a school's results at once (or its
// newest year), which the unique index (school_id, pupil_hash, …) serves as well. Dropping it
// makes each imported row cheaper to store.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists lvs_result_analysis_idx`.execute(db);
}
