// The rules of the menukaart: which menu is in force, what an intervention looks like to a
// reader, search terms, comparing versions, editing drafts, publishing, and the kennisplein
// flow (submit -> moderate -> publish). No HTTP and no SQL here: repository.ts does the queries.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';
import type { EntryRow, ItemValues } from './repository.ts';
import {
  compareCodes,
  diffVersions,
  sectorOptions,
  type Comparable,
  type RatedIntervention,
} from './catalogue.ts';
import { brokenLinks, markdownText } from './markdown.ts';
import { catalogueFile, checks, euros, formatEffect } from './scales.ts';
import {
  PraktijkkaartError,
  readPraktijkkaarten,
  sectionHeadings,
  praktijkkaartDir,
} from './praktijkkaart.ts';
import type { KennispleinStatus, PraktijkkaartSections } from './tables.ts';

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

export interface Menu {
  version: repo.VersionRow;
  categories: Category[];
  interventions: Intervention[];
}

export async function loadMenu(db: Db, version: repo.VersionRow): Promise<Menu> {
  const [cats, rows] = await Promise.all([repo.categories(db, version.id), repo.entries(db, version.id)]);
  return {
    version,
    categories: cats.map((c) => ({
      code: c.code,
      name: c.name,
      shortName: c.short_name,
      description: c.description,
      supportOnly: c.support_only,
    })),
    interventions: rows.map(toIntervention).sort((a, b) => compareCodes(a.code, b.code)),
  };
}

export class NoMenuError extends Error {
  constructor() {
    super('Er is nog geen gepubliceerde menukaart.');
  }
}

export async function menuVersionInForce(db: Db, now: Date): Promise<repo.VersionRow> {
  const v = await repo.versionInForce(db, todayIn(now));
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

// ---- search -------------------------------------------------------------------------------

export const maxQueryLength = 100;

export interface SearchTerms {
  /** Cleaned text for websearch_to_tsquery. */
  text: string;
  /** 'term1:* & term2:*' on plain letters and digits, or null. */
  prefix: string | null;
  /** An intervention code the query names, e.g. 'B6'. */
  code: string | null;
  notice: string | null;
}

/**
 * Makes any input safe and bounded for the search: at most 100 characters, control and odd
 * characters removed, at most 8 terms for the prefix fallback. Returns null when nothing
 * searchable is left.
 */
export function searchTerms(raw: unknown): SearchTerms | null {
  let s = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  let notice: string | null = null;
  if (s.length > maxQueryLength) {
    s = s.slice(0, maxQueryLength);
    notice = `Uw zoekvraag was langer dan ${maxQueryLength} tekens. We hebben gezocht op het begin ervan.`;
  }
  const text = s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s"'\-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const terms = [
    ...new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((t) => t.length >= 2)
        .map((t) => t.slice(0, 40)),
    ),
  ].slice(0, 8);
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return null;
  const code = /^[a-f]\d{1,2}$/i.test(text) ? text.toUpperCase() : null;
  return { text, prefix: terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null, code, notice };
}

export async function search(db: Db, versionId: number, terms: SearchTerms) {
  const [rows, items] = await Promise.all([
    repo.searchEntries(db, versionId, terms.text, terms.prefix, terms.code),
    repo.searchItems(db, terms.text, terms.prefix),
  ]);
  return { interventions: rows.map(toIntervention), items };
}

// ---- versions and diff -------------------------------------------------------------------

function scoreText(kind: 'effect' | 'evidence' | 'cost', v: number | null, inferred: string[]) {
  const base = kind === 'effect' ? formatEffect(v) : kind === 'evidence' ? checks(v) : euros(v);
  return inferred.includes(kind) && v !== null ? `${base} (afgeleid)` : base;
}

