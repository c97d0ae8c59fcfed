// Publishing the draft as a new menu version: checking the publish form and recording changed ratings in the history.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { labelExists, markDraftPublished, type VersionRow } from '../repository/versions.ts';
import { ensureRating, entries, ratings, setRatingLabel } from '../repository/entries.ts';
import { isHttpUrl, type FieldErrors } from './form-checks.ts';
import { isIsoDate } from '../../../platform/input/strict.ts';

type Db = Kysely<DB>;

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
  if (!isIsoDate(validFrom))
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
