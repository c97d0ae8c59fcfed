// The school programme's summary for parents, as the public school page shows it. The
// schoolprogramma module writes it (school_plan.public_summary); funding only reads the table,
// so the two modules do not import each other in a circle.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** The school's published summary, or undefined. */
export async function publishedSummary(db: Kysely<DB>, schoolId: number) {
  const row = await db
    .selectFrom('school_plan')
    .select(['public_summary as text', 'public_summary_published_at as publishedAt'])
    .where('school_id', '=', schoolId)
    .where('public_summary_published_at', 'is not', null)
    .orderBy('programme_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && row.publishedAt && row.text.trim()
    ? { text: row.text, publishedAt: row.publishedAt }
    : undefined;
}