export function comparable(i: Intervention, categories: Category[]): Comparable {
  const cat = categories.find((c) => c.code === i.categoryCode);
  const fields: Comparable['fields'] = {
    name: { label: 'Naam', value: i.nameNl },
    category: { label: 'Categorie', value: cat ? `${cat.code} ${cat.shortName}` : i.categoryCode },
    sectors: { label: 'Sectoren', value: i.sectors.join(', ') },
    summary: { label: 'Omschrijving', value: i.summary },
    effect: { label: 'Effect', value: scoreText('effect', i.effectMonths, i.inferredFields) },
    evidence: { label: 'Bewijskracht', value: scoreText('evidence', i.evidence, i.inferredFields) },
    cost: { label: 'Kosten', value: scoreText('cost', i.cost, i.inferredFields) },
    rating: {
      label: 'Bron van de scores',
      value: i.ratedOn ? `${i.ratingLabel ?? 'nieuw'} (${i.ratedOn})` : 'geen scores',
    },
    status: {
      label: 'Status',
      value: i.withdrawn ? `ingetrokken: ${i.withdrawnReason ?? ''}` : 'op de menukaart',
    },
  };
  for (const { key, heading } of sectionHeadings) {
    fields[`pk-${key}`] = { label: `Praktijkkaart: ${heading}`, value: i.praktijkkaart?.[key] ?? '' };
  }
  return { code: i.code, name: i.nameNl, fields };
}

export async function diffBetween(db: Db, from: repo.VersionRow, to: repo.VersionRow) {
  const [a, b] = await Promise.all([loadMenu(db, from), loadMenu(db, to)]);
  const changes = diffVersions(
    a.interventions.map((i) => comparable(i, a.categories)),
    b.interventions.map((i) => comparable(i, b.categories)),
  );
  const categoryChanges = b.categories
    .map((c) => {
      const old = a.categories.find((x) => x.code === c.code);
      if (!old) return { code: c.code, before: '', after: c.name };
      if (old.name !== c.name || old.description !== c.description || old.shortName !== c.shortName)
        return {
          code: c.code,
          before: `${old.name} — ${old.description}`,
          after: `${c.name} — ${c.description}`,
        };
      return null;
    })
    .filter((x): x is { code: string; before: string; after: string } => x !== null);
  return { changes, categoryChanges };
}

// ---- editing ------------------------------------------------------------------------------

export type FieldErrors = Record<string, string | undefined>;

export interface EntryForm {
  values: Record<string, string | undefined>;
  sectors: string[];
}

const scoreFields = [
  { field: 'effect', column: 'effect_months', label: 'het effect', min: -12, max: 12 },
  { field: 'bewijs', column: 'evidence', label: 'de bewijskracht', min: 1, max: 5 },
  { field: 'kosten', column: 'cost', label: 'de kosten', min: 1, max: 5 },
] as const;

const inferredName = { effect_months: 'effect', evidence: 'evidence', cost: 'cost' } as const;

function isDate(s: string | undefined): s is string {
  return (
    typeof s === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(s) &&
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
    new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
  );
}

function isHttpUrl(s: string | undefined): boolean {
  if (!s) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && /\.[a-z]{2,}$/i.test(u.hostname);
  } catch {
    return false;
  }
}

/** Paths on this site a text may link to: menu pages and existing interventions. */
export function knownPathChecker(codes: string[]) {
  const set = new Set(codes);
  return (path: string) => {
    const m = /^\/menukaart\/([A-Za-z]\d{1,2})$/.exec(path);
    if (m) return set.has(m[1]!.toUpperCase());
    return /^\/(menukaart(\/(uitleg|vergelijken|zoeken|versies|api))?|kennisplein(\/\d+)?|)$/.test(path);
  };
}

/**
 * Checks an editor's form for one intervention in the draft. A missing score is refused (choose
 * 'niet gepubliceerd' when none exists); so are broken links, and scores without date and source.
 */
