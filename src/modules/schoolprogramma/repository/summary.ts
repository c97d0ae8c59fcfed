// The plan's public summary for parents: saved on the plan row, shown on the public school page
// (funding module) only while published. Kysely only.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/**
 * Saves the text (and publishes or withdraws it) when the plan still has `revision`; returns the
 * new revision, or null when someone else saved in between (optimistic locking).
 */
export async function saveSummary(
  trx: Db,
  s: {
    planId: number;
    revision: number;
    text?: string;
    publishedAt?: Date | null;
    personId: number | null;
    now: Date;
  },
): Promise<number | null> {
  const r = await trx
    .updateTable('school_plan')
    .set((eb) => ({
      ...(s.text === undefined ? {} : { public_summary: s.text }),
      ...(s.publishedAt === undefined ? {} : { public_summary_published_at: s.publishedAt }),
      revision: eb('revision', '+', 1),
      updated_at: s.now,
      updated_by: s.personId,
    }))
    .where('id', '=', s.planId)
    .where('revision', '=', s.revision)
    .returning('revision')
    .executeTakeFirst();
  return r?.revision ?? null;
}

/** Takes the summary off the public page (the text stays); no revision check: withdrawing wins. */
export async function withdrawSummary(trx: Db, planId: number, personId: number | null, now: Date) {
  await trx
    .updateTable('school_plan')
    .set((eb) => ({
      public_summary_published_at: null,
      revision: eb('revision', '+', 1),
      updated_at: now,
      updated_by: personId,
    }))
    .where('id', '=', planId)
    .execute();
}

/** The school's BRIN-like code, for the link to its public page. */
export async function schoolCode(db: Db, schoolId: number): Promise<string | null> {
  const r = await db
    .selectFrom('organisation')
    .select('code')
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  return r.code;
}
