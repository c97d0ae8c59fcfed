// Publishing the draft as a new menu version: checking the publish form and recording changed ratings in the history.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { labelExists, markDraftPublished, type VersionRow } from '../repository/versions.ts';
import { ensureRating, entries, ratings, setRatingLabel } from '../repository/entries.ts';
import { isHttpUrl, type FieldErrors } from './form-checks.ts';
import { parseIsoDate } from '../../../platform/input/strict.ts';
import { parseDutchDate } from '../../../platform/input/text-file.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';

type Db = Kysely<DB>;

/** 'YYYY-MM-DD' → 'DD-MM-JJJJ', the way the publish form shows a date. */
export const dutchDay = (iso: string) => iso.split('-').reverse().join('-');

/**
 * Checks the publish form. The date: a real day, not before today (a version never applies
 * retroactively) and not before the newest published version (versions follow each other).
 */
export function validatePublish(
  v: Record<string, string | undefined>,
  dates: { today: string; latestValidFrom: string | null },
) {
  const errors: FieldErrors = {};
  const title = (v.titel ?? '').trim();
  // Typed in Dutch (1-9-2027) or from a date field (2027-09-01), within the platform's year range.
  const validFrom = parseIsoDate(parseDutchDate(v.geldigVanaf ?? ''));
  const note = (v.toelichting ?? '').trim();
  const source = (v.bron ?? '').trim();
  const { today, latestValidFrom } = dates;
  if (!title) errors.titel = "Geef de versie een titel, bijvoorbeeld 'Menukaart september 2023'.";
  if (!validFrom)
    errors.geldigVanaf = `Vul de datum in vanaf wanneer deze versie geldt, als dag-maand-jaar, bijvoorbeeld ${dutchDay(today)}.`;
  else if (validFrom < today)
    errors.geldigVanaf = `Kies vandaag (${formatDate(today)}) of een latere datum: een versie geldt nooit met terugwerkende kracht.`;
  else if (latestValidFrom && validFrom < latestValidFrom)
    errors.geldigVanaf = `Kies ${formatDate(latestValidFrom)} of later: een nieuwe versie kan niet eerder gelden dan de nieuwste gepubliceerde versie.`;
  if (!note) errors.toelichting = 'Beschrijf kort wat er in deze versie is veranderd.';
  if (source && !isHttpUrl(source))
    errors.bron = 'Vul een volledig webadres in (https://…), of laat het veld leeg.';
  if (!validFrom || Object.values(errors).some(Boolean)) return { ok: false as const, errors };
  return { ok: true as const, title, validFrom, note, sourceUrl: source || null };
}

/** Publishes the draft as a new version. Ratings changed in the draft join the rating history. */
export async function publishDraft(
  db: Db,
  draft: VersionRow,
  p: { title: string; validFrom: string; note: string; sourceUrl: string | null },
  personId: number | null,
) {
  let label = p.validFrom;
  for (let n = 2; await labelExists(db, label); n++) label = `${p.validFrom}-${n}`;
  const rows = await entries(db, draft.id);
  for (const e of rows) {
    if (e.rated_on === null) continue;
    const history = await ratings(db, e.intervention_id);
    const same = history.find(
      (r) =>
        r.label === e.rating_label &&
        r.effect_months === e.effect_months &&
        r.evidence === e.evidence &&
        r.cost === e.cost &&
        r.rated_on === e.rated_on,
    );
    if (same) continue;
    await ensureRating(db, {
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
    await setRatingLabel(db, draft.id, e.intervention_id, label);
  }
  await markDraftPublished(
    db,
    draft.id,
    { label, title: p.title, validFrom: p.validFrom, note: p.note, sourceUrl: p.sourceUrl },
    personId,
  );
  return label;
}