export function validateEntry(
  form: EntryForm,
  ctx: { categoryCodes: string[]; interventionCodes: string[]; previous?: Intervention; isNew: boolean },
) {
  const v = form.values;
  const errors: FieldErrors = {};
  const text = (k: string) => (v[k] ?? '').trim();
  if (ctx.isNew) {
    const code = text('code').toUpperCase();
    if (!/^[A-Z]\d{1,2}$/.test(code))
      errors.code = 'Vul een code in: de letter van de categorie en een nummer, bijvoorbeeld B13.';
    else if (ctx.interventionCodes.includes(code))
      errors.code = `De code ${code} bestaat al. Kies een nieuw nummer.`;
    else if (!ctx.categoryCodes.includes(code[0]!)) errors.code = `Er is geen categorie ${code[0]}.`;
    else if (text('categorie') && code[0] !== text('categorie'))
      errors.code = 'De code moet beginnen met de letter van de gekozen categorie.';
  }
  if (!ctx.categoryCodes.includes(text('categorie'))) errors.categorie = 'Kies een categorie.';
  if (!text('naam')) errors.naam = 'Vul de naam van de interventie in.';
  else if (text('naam').length > 300) errors.naam = 'De naam is te lang: gebruik hoogstens 300 tekens.';
  if (!text('bron')) errors.bron = "Vul de bron in, bijvoorbeeld 'EEF' of 'NPO'.";
  if (!text('samenvatting')) errors.samenvatting = 'Vul een korte omschrijving in.';
  else if (text('samenvatting').length > 1000)
    errors.samenvatting = 'De omschrijving is te lang: gebruik hoogstens 1000 tekens.';
  const sectors = form.sectors
    .map((s) => sectorOptions.find((o) => o.value === s)?.sector)
    .filter((s): s is NonNullable<typeof s> => Boolean(s));
  if (sectors.length === 0) errors.sectoren = 'Kies ten minste één sector.';

  const scores: Record<string, number | null> = {};
  for (const s of scoreFields) {
    const raw = text(s.field);
    if (raw === '')
      errors[s.field] = `Kies een waarde voor ${s.label}, of 'niet gepubliceerd' als er geen score is.`;
    else if (raw === 'onbekend') scores[s.column] = null;
    else if (/^-?\d{1,2}$/.test(raw) && Number(raw) >= s.min && Number(raw) <= s.max)
      scores[s.column] = Number(raw);
    else
      errors[s.field] =
        `Kies voor ${s.label} een waarde van ${s.min} tot en met ${s.max}, of 'niet gepubliceerd'.`;
  }
  const anyScore = Object.values(scores).some((x) => x !== null && x !== undefined);
  if (anyScore) {
    if (!isDate(text('beoordeeldOp')))
      errors.beoordeeldOp = 'Vul de datum van de beoordeling in als JJJJ-MM-DD, bijvoorbeeld 2022-04-01.';
    if (!isHttpUrl(text('beoordelingBron')))
      errors.beoordelingBron = 'Vul de webadres van de bron van de scores in, beginnend met https://.';
  }
  const withdrawn = text('status') === 'ingetrokken';
  if (!['actief', 'ingetrokken'].includes(text('status')))
    errors.status = 'Kies of de interventie op de menukaart staat of is ingetrokken.';
  if (withdrawn && !text('redenIntrekken'))
    errors.redenIntrekken = 'Leg uit waarom de interventie is ingetrokken; scholen zien deze uitleg.';

  const known = knownPathChecker(ctx.interventionCodes);
  const sections = {} as PraktijkkaartSections;
  for (const { key, heading } of sectionHeadings) {
    const field = `pk_${key}`;
    const body = text(field);
    sections[key] = body;
    if (!body) errors[field] = `Vul de sectie '${heading}' van de praktijkkaart in.`;
    else if (body.length > 20000)
      errors[field] = `De sectie '${heading}' is te lang: gebruik hoogstens 20.000 tekens.`;
    else {
      const broken = brokenLinks(body, known);
      if (broken.length)
        errors[field] =
          `De sectie '${heading}' bevat een link die niet werkt: ${broken.slice(0, 3).join(', ')}. Gebruik een volledig webadres (https://…) of een pagina van de menukaart.`;
    }
  }
  for (const field of ['opmerkingen', 'samenvatting'] as const) {
    if (errors[field]) continue;
    const broken = brokenLinks(text(field), known);
    if (broken.length)
      errors[field] = `Deze tekst bevat een link die niet werkt: ${broken.slice(0, 3).join(', ')}.`;
  }
  if (Object.values(errors).some(Boolean)) return { ok: false as const, errors };

  const prev = ctx.previous;
  // A value typed by an editor is no longer an inferred one, unless it stayed the same.
  const inferred = (prev?.inferredFields ?? []).filter((f) => {
    const col = (Object.keys(inferredName) as (keyof typeof inferredName)[]).find(
      (c) => inferredName[c] === f,
    );
    const before =
      col === 'effect_months' ? prev?.effectMonths : col === 'evidence' ? prev?.evidence : prev?.cost;
    return col !== undefined && scores[col] === before;
  });
  const scoresChanged =
    !prev ||
    prev.effectMonths !== scores.effect_months ||
    prev.evidence !== scores.evidence ||
    prev.cost !== scores.cost ||
    prev.ratedOn !== (anyScore ? text('beoordeeldOp') : null);
  const values: repo.EntryValues = {
    category_code: text('categorie'),
    name_nl: text('naam'),
    name_en: text('naamEn') || null,
    sectors,
    source: text('bron'),
    summary: text('samenvatting'),
    notes: text('opmerkingen') || null,
    effect_months: scores.effect_months ?? null,
    evidence: scores.evidence ?? null,
    cost: scores.cost ?? null,
    inferred_fields: inferred,
    rating_label: anyScore ? (scoresChanged ? null : (prev?.ratingLabel ?? null)) : null,
    rated_on: anyScore ? text('beoordeeldOp') : null,
    rating_source: anyScore ? text('beoordelingBron') : null,
    withdrawn,
    withdrawn_reason: withdrawn ? text('redenIntrekken') : null,
    praktijkkaart: sections,
    body_text: bodyText(sections, prev?.subtypes ?? [], text('opmerkingen')),
  };
  return { ok: true as const, values, code: text('code').toUpperCase() };
}

