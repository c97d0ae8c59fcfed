// Kennisplein rules: checking a school's example or a research summary, who may edit it, and the
// moderation decision; and the commands that save an example or publish a research summary.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  insertItem,
  itemById,
  itemInterventions,
  publishedItems,
  setItemInterventions,
  updateItem,
  type ItemHtml,
  type ItemRow,
  type ItemValues,
} from '../repository/kennisplein.ts';
import { interventionIds } from '../repository/entries.ts';
import { brokenLinks, renderMarkdown } from './markdown.ts';
import { markdownShapeProblem } from './markdown-bounds.ts';
import type { KennispleinStatus } from '../tables.ts';
import { type FieldErrors, knownPathChecker, isHttpUrl } from './form-checks.ts';

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

/**
 * Checks an item's form. A `draft` (a school's "Opslaan als concept") may be incomplete: only
 * the title is needed, so the school finds it again in its list; what is filled in must still
 * be right (lengths, Markdown, links, amount). Submitting or publishing needs everything.
 */
export function validateItem(
  form: ItemForm,
  ctx: { interventionCodes: string[]; kind: 'voorbeeld' | 'onderzoek'; draft?: boolean },
) {
  const v = form.values;
  const errors: FieldErrors = {};
  const text = (k: string) => (v[k] ?? '').trim();
  const complete = !ctx.draft;
  const known = knownPathChecker(ctx.interventionCodes);
  if (!text('titel'))
    errors.titel = complete
      ? 'Vul een titel in.'
      : 'Vul een titel in, ook voor een concept: daaraan herkent u het in uw lijst.';
  else if (text('titel').length > 200) errors.titel = 'De titel is te lang: gebruik hoogstens 200 tekens.';
  const codes = [...new Set(form.interventions)];
  if (codes.length === 0) {
    if (complete) errors.interventies = 'Kies ten minste één interventie waar dit over gaat.';
  } else if (codes.some((c) => !ctx.interventionCodes.includes(c)))
    errors.interventies = 'Kies alleen interventies van de menukaart.';
  if (
    ctx.kind === 'voorbeeld' &&
    !schoolTypes.includes(text('schooltype')) &&
    (complete || text('schooltype') !== '')
  )
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
    if (required && complete && !body) errors[field] = `Beschrijf ${label}.`;
    else if (body.length > 8000)
      errors[field] = `De tekst over ${label} is te lang: gebruik hoogstens 8.000 tekens.`;
    else if (markdownShapeProblem(body, `de tekst over ${label}`))
      // Before brokenLinks: its Markdown lexer is what overflows on deep nesting.
      errors[field] = markdownShapeProblem(body, `de tekst over ${label}`)!;
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

type Db = Kysely<DB>;

/**
 * The HTML of an item's Markdown texts. Rendered here, where every save passes (createItem,
 * saveExample), so the stored HTML always belongs to the stored Markdown and no view renders
 * (or re-sanitises) it again.
 */
export function renderedHtml(v: ItemValues): ItemHtml {
  return {
    what_they_did_html: renderMarkdown(v.what_they_did),
    cost_text_html: renderMarkdown(v.cost_text),
    lessons_html: renderMarkdown(v.lessons),
  };
}

/** Stores a new item with its rendered HTML; returns its id. */
export async function createItem(db: Db, v: Omit<Parameters<typeof insertItem>[1], keyof ItemHtml>) {
  return insertItem(db, { ...v, ...renderedHtml(v) });
}

/**
 * Saves a school's example, new (existingId null) or changed, with the interventions it is
 * about: saved as a concept or submitted to the redactie. Returns its id. Run it in the
 * transaction that also audits the save.
 */
export async function saveExample(
  db: Db,
  e: {
    schoolId: number;
    existingId: number | null;
    authorPersonId: number | null;
    values: ItemValues;
    codes: string[];
    submit: boolean;
  },
): Promise<number> {
  const status = e.submit ? 'ingediend' : 'concept';
  const ids = await interventionIds(db, e.codes);
  let id: number;
  if (e.existingId !== null) {
    id = e.existingId;
    await updateItem(db, id, { ...e.values, ...renderedHtml(e.values), status });
  } else {
    id = await createItem(db, {
      ...e.values,
      kind: 'voorbeeld',
      school_id: e.schoolId,
      author_person_id: e.authorPersonId,
      status,
    });
  }
  await setItemInterventions(db, id, ids);
  return id;
}

/** Publishes a research summary of the redactie with the interventions it is about; returns its id. */
export async function publishResearch(
  db: Db,
  r: { authorPersonId: number | null; values: ItemValues; codes: string[] },
): Promise<number> {
  const ids = await interventionIds(db, r.codes);
  const id = await createItem(db, {
    ...r.values,
    kind: 'onderzoek',
    school_id: null,
    author_person_id: r.authorPersonId,
    status: 'gepubliceerd',
  });
  await setItemInterventions(db, id, ids);
  return id;
}

/** The published items with the interventions they are about (names as in the given version). */
export async function publishedWithLinks(db: Db, versionId: number) {
  const items = await publishedItems(db);
  const links = await itemInterventions(
    db,
    items.map((i) => i.id),
    versionId,
  );
  return { items, links };
}

/** One published item with its interventions; undefined when it does not exist or is not published. */
export async function publishedItemWithLinks(db: Db, id: number, versionId: number) {
  const item = await itemById(db, id);
  if (!item || item.status !== 'gepubliceerd') return undefined;
  return { item, links: await itemInterventions(db, [id], versionId) };
}

/** The form values of a school's example as it is stored (amounts as 1234,50). */
export function itemFormValues(item: ItemRow): Record<string, string> {
  return {
    titel: item.title,
    schooltype: item.school_type,
    watGedaan: item.what_they_did,
    kosten: item.cost_text,
    kostenBedrag: item.cost_cents === null ? '' : (item.cost_cents / 100).toFixed(2).replace('.', ','),
    geleerd: item.lessons,
    contact: item.contact_ok ? 'ja' : '',
  };
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

/** The reason for withdrawing a published item: required, at most 2000 characters. */
export function validateWithdrawal(v: Record<string, string | undefined>) {
  const reason = (v.reden ?? '').trim();
  if (!reason)
    return {
      ok: false as const,
      errors: { reden: 'Schrijf waarom het wordt ingetrokken. Bezoekers en de school lezen deze reden.' },
    };
  if (reason.length > 2000)
    return {
      ok: false as const,
      errors: { reden: `De reden is te lang (${reason.length} tekens): gebruik hoogstens 2000 tekens.` },
    };
  return { ok: true as const, reason };
}

export const statusLabels: Record<KennispleinStatus, string> = {
  concept: 'Concept (nog niet ingediend)',
  ingediend: 'Ingediend, wacht op de redactie',
  wijzigingen_gevraagd: 'De redactie vraagt om wijzigingen',
  gepubliceerd: 'Gepubliceerd',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken door de redactie',
};
