// Queries on kennisplein items: published ones, a school's own, moderation and their links to interventions.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { KennispleinItemTable, KennispleinStatus } from '../tables.ts';

type Db = Kysely<DB>;

export type ItemRow = Selectable<KennispleinItemTable>;

/** Items with the name of their school (none for research summaries): the start of most item queries. */
function itemsWithSchoolName(db: Db) {
  return db
    .selectFrom('kennisplein_item as k')
    .leftJoin('organisation as o', 'o.id', 'k.school_id')
    .selectAll('k')
    .select('o.name as school_name');
}

export async function publishedItems(db: Db, opts: { interventionId?: number; limit?: number } = {}) {
  let q = itemsWithSchoolName(db).where('k.status', '=', 'gepubliceerd');
  if (opts.interventionId !== undefined) {
    const id = opts.interventionId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('kennisplein_item_intervention as ki')
          .select('ki.item_id')
          .whereRef('ki.item_id', '=', 'k.id')
          .where('ki.intervention_id', '=', id),
      ),
    );
  }
  return q
    .orderBy('k.published_at', 'desc')
    .orderBy('k.id', 'desc')
    .limit(opts.limit ?? 200)
    .execute();
}

export async function itemById(db: Db, id: number) {
  return itemsWithSchoolName(db).where('k.id', '=', id).executeTakeFirst();
}

/** A school's item with this title (the demo adds its examples once). */
export async function itemOfSchoolTitled(db: Db, schoolId: number, title: string) {
  return db
    .selectFrom('kennisplein_item')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('title', '=', title)
    .executeTakeFirst();
}

export async function itemsOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('kennisplein_item')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('updated_at', 'desc')
    .execute();
}

export async function itemsWithStatus(db: Db, statuses: KennispleinStatus[]) {
  return itemsWithSchoolName(db)
    .where('k.status', 'in', statuses)
    .orderBy('k.submitted_at')
    .orderBy('k.id')
    .execute();
}

/** Interventions (code and name in the given version) linked to items. */
export async function itemInterventions(db: Db, itemIds: number[], versionId: number) {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('kennisplein_item_intervention as ki')
    .innerJoin('menukaart_intervention as i', 'i.id', 'ki.intervention_id')
    .leftJoin('menukaart_entry as e', (j) =>
      j.onRef('e.intervention_id', '=', 'i.id').on('e.version_id', '=', versionId),
    )
    .select(['ki.item_id', 'i.id', 'i.code', 'e.name_nl'])
    .where('ki.item_id', 'in', itemIds)
    .orderBy('i.code')
    .execute();
}

export interface ItemValues {
  title: string;
  school_type: string;
  what_they_did: string;
  cost_text: string;
  cost_cents: number | null;
  lessons: string;
  contact_ok: boolean;
  source_url: string | null;
}

/** The sanitised HTML of an item's three Markdown texts (services/kennisplein.ts renders it). */
export interface ItemHtml {
  what_they_did_html: string;
  cost_text_html: string;
  lessons_html: string;
}

export async function insertItem(
  db: Db,
  v: ItemValues &
    ItemHtml & {
      kind: 'voorbeeld' | 'onderzoek';
      school_id: number | null;
      author_person_id: number | null;
      status: KennispleinStatus;
    },
) {
  const now = new Date();
  const { id } = await db
    .insertInto('kennisplein_item')
    .values({
      ...v,
      submitted_at: v.status === 'ingediend' ? now : null,
      published_at: v.status === 'gepubliceerd' ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateItem(
  db: Db,
  id: number,
  v: ItemValues & ItemHtml & { status: KennispleinStatus },
) {
  await db
    .updateTable('kennisplein_item')
    .set({
      ...v,
      updated_at: new Date(),
      submitted_at: v.status === 'ingediend' ? new Date() : undefined,
    })
    .where('id', '=', id)
    .execute();
}

export async function setItemInterventions(db: Db, itemId: number, interventionIds: number[]) {
  await db.deleteFrom('kennisplein_item_intervention').where('item_id', '=', itemId).execute();
  if (interventionIds.length) {
    await db
      .insertInto('kennisplein_item_intervention')
      .values(interventionIds.map((intervention_id) => ({ item_id: itemId, intervention_id })))
      .execute();
  }
}

export async function moderateItem(
  db: Db,
  id: number,
  v: { status: KennispleinStatus; note: string | null; personId: number | null },
) {
  const now = new Date();
  await db
    .updateTable('kennisplein_item')
    .set({
      status: v.status,
      moderator_note: v.note,
      moderated_by: v.personId,
      moderated_at: now,
      updated_at: now,
      published_at: v.status === 'gepubliceerd' ? now : null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Withdraws a published item: it leaves the lists and the search (they read 'gepubliceerd'
 * only) and its page says it was withdrawn. True when it was published and now is withdrawn.
 */
export async function withdrawItem(
  db: Db,
  id: number,
  v: { reason: string; personId: number | null; at: Date },
) {
  const now = v.at;
  const r = await db
    .updateTable('kennisplein_item')
    .set({
      status: 'ingetrokken',
      withdrawn_reason: v.reason,
      withdrawn_at: now,
      withdrawn_by: v.personId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'gepubliceerd')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