export function bodyText(sections: PraktijkkaartSections, subtypes: string[], notes: string | null): string {
  return [...subtypes, notes ?? '', ...sectionHeadings.map(({ key }) => markdownText(sections[key]))]
    .join(' ')
    .trim();
}

/** The form values for an intervention as it is now. */
export function entryFormValues(i: Intervention): EntryForm {
  const score = (v: number | null) => (v === null ? 'onbekend' : String(v));
  const values: Record<string, string> = {
    code: i.code,
    categorie: i.categoryCode,
    naam: i.nameNl,
    naamEn: i.nameEn ?? '',
    bron: i.source,
    samenvatting: i.summary,
    opmerkingen: i.notes ?? '',
    effect: score(i.effectMonths),
    bewijs: score(i.evidence),
    kosten: score(i.cost),
    beoordeeldOp: i.ratedOn ?? '',
    beoordelingBron: i.ratingSource ?? '',
    status: i.withdrawn ? 'ingetrokken' : 'actief',
    redenIntrekken: i.withdrawnReason ?? '',
  };
  for (const { key } of sectionHeadings) values[`pk_${key}`] = i.praktijkkaart?.[key] ?? '';
  return { values, sectors: sectorOptions.filter((o) => i.sectors.includes(o.sector)).map((o) => o.value) };
}

