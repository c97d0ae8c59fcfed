// Database access for the menukaart and the kennisplein (Kysely only; no rules here).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  KennispleinItemTable,
  KennispleinStatus,
  MenukaartEntryTable,
  MenukaartVersionTable,
  PraktijkkaartSections,
} from './tables.ts';

type Db = Kysely<DB>;
export type VersionRow = Selectable<MenukaartVersionTable>;
export type EntryRow = Omit<Selectable<MenukaartEntryTable>, 'body_text'> & { code: string };
export type ItemRow = Selectable<KennispleinItemTable>;

const entryColumns = [
  'e.version_id',
  'e.intervention_id',
  'i.code',
  'e.category_code',
  'e.name_nl',
  'e.name_en',
  'e.sectors',
  'e.source',
  'e.summary',
  'e.notes',
  'e.added_note',
  'e.subtypes',
  'e.effect_months',
  'e.evidence',
  'e.cost',
  'e.inferred_fields',
  'e.rating_label',
  'e.rated_on',
  'e.rating_source',
  'e.withdrawn',
  'e.withdrawn_reason',
  'e.praktijkkaart',
  'e.updated_at',
  'e.updated_by',
] as const;

/** Without the praktijkkaart: what a list of search results needs. */
const resultColumns = entryColumns.filter((c) => c !== 'e.praktijkkaart');

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

export async function categories(db: Db, versionId: number) {
  return db
    .selectFrom('menukaart_category')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('code')
    .execute();
}

export async function entries(db: Db, versionId: number): Promise<EntryRow[]> {
  return db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(entryColumns)
    .where('e.version_id', '=', versionId)
    .execute() as Promise<EntryRow[]>;
}

export async function entryByCode(db: Db, versionId: number, code: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(entryColumns)
    .where('e.version_id', '=', versionId)
    .where('i.code', '=', code)
    .executeTakeFirst() as Promise<EntryRow | undefined>;
}

