// Editing the draft menu: checking an intervention's form, its form values, the search text, starting a draft and checking a category.
import { markdownShapeProblem } from './markdown-bounds.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { insertEntry, insertIntervention, updateEntry, type EntryValues } from '../repository/entries.ts';
import { createDraft, deleteDraft, draftVersion, publishedVersions } from '../repository/versions.ts';
import { sectorOptions } from './catalogue.ts';
import { brokenLinks, markdownText } from './markdown.ts';
import { sectionHeadings } from './praktijkkaart.ts';
import type { PraktijkkaartSections } from '../tables.ts';
import { isHttpUrl, knownPathChecker, type FieldErrors } from './form-checks.ts';
import { isIsoDate } from '../../../platform/input/strict.ts';
import { type Intervention, loadMenu, menuVersionInForce } from './menu.ts';
import { itemsWithStatus } from '../repository/kennisplein.ts';

type Db = Kysely<DB>;

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
    if (!isIsoDate(text('beoordeeldOp')))
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
    else if (markdownShapeProblem(body, `de sectie '${heading}'`))
      // Before brokenLinks: its Markdown lexer is what overflows on deep nesting.
      errors[field] = markdownShapeProblem(body, `de sectie '${heading}'`)!;
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
  const values: EntryValues = {
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

/** What the redactie's menu home shows: the draft (if any) with its menu, the versions, what waits. */
export async function editorOverview(db: Db) {
  const draft = await draftVersion(db);
  const [menu, versions, pending] = await Promise.all([
    draft ? loadMenu(db, draft) : null,
    publishedVersions(db),
    itemsWithStatus(db, ['ingediend']),
  ]);
  return {
    draft,
    categories: menu?.categories ?? [],
    interventions: menu?.interventions ?? [],
    versions,
    pending: pending.length,
  };
}

/** Starts a draft (a copy of the newest published version) unless there is one; `created` says which. */
export async function ensureDraft(db: Db, now: Date, personId: number | null) {
  const existing = await draftVersion(db);
  if (existing) return { id: existing.id, created: false };
  const inForce = await menuVersionInForce(db, now);
  const latest = (await publishedVersions(db))[0] ?? inForce;
  return { id: await createDraft(db, latest.id, personId), created: true };
}

/**
 * Saves an intervention in the draft: a new one (the intervention and its first entry) or the
 * changed entry of an existing one (`interventionId`).
 */
export async function saveDraftEntry(
  db: Db,
  draftId: number,
  e: { code: string; interventionId: number | null; values: EntryValues; personId: number | null },
): Promise<void> {
  if (e.interventionId === null) {
    const id = await insertIntervention(db, e.code);
    await insertEntry(db, draftId, id, e.values, null, e.personId);
  } else {
    await updateEntry(db, draftId, e.interventionId, e.values, e.personId);
  }
}

/** Throws the draft away (and interventions only it had); the id it had, or null when there was none. */
export async function discardDraft(db: Db): Promise<number | null> {
  const draft = await draftVersion(db);
  if (!draft) return null;
  await deleteDraft(db, draft.id);
  return draft.id;
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