export async function ensureDraft(db: Db, now: Date, personId: number | null) {
  const existing = await repo.draftVersion(db);
  if (existing) return { id: existing.id, created: false };
  const inForce = await menuVersionInForce(db, now);
  const latest = (await repo.publishedVersions(db))[0] ?? inForce;
  return { id: await repo.createDraft(db, latest.id, personId), created: true };
}

export function validatePublish(
  v: Record<string, string | undefined>,
  latestValidFrom: string | null = null,
) {
  const errors: FieldErrors = {};
  const title = (v.titel ?? '').trim();
  const validFrom = (v.geldigVanaf ?? '').trim();
  const note = (v.toelichting ?? '').trim();
  const source = (v.bron ?? '').trim();
  if (!title) errors.titel = "Geef de versie een titel, bijvoorbeeld 'Menukaart september 2023'.";
  if (!isDate(validFrom))
    errors.geldigVanaf = 'Vul de datum in vanaf wanneer deze versie geldt, als JJJJ-MM-DD.';
  else if (latestValidFrom && validFrom < latestValidFrom)
    errors.geldigVanaf = `Kies ${latestValidFrom} of later: een nieuwe versie kan niet eerder gelden dan de nieuwste gepubliceerde versie.`;
  if (!note) errors.toelichting = 'Beschrijf kort wat er in deze versie is veranderd.';
  if (source && !isHttpUrl(source))
    errors.bron = 'Vul een volledig webadres in (https://…), of laat het veld leeg.';
  if (Object.values(errors).some(Boolean)) return { ok: false as const, errors };
  return { ok: true as const, title, validFrom, note, sourceUrl: source || null };
}

/** Publishes the draft as a new version. Ratings changed in the draft join the rating history. */
export async function publishDraft(
  db: Db,
  draft: repo.VersionRow,
  p: { title: string; validFrom: string; note: string; sourceUrl: string | null },
  personId: number | null,
) {
  let label = p.validFrom;
  for (let n = 2; await repo.labelExists(db, label); n++) label = `${p.validFrom}-${n}`;
  const rows = await repo.entries(db, draft.id);
  for (const e of rows) {
    if (e.rated_on === null) continue;
    const history = await repo.ratings(db, e.intervention_id);
    const same = history.find(
      (r) =>
        r.label === e.rating_label &&
        r.effect_months === e.effect_months &&
        r.evidence === e.evidence &&
        r.cost === e.cost &&
        r.rated_on === e.rated_on,
    );
    if (same) continue;
    await repo.ensureRating(db, {
      intervention_id: e.intervention_id,
      label,
      effect_months: e.effect_months,
      evidence: e.evidence,
      cost: e.cost,
      inferred_fields: e.inferred_fields,
      rated_on: e.rated_on,
      source_url: e.rating_source,
      basis: p.title,
    });
    await repo.setRatingLabel(db, draft.id, e.intervention_id, label);
  }
  await repo.publishDraft(
    db,
    draft.id,
    { label, title: p.title, validFrom: p.validFrom, note: p.note, sourceUrl: p.sourceUrl },
    personId,
  );
  return label;
}

export function validateCategory(v: Record<string, string | undefined>) {
  const errors: FieldErrors = {};
  const name = (v.naam ?? '').trim();
  const shortName = (v.korteNaam ?? '').trim();
  const description = (v.omschrijving ?? '').trim();
  if (!name) errors.naam = 'Vul de naam van de categorie in.';
  if (!shortName) errors.korteNaam = 'Vul een korte naam in; die staat in tabellen en filters.';
  if (!description) errors.omschrijving = 'Vul een omschrijving in.';
  if (Object.values(errors).some(Boolean)) return { ok: false as const, errors };
  return {
    ok: true as const,
    values: { name, short_name: shortName, description, support_only: v.alleenOndersteunend === 'ja' },
  };
}

// ---- praktijkkaarten ----------------------------------------------------------------------

/**
 * Loads the praktijkkaart files into every entry that has none yet. With `strict` (the default;
 * the CLI and the demo use it) every intervention must have a complete file, or nothing is
 * loaded and a PraktijkkaartError lists what is missing. Without it, only complete files load.
 */
