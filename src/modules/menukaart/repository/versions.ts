// Queries on menu versions: the one in force, published ones, the draft (create, publish, delete).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MenukaartVersionTable } from '../tables.ts';

type Db = Kysely<DB>;

export type VersionRow = Selectable<MenukaartVersionTable>;

/** The published version in force on a date: the latest whose valid_from is on or before it. */
export async function versionInForce(db: Db, today: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('menukaart_version')
    .selectAll()
    .where('status', '=', 'gepubliceerd')
    .where('valid_from', '<=', today)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The published versions, newest first. With `today`: only those in force on or before that
 * day, as the public sees them (a version scheduled for a later date is not public yet).
 */
export async function publishedVersions(db: Db, today?: string): Promise<VersionRow[]> {
  let q = db.selectFrom('menukaart_version').selectAll().where('status', '=', 'gepubliceerd');
  if (today !== undefined) q = q.where('valid_from', '<=', today);
  return q.orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
}

/** The published versions whose date is still to come, soonest first (the redactie's schedule). */
export async function scheduledVersions(db: Db, today: string): Promise<VersionRow[]> {
  return db
    .selectFrom('menukaart_version')
    .selectAll()
    .where('status', '=', 'gepubliceerd')
    .where('valid_from', '>', today)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

/** A published version by its label, only once its date has come (a scheduled one is not public). */
export async function versionByLabel(db: Db, label: string, today: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('menukaart_version')
    .selectAll()
    .where('label', '=', label)
    .where('status', '=', 'gepubliceerd')
    .where('valid_from', '<=', today)
    .executeTakeFirst();
}

export async function versionById(db: Db, id: number): Promise<VersionRow | undefined> {
  return db.selectFrom('menukaart_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function draftVersion(db: Db): Promise<VersionRow | undefined> {
  return db.selectFrom('menukaart_version').selectAll().where('status', '=', 'concept').executeTakeFirst();
}

/** A new draft version: a copy of the categories and entries of `fromId`. */
export async function createDraft(db: Db, fromId: number, personId: number | null): Promise<number> {
  const from = await db
    .selectFrom('menukaart_version')
    .selectAll()
    .where('id', '=', fromId)
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('menukaart_version')
    .values({
      label: 'concept',
      title: '',
      status: 'concept',
      basis: from.basis,
      source_url: null,
      note: '',
      based_on: fromId,
      created_by: personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into menukaart_category (version_id, code, name, short_name, description, support_only)
            select ${id}, code, name, short_name, description, support_only from menukaart_category where version_id = ${fromId}`.execute(
    db,
  );
  await sql`insert into menukaart_entry (version_id, intervention_id, category_code, name_nl, name_en, sectors, source, summary, notes,
              added_note, subtypes, effect_months, evidence, cost, inferred_fields, rating_label, rated_on, rating_source, withdrawn,
              withdrawn_reason, praktijkkaart, body_text, updated_at, updated_by)
            select ${id}, intervention_id, category_code, name_nl, name_en, sectors, source, summary, notes,
              added_note, subtypes, effect_months, evidence, cost, inferred_fields, rating_label, rated_on, rating_source, withdrawn,
              withdrawn_reason, praktijkkaart, body_text, updated_at, updated_by from menukaart_entry where version_id = ${fromId}`.execute(
    db,
  );
  return id;
}

/** Whether a published version comes after `v` (a later date, or the same date and published later). */
export async function laterVersionExists(db: Db, v: VersionRow): Promise<boolean> {
  const later = await db
    .selectFrom('menukaart_version')
    .select('id')
    .where('status', '=', 'gepubliceerd')
    .where((eb) =>
      eb.or([
        eb('valid_from', '>', v.valid_from!),
        eb.and([eb('valid_from', '=', v.valid_from!), eb('id', '>', v.id)]),
      ]),
    )
    .executeTakeFirst();
  return Boolean(later);
}

/**
 * Turns a scheduled version back into the draft: its date, label and the scores it added to the
 * rating history go, its menu stays for the editors. Only while its date is still to come; true
 * when it happened.
 */
export async function unpublishScheduled(db: Db, v: VersionRow, today: string): Promise<boolean> {
  const r = await db
    .updateTable('menukaart_version')
    .set({
      status: 'concept',
      label: 'concept',
      title: '',
      valid_from: null,
      published_at: null,
      published_by: null,
    })
    .where('id', '=', v.id)
    .where('status', '=', 'gepubliceerd')
    .where('valid_from', '>', today)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  // The label was new at publication (labelExists), so these scores came with this version only.
  await db
    .updateTable('menukaart_entry')
    .set({ rating_label: null })
    .where('version_id', '=', v.id)
    .where('rating_label', '=', v.label)
    .execute();
  await db.deleteFrom('menukaart_rating').where('label', '=', v.label).execute();
  return true;
}

export async function labelExists(db: Db, label: string) {
  return Boolean(
    await db.selectFrom('menukaart_version').select('id').where('label', '=', label).executeTakeFirst(),
  );
}

export async function markDraftPublished(
  db: Db,
  draftId: number,
  v: { label: string; title: string; validFrom: string; note: string; sourceUrl: string | null },
  personId: number | null,
) {
  await db
    .updateTable('menukaart_version')
    .set({
      status: 'gepubliceerd',
      label: v.label,
      title: v.title,
      valid_from: v.validFrom,
      note: v.note,
      source_url: v.sourceUrl,
      published_at: new Date(),
      published_by: personId,
    })
    .where('id', '=', draftId)
    .where('status', '=', 'concept')
    .execute();
}

export async function deleteDraft(db: Db, draftId: number) {
  await db
    .deleteFrom('menukaart_version')
    .where('id', '=', draftId)
    .where('status', '=', 'concept')
    .execute();
  // Interventions that were only ever in this draft go with it.
  await db
    .deleteFrom('menukaart_intervention')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('menukaart_entry as e')
            .select('e.version_id')
            .whereRef('e.intervention_id', '=', 'menukaart_intervention.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('kennisplein_item_intervention as k')
            .select('k.item_id')
            .whereRef('k.intervention_id', '=', 'menukaart_intervention.id'),
        ),
      ),
    )
    .execute();
}

/** The latest valid_from of the published versions. */
export async function latestValidFrom(db: Db): Promise<string | null> {
  const r = await db
    .selectFrom('menukaart_version')
    .select('valid_from')
    .where('status', '=', 'gepubliceerd')
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return r?.valid_from ?? null;
}
