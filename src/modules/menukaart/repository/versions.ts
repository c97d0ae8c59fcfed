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

export async function publishedVersions(db: Db): Promise<VersionRow[]> {
  return db
    .selectFrom('menukaart_version')
    .selectAll()
    .where('status', '=', 'gepubliceerd')
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function versionByLabel(db: Db, label: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('menukaart_version')
    .selectAll()
    .where('label', '=', label)
    .where('status', '=', 'gepubliceerd')
    .executeTakeFirst();
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
