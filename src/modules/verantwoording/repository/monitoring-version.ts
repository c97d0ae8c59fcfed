// A fingerprint of everything the dashboard counts: it changes when a school or board submits
// (submissions are only ever added), a board report is confirmed or reopened, a questionnaire
// changes, or an import changes the schools. Cheap (max of indexed or small columns), so a cached
// dashboard can be checked on every request.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function monitoringVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ v: string }>`select concat_ws(':',
      (select max(id) from questionnaire_submission),
      (select max(updated_at)::text from questionnaire),
      (select max(updated_at)::text || count(*) from board_report where status = 'bevestigd'),
      (select max(updated_at)::text || count(*) from organisation)) as v`.execute(db);
  return r.rows[0]?.v ?? '';
}