export async function importPraktijkkaarten(db: Db, opts: { strict?: boolean; dir?: string } = {}) {
  // Every intervention of the published catalogue needs a file, and so does any other
  // intervention that still lacks a praktijkkaart (editors write theirs in the editor).
  const catalogue = new Set(catalogueFile.interventions.map((i) => i.code));
  const lacking = new Set(await repo.codesWithoutPraktijkkaart(db));
  const interventions = (
    await db.selectFrom('menukaart_intervention').select(['id', 'code']).execute()
  ).filter((i) => catalogue.has(i.code) || lacking.has(i.code));
  const files = readPraktijkkaarten(
    interventions.map((i) => i.code),
    opts.dir ?? praktijkkaartDir,
  );
  if ((opts.strict ?? true) && files.problems.size) throw new PraktijkkaartError(files.problems);
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const i of interventions) {
      const card = files.cards.get(i.code);
      if (!card) continue;
      const latest = await trx
        .selectFrom('menukaart_entry')
        .select(['subtypes', 'notes'])
        .where('intervention_id', '=', i.id)
        .orderBy('version_id', 'desc')
        .executeTakeFirst();
      updated += await repo.fillPraktijkkaart(
        trx,
        i.id,
        card.sections,
        bodyText(card.sections, latest?.subtypes ?? [], latest?.notes ?? null),
      );
    }
  });
  return { loaded: files.cards.size, updatedEntries: updated, problems: files.problems };
}

// ---- kennisplein --------------------------------------------------------------------------

export const schoolTypes = [
  'Basisschool',
  'Speciale basisschool',
  'Speciaal onderwijs',
  'Voortgezet speciaal onderwijs',
  'Praktijkonderwijs',
  'Vmbo',
  'Havo/vwo',
  'Brede scholengemeenschap',
];

export interface ItemForm {
  values: Record<string, string | undefined>;
  interventions: string[];
}

/** Parses '1.234,50' or '1234.50' or '1234' euros to cents; null when empty; NaN when invalid. */
export function parseEuroCents(s: string): number | null {
  const t = s.replace(/[€\s]/g, '');
  if (t === '') return null;
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(t)) return Number.NaN;
  const normal = /,/.test(t)
    ? t.replace(/\./g, '').replace(',', '.')
    : /^\d{1,3}(\.\d{3})+$/.test(t)
      ? t.replace(/\./g, '')
      : t;
  const [whole, frac = ''] = normal.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

