// The menu in force: today's date, how an intervention and a category look to a reader, and menuInForce/mayChoose for other modules.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  categories,
  entries,
  entryByCode,
  ratings,
  reRatingDates,
  versionsOfIntervention,
  type CategoryRow,
  type EntryRow,
} from '../repository/entries.ts';
import { publishedItems } from '../repository/kennisplein.ts';
import { versionInForce, type VersionRow } from '../repository/versions.ts';
import { compareCodes, type RatedIntervention } from './catalogue.ts';
import type { PraktijkkaartSections } from '../tables.ts';

type Db = Kysely<DB>;

/** Today's calendar date in the Netherlands, 'YYYY-MM-DD'. */
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayIn(now: Date): string {
  return dayFormat.format(now);
}

export interface Intervention extends RatedIntervention {
  id: number;
  nameEn: string | null;
  source: string;
  summary: string;
  notes: string | null;
  addedNote: string | null;
  subtypes: string[];
  inferredFields: string[];
  ratingLabel: string | null;
  ratedOn: string | null;
  ratingSource: string | null;
  /**
   * Set when this version re-rated the menu but had no new score for this intervention, so it
   * shows an earlier version's score: the date of that score. Null otherwise.
   */
  carriedOverFrom: string | null;
  withdrawnReason: string | null;
  praktijkkaart: PraktijkkaartSections | null;
}

export function toIntervention(e: EntryRow): Intervention {
  return {
    id: e.intervention_id,
    code: e.code,
    categoryCode: e.category_code,
    nameNl: e.name_nl,
    nameEn: e.name_en,
    sectors: e.sectors,
    source: e.source,
    summary: e.summary,
    notes: e.notes,
    addedNote: e.added_note,
    subtypes: e.subtypes,
    effectMonths: e.effect_months,
    evidence: e.evidence,
    cost: e.cost,
    inferredFields: e.inferred_fields,
    ratingLabel: e.rating_label,
    ratedOn: e.rated_on,
    ratingSource: e.rating_source,
    carriedOverFrom: null,
    withdrawn: e.withdrawn,
    withdrawnReason: e.withdrawn_reason,
    praktijkkaart: e.praktijkkaart ?? null,
  };
}

export interface Category {
  code: string;
  name: string;
  shortName: string;
  description: string;
  supportOnly: boolean;
}

/** A category row as a reader sees it. */
export function toCategory(c: CategoryRow): Category {
  return {
    code: c.code,
    name: c.name,
    shortName: c.short_name,
    description: c.description,
    supportOnly: c.support_only,
  };
}

export interface Menu {
  version: VersionRow;
  categories: Category[];
  interventions: Intervention[];
}

/**
 * Marks scores carried over from before the latest re-rating of the menu. A re-rating gave new
 * scores to most of the menu (May 2021; April 2022, the EEF re-analysis); an intervention that
 * still shows a score from before the latest re-rating in force for this version (E2, F1 and F2
 * keep their 2021 scores in April 2022) has that score carried over. A later version that
 * changed only a few scores is no re-rating, so it changes nothing here, and neither does a draft.
 */
export function markCarriedOver(
  validFrom: string | null,
  reRatings: string[],
  interventions: Intervention[],
): Intervention[] {
  const latest = reRatings.filter((d) => validFrom === null || d <= validFrom).at(-1) ?? null;
  return interventions.map((i) => ({
    ...i,
    carriedOverFrom: latest !== null && i.ratedOn !== null && i.ratedOn < latest ? i.ratedOn : null,
  }));
}

export async function loadMenu(db: Db, version: VersionRow): Promise<Menu> {
  const [cats, rows, reRatings] = await Promise.all([
    categories(db, version.id),
    entries(db, version.id),
    reRatingDates(db),
  ]);
  return {
    version,
    categories: cats.map(toCategory),
    interventions: markCarriedOver(version.valid_from, reRatings, rows.map(toIntervention)).sort((a, b) =>
      compareCodes(a.code, b.code),
    ),
  };
}

/**
 * One intervention of a version with the history of its scores and the published kennisplein
 * items about it (the API's detail); undefined when the version has no intervention with the code.
 */
export async function interventionWithHistory(db: Db, version: VersionRow, code: string, today: string) {
  const entry = await entryByCode(db, version.id, code);
  if (!entry) return undefined;
  const intervention = toIntervention(entry);
  const [ratingHistory, items] = await Promise.all([
    ratings(db, intervention.id, today),
    publishedItems(db, { interventionId: intervention.id }),
  ]);
  return { intervention, ratingHistory, items };
}

/** What an intervention page shows: interventionWithHistory, its category and the versions it is in. */
export async function interventionPage(db: Db, version: VersionRow, code: string, today: string) {
  const found = await interventionWithHistory(db, version, code, today);
  if (!found) return undefined;
  const [cats, versions] = await Promise.all([
    categories(db, version.id),
    versionsOfIntervention(db, found.intervention.id, today),
  ]);
  const c = cats.find((x) => x.code === found.intervention.categoryCode);
  return { ...found, category: c ? toCategory(c) : undefined, versions };
}

/** The interventions that may be linked to a kennisplein item: the menu's, without withdrawn ones. */
export async function interventionChoices(db: Db, version: VersionRow) {
  const menu = await loadMenu(db, version);
  return menu.interventions.filter((i) => !i.withdrawn).map((i) => ({ code: i.code, name: i.nameNl }));
}

export class NoMenuError extends Error {
  constructor() {
    super('Er is nog geen gepubliceerde menukaart.');
  }
}

export async function menuVersionInForce(db: Db, now: Date): Promise<VersionRow> {
  const v = await versionInForce(db, todayIn(now));
  if (!v) throw new NoMenuError();
  return v;
}

/**
 * For other modules (plans, spending): the interventions of the menu in force, and whether each
 * may still be chosen. Withdrawn ones stay listed (plans that chose them keep showing them) but
 * may not be chosen again. F items may only support an A-E intervention.
 */
export async function menuInForce(db: Db, now: Date) {
  const version = await menuVersionInForce(db, now);
  const menu = await loadMenu(db, version);
  const supportOnly = new Set(menu.categories.filter((c) => c.supportOnly).map((c) => c.code));
  return {
    version: { id: version.id, label: version.label, title: version.title, validFrom: version.valid_from! },
    interventions: menu.interventions.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.nameNl,
      categoryCode: i.categoryCode,
      withdrawn: i.withdrawn,
      supportOnly: supportOnly.has(i.categoryCode),
      choosable: !i.withdrawn,
    })),
  };
}

/** May a plan choose this intervention (by id or code) today? With a Dutch reason if not. */
export async function mayChoose(
  db: Db,
  now: Date,
  intervention: number | string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const menu = await menuInForce(db, now);
  const found = menu.interventions.find((i) =>
    typeof intervention === 'number' ? i.id === intervention : i.code === intervention,
  );
  if (!found)
    return {
      ok: false,
      reason: `Deze interventie staat niet op de menukaart die nu geldt (${menu.version.title}).`,
    };
  if (found.withdrawn)
    return {
      ok: false,
      reason: `${found.code} ${found.name} is van de menukaart gehaald en kan niet meer worden gekozen.`,
    };
  return { ok: true };
}
