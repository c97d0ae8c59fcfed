// Pupil counts as DUO publishes them: per school, teldatum and category.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** The counts on these teldata. */
export async function pupilCountsOn(trx: Transaction<DB>, teldata: string[]) {
  return trx
    .selectFrom('pupil_count')
    .select(['organisation_id', 'teldatum', 'category', 'pupils', 'below_five'])
    .where('teldatum', 'in', teldata)
    .execute();
}

/** Inserts or replaces counts, 20,000 rows per statement. */
export async function upsertPupilCounts(
  trx: Transaction<DB>,
  rows: { org: number; teldatum: string; category: string; pupils: number | null; below: boolean }[],
  importId: number,
) {
  const chunk = 20000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await sql`insert into pupil_count (organisation_id, teldatum, category, pupils, below_five, import_id)
      select u.org, u.tel, u.cat, u.pupils, u.below, ${importId}::int
      from unnest(${part.map((r) => r.org)}::int[], ${part.map((r) => r.teldatum)}::date[], ${part.map((r) => r.category)}::text[],
                  ${part.map((r) => r.pupils)}::int[], ${part.map((r) => r.below)}::boolean[]) as u(org, tel, cat, pupils, below)
      on conflict (organisation_id, teldatum, category) do update
        set pupils = excluded.pupils, below_five = excluded.below_five, import_id = excluded.import_id`.execute(
      trx,
    );
  }
}