export function validateItem(
  form: ItemForm,
  ctx: { interventionCodes: string[]; kind: 'voorbeeld' | 'onderzoek' },
) {
  const v = form.values;
  const errors: FieldErrors = {};
  const text = (k: string) => (v[k] ?? '').trim();
  const known = knownPathChecker(ctx.interventionCodes);
  if (!text('titel')) errors.titel = 'Vul een titel in.';
  else if (text('titel').length > 200) errors.titel = 'De titel is te lang: gebruik hoogstens 200 tekens.';
  const codes = [...new Set(form.interventions)];
  if (codes.length === 0) errors.interventies = 'Kies ten minste één interventie waar dit over gaat.';
  else if (codes.some((c) => !ctx.interventionCodes.includes(c)))
    errors.interventies = 'Kies alleen interventies van de menukaart.';
  if (ctx.kind === 'voorbeeld' && !schoolTypes.includes(text('schooltype')))
    errors.schooltype = 'Kies het soort school.';
  const md: [string, string, boolean][] =
    ctx.kind === 'voorbeeld'
      ? [
          ['watGedaan', 'wat uw school heeft gedaan', true],
          ['kosten', 'wat het kostte', false],
          ['geleerd', 'wat u heeft geleerd', true],
        ]
      : [['watGedaan', 'de samenvatting van het onderzoek', true]];
  for (const [field, label, required] of md) {
    const body = text(field);
    if (required && !body) errors[field] = `Beschrijf ${label}.`;
    else if (body.length > 8000)
      errors[field] = `De tekst over ${label} is te lang: gebruik hoogstens 8.000 tekens.`;
    else {
      const broken = brokenLinks(body, known);
      if (broken.length)
        errors[field] =
          `Deze tekst bevat een link die niet werkt: ${broken.slice(0, 3).join(', ')}. Gebruik een volledig webadres (https://…).`;
    }
  }
  const cents = ctx.kind === 'voorbeeld' ? parseEuroCents(text('kostenBedrag')) : null;
  if (cents !== null && Number.isNaN(cents))
    errors.kostenBedrag = 'Vul een bedrag in euro in, bijvoorbeeld 2.500 of 2500,50, of laat het veld leeg.';
  if (ctx.kind === 'onderzoek' && !isHttpUrl(text('bron')))
    errors.bron = 'Vul het webadres van het onderzoek in, beginnend met https://.';
  if (Object.values(errors).some(Boolean)) return { ok: false as const, errors };
  const values: ItemValues = {
    title: text('titel'),
    school_type: ctx.kind === 'voorbeeld' ? text('schooltype') : '',
    what_they_did: text('watGedaan'),
    cost_text: ctx.kind === 'voorbeeld' ? text('kosten') : '',
    cost_cents: cents,
    lessons: ctx.kind === 'voorbeeld' ? text('geleerd') : '',
    contact_ok: ctx.kind === 'voorbeeld' && v.contact === 'ja',
    source_url: ctx.kind === 'onderzoek' ? text('bron') : null,
  };
  return { ok: true as const, values, codes };
}

/** School staff may change an example only while it is theirs to change. */
export function schoolMayEdit(status: KennispleinStatus): boolean {
  return status === 'concept' || status === 'wijzigingen_gevraagd';
}

export type ModerationAction = 'goedkeuren' | 'wijzigingen' | 'afwijzen';

export function validateModeration(status: KennispleinStatus, v: Record<string, string | undefined>) {
  const action = v.actie as ModerationAction;
  const reason = (v.reden ?? '').trim();
  if (status !== 'ingediend')
    return {
      ok: false as const,
      errors: {
        actie: 'Dit voorbeeld wacht niet (meer) op een besluit. Ververs de lijst met voorbeelden.',
      } as FieldErrors,
    };
  if (!['goedkeuren', 'wijzigingen', 'afwijzen'].includes(action))
    return {
      ok: false as const,
      errors: { actie: 'Kies een besluit: publiceren, om wijzigingen vragen of afwijzen.' } as FieldErrors,
    };
  if (action !== 'goedkeuren' && !reason) {
    return {
      ok: false as const,
      errors: {
        reden:
          action === 'afwijzen'
            ? 'Geef de reden van de afwijzing; de school ziet die.'
            : 'Schrijf welke wijzigingen u vraagt; de school ziet dit.',
      } as FieldErrors,
    };
  }
  if (reason.length > 2000)
    return {
      ok: false as const,
      errors: { reden: 'De toelichting is te lang: gebruik hoogstens 2.000 tekens.' } as FieldErrors,
    };
  const status2: KennispleinStatus =
    action === 'goedkeuren'
      ? 'gepubliceerd'
      : action === 'wijzigingen'
        ? 'wijzigingen_gevraagd'
        : 'afgewezen';
  return { ok: true as const, status: status2, note: reason || null };
}

export const statusLabels: Record<KennispleinStatus, string> = {
  concept: 'Concept (nog niet ingediend)',
  ingediend: 'Ingediend, wacht op de redactie',
  wijzigingen_gevraagd: 'De redactie vraagt om wijzigingen',
  gepubliceerd: 'Gepubliceerd',
  afgewezen: 'Afgewezen',
};
