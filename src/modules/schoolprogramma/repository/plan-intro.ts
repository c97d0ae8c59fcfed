// The plan row's own text: the introduction, saved only from the revision the writer saw. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

/** The plan with the name of who saved it last (for the stale-save message). */
export async function planWithEditor(db: Db, planId: number) {
  return db
    .selectFrom('school_plan as s')
    .leftJoin('person as p', 'p.id', 's.updated_by')
    .select(['s.id', 's.intro', 's.revision', 'p.name as updated_by_name'])
    .where('s.id', '=', planId)
    .executeTakeFirstOrThrow();
}

export async function updateIntro(
  db: Db,
  planId: number,
  revision: number,
  intro: string,
  who: { personId: number | null; now: Date },
): Promise<
  { ok: true; revision: number } | { ok: false; theirs: Awaited<ReturnType<typeof planWithEditor>> }
> {
  const done = await db
    .updateTable('school_plan')
    .set({ intro, revision: sql<number>`revision + 1`, updated_at: who.now, updated_by: who.personId })
    .where('id', '=', planId)
    .where('revision', '=', revision)
    .returning('revision')
    .executeTakeFirst();
  return done
    ? { ok: true, revision: done.revision }
    : { ok: false, theirs: await planWithEditor(db, planId) };
}