export async function interventionByCode(db: Db, code: string) {
  return db.selectFrom('menukaart_intervention').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function ratings(db: Db, interventionId: number) {
  return db
    .selectFrom('menukaart_rating')
    .selectAll()
    .where('intervention_id', '=', interventionId)
    .orderBy('label')
    .execute();
}

/** Codes of the versions an intervention appears in, oldest first. */
export async function versionsOfIntervention(db: Db, interventionId: number) {
  return db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_version as v', 'v.id', 'e.version_id')
    .select(['v.label', 'v.title', 'v.valid_from', 'e.withdrawn'])
    .where('e.intervention_id', '=', interventionId)
    .where('v.status', '=', 'gepubliceerd')
    .orderBy('v.valid_from')
    .execute();
}

/**
 * Full-text search in one version: the `dutch` query, or-ed with a prefix query on the plain
 * terms (so 'fiets' also finds 'fietsen', which the stemmer keeps apart), or a code like 'B6'.
 */
export async function searchEntries(
  db: Db,
  versionId: number,
  text: string,
  prefix: string | null,
  code: string | null,
) {
  // One tsquery: the dutch query or-ed with the prefix query, so each row is matched and ranked once.
  const query = prefix
    ? sql`(websearch_to_tsquery('dutch'::regconfig, ${text}) || to_tsquery('simple'::regconfig, ${prefix}))`
    : sql`websearch_to_tsquery('dutch'::regconfig, ${text})`;
  return db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(resultColumns)
    .select(
      sql<number>`ts_rank(e.search, ${query}) + case when i.code = ${code} then 10 else 0 end`.as('rank'),
    )
    .where('e.version_id', '=', versionId)
    .where(sql<boolean>`(e.search @@ ${query} or i.code = ${code})`)
    .orderBy('rank', 'desc')
    .orderBy('i.code')
    .limit(50)
    .execute() as Promise<(EntryRow & { rank: number })[]>;
}

export async function searchItems(db: Db, text: string, prefix: string | null) {
  const query = prefix
    ? sql`(websearch_to_tsquery('dutch'::regconfig, ${text}) || to_tsquery('simple'::regconfig, ${prefix}))`
    : sql`websearch_to_tsquery('dutch'::regconfig, ${text})`;
  return db
    .selectFrom('kennisplein_item as k')
    .leftJoin('organisation as o', 'o.id', 'k.school_id')
    .selectAll('k')
    .select('o.name as school_name')
    .select(sql<number>`ts_rank(k.search, ${query})`.as('rank'))
    .where('k.status', '=', 'gepubliceerd')
    .where(sql<boolean>`k.search @@ ${query}`)
    .orderBy('rank', 'desc')
    .orderBy('k.id', 'desc')
    .limit(50)
    .execute();
}

// ---- editing ------------------------------------------------------------------------------

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

export interface EntryValues {
  category_code: string;
  name_nl: string;
  name_en: string | null;
  sectors: string[];
  source: string;
  summary: string;
  notes: string | null;
  effect_months: number | null;
  evidence: number | null;
  cost: number | null;
  inferred_fields: string[];
  rating_label: string | null;
  rated_on: string | null;
  rating_source: string | null;
  withdrawn: boolean;
  withdrawn_reason: string | null;
  praktijkkaart: PraktijkkaartSections | null;
  body_text: string;
}

export async function updateEntry(
  db: Db,
  versionId: number,
  interventionId: number,
  v: EntryValues,
  personId: number | null,
) {
  await db
    .updateTable('menukaart_entry')
    .set({
      ...v,
      praktijkkaart: v.praktijkkaart ? JSON.stringify(v.praktijkkaart) : null,
      updated_at: new Date(),
      updated_by: personId,
    })
    .where('version_id', '=', versionId)
    .where('intervention_id', '=', interventionId)
    .execute();
}

export async function insertIntervention(db: Db, code: string): Promise<number> {
  const { id } = await db
    .insertInto('menukaart_intervention')
    .values({ code })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertEntry(
  db: Db,
  versionId: number,
  interventionId: number,
  v: EntryValues,
  addedNote: string | null,
  personId: number | null,
) {
  await db
    .insertInto('menukaart_entry')
    .values({
      ...v,
      version_id: versionId,
      intervention_id: interventionId,
      added_note: addedNote,
      subtypes: [],
      praktijkkaart: v.praktijkkaart ? JSON.stringify(v.praktijkkaart) : null,
      updated_by: personId,
    })
    .execute();
}

export async function updateCategory(
  db: Db,
  versionId: number,
  code: string,
  v: { name: string; short_name: string; description: string; support_only: boolean },
) {
  await db
    .updateTable('menukaart_category')
    .set(v)
    .where('version_id', '=', versionId)
    .where('code', '=', code)
    .execute();
}

export async function labelExists(db: Db, label: string) {
  return Boolean(
    await db.selectFrom('menukaart_version').select('id').where('label', '=', label).executeTakeFirst(),
  );
}

export async function publishDraft(
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

/** Records a rating shown in a newly published version, unless it is already in the history. */
export async function ensureRating(
  db: Db,
  r: {
    intervention_id: number;
    label: string;
    effect_months: number | null;
    evidence: number | null;
    cost: number | null;
    inferred_fields: string[];
    rated_on: string | null;
    source_url: string | null;
    basis: string | null;
  },
) {
  await db
    .insertInto('menukaart_rating')
    .values(r)
    .onConflict((oc) => oc.columns(['intervention_id', 'label']).doNothing())
    .execute();
}

export async function setRatingLabel(db: Db, versionId: number, interventionId: number, label: string) {
  await db
    .updateTable('menukaart_entry')
    .set({ rating_label: label })
    .where('version_id', '=', versionId)
    .where('intervention_id', '=', interventionId)
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

/** Codes of interventions with an entry that has no praktijkkaart yet. */
export async function codesWithoutPraktijkkaart(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('menukaart_intervention as i')
    .innerJoin('menukaart_entry as e', 'e.intervention_id', 'i.id')
    .select('i.code')
    .where('e.praktijkkaart', 'is', null)
    .distinct()
    .execute();
  return rows.map((r) => r.code);
}

/** Fills the praktijkkaart of entries that have none yet (the initial load); returns the count. */
export async function fillPraktijkkaart(
  db: Db,
  interventionId: number,
  sections: PraktijkkaartSections,
  bodyText: string,
): Promise<number> {
  const res = await db
    .updateTable('menukaart_entry')
    .set({ praktijkkaart: JSON.stringify(sections), body_text: bodyText })
    .where('intervention_id', '=', interventionId)
    .where('praktijkkaart', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// ---- kennisplein --------------------------------------------------------------------------

export async function publishedItems(db: Db, opts: { interventionId?: number; limit?: number } = {}) {
  let q = db
    .selectFrom('kennisplein_item as k')
    .leftJoin('organisation as o', 'o.id', 'k.school_id')
    .selectAll('k')
    .select('o.name as school_name')
    .where('k.status', '=', 'gepubliceerd');
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
  return db
    .selectFrom('kennisplein_item as k')
    .leftJoin('organisation as o', 'o.id', 'k.school_id')
    .selectAll('k')
    .select('o.name as school_name')
    .where('k.id', '=', id)
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
  return db
    .selectFrom('kennisplein_item as k')
    .leftJoin('organisation as o', 'o.id', 'k.school_id')
    .selectAll('k')
    .select('o.name as school_name')
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

export async function insertItem(
  db: Db,
  v: ItemValues & {
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

export async function updateItem(db: Db, id: number, v: ItemValues & { status: KennispleinStatus }) {
  await db
    .updateTable('kennisplein_item')
    .set({ ...v, updated_at: new Date(), submitted_at: v.status === 'ingediend' ? new Date() : undefined })
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
