// Queries on categories, interventions, their entries per version and their rating history.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MenukaartCategoryTable, MenukaartEntryTable, PraktijkkaartSections } from '../tables.ts';

type Db = Kysely<DB>;

export type CategoryRow = Selectable<MenukaartCategoryTable>;
export type EntryRow = Omit<Selectable<MenukaartEntryTable>, 'body_text'> & { code: string };

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

export async function categories(db: Db, versionId: number) {
  return db
    .selectFrom('menukaart_category')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('code')
    .execute();
}

/** The entries of a version with their intervention's code: the start of the entry queries. */
function entriesOf(db: Db, versionId: number) {
  return db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(entryColumns)
    .where('e.version_id', '=', versionId);
}

export async function entries(db: Db, versionId: number): Promise<EntryRow[]> {
  return entriesOf(db, versionId).execute() as Promise<EntryRow[]>;
}

export async function entryByCode(db: Db, versionId: number, code: string): Promise<EntryRow | undefined> {
  return entriesOf(db, versionId).where('i.code', '=', code).executeTakeFirst() as Promise<
    EntryRow | undefined
  >;
}

export async function interventionByCode(db: Db, code: string) {
  return db.selectFrom('menukaart_intervention').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Every intervention ever made (in any version, the draft included): id and code. */
export async function allInterventions(db: Db) {
  return db.selectFrom('menukaart_intervention').select(['id', 'code']).execute();
}

/** The search-text parts of an intervention's newest entry (in the latest version). */
export async function latestEntryText(db: Db, interventionId: number) {
  return db
    .selectFrom('menukaart_entry')
    .select(['subtypes', 'notes'])
    .where('intervention_id', '=', interventionId)
    .orderBy('version_id', 'desc')
    .executeTakeFirst();
}

/** Ids of the interventions with these codes, in the same order; unknown codes are left out. */
export async function interventionIds(db: Db, codes: string[]): Promise<number[]> {
  const found = await Promise.all(codes.map((c) => interventionByCode(db, c)));
  return found.filter((x) => x !== undefined).map((x) => x!.id);
}

/**
 * The rating history of an intervention. With `today`: without the scores a version scheduled
 * for a later date brings (they are not public before that date).
 */
export async function ratings(db: Db, interventionId: number, today?: string) {
  let q = db.selectFrom('menukaart_rating').selectAll().where('intervention_id', '=', interventionId);
  if (today !== undefined)
    q = q.where(({ eb, not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('menukaart_version as v')
            .select('v.id')
            .whereRef('v.label', '=', eb.ref('menukaart_rating.label'))
            .where('v.status', '=', 'gepubliceerd')
            .where('v.valid_from', '>', today),
        ),
      ),
    );
  return q.orderBy('label').execute();
}

/**
 * The dates of the re-ratings of the menu: a rating label that gave new scores to at least half
 * of the interventions that were ever rated (May 2021, April 2022), with its earliest date.
 */
export async function reRatingDates(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('menukaart_rating')
    .select((eb) => ['label', eb.fn.min('rated_on').as('rated_on'), eb.fn.countAll<string>().as('n')])
    .groupBy('label')
    .execute();
  const rated = await db
    .selectFrom('menukaart_rating')
    .select((eb) => eb.fn.count<string>('intervention_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return rows
    .filter((r) => r.rated_on !== null && Number(r.n) * 2 >= Number(rated.n))
    .map((r) => String(r.rated_on))
    .sort();
}

/** Codes of the versions an intervention appears in, oldest first. */
export async function versionsOfIntervention(db: Db, interventionId: number, today: string) {
  return db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_version as v', 'v.id', 'e.version_id')
    .select(['v.label', 'v.title', 'v.valid_from', 'e.withdrawn'])
    .where('e.intervention_id', '=', interventionId)
    .where('v.status', '=', 'gepubliceerd')
    .where('v.valid_from', '<=', today)
    .orderBy('v.valid_from')
    .execute();
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

/** One rating of an intervention in its history, as a published version showed it. */
export interface RatingValues {
  label: string;
  effect_months: number | null;
  evidence: number | null;
  cost: number | null;
  inferred_fields: string[];
  rated_on: string | null;
  source_url: string | null;
  basis: string | null;
}

/** Records a rating shown in a newly published version, unless it is already in the history. */
export async function ensureRating(db: Db, r: RatingValues & { intervention_id: number }) {
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
