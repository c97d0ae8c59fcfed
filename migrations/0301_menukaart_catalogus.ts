// Seeds the menukaart from resources/menukaart/catalogus.json: the categories, the interventions,
// both published versions of the menu (May 2021 and April 2022) with their ratings. The
// praktijkkaarten are loaded separately (`cli menukaart-import`, and the demo data), because
// they are written as Markdown files and must be complete before they are loaded.
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';

interface Rating {
  effectMonths: number | null;
  evidence: number | null;
  cost: number | null;
  inferred: string[];
}

interface Catalogue {
  versions: {
    label: string;
    validFrom: string;
    title: string;
    basis: string;
    source: string;
    note: string;
  }[];
  categories: { code: string; name: string; shortName: string; description: string; supportOnly: boolean }[];
  interventions: {
    code: string;
    category: string;
    nameNl: string;
    nameEn: string | null;
    sectors: string[];
    source: string;
    summary: string;
    notes: string | null;
    addedNote: string | null;
    subtypes: string[];
    ratings: Record<string, Rating>;
    versions: string[];
    withdrawn: Record<string, string>;
  }[];
}

export async function up(db: Kysely<any>): Promise<void> {
  const file = fromRoot('resources/menukaart/catalogus.json');
  const cat = JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue;
  const versionIds = new Map<string, number>();
  let previous: number | null = null;
  for (const v of cat.versions) {
    const row: { id: number } = await db
      .insertInto('menukaart_version')
      .values({
        label: v.label,
        title: v.title,
        status: 'gepubliceerd',
        valid_from: v.validFrom,
        basis: v.basis,
        source_url: v.source,
        note: v.note,
        based_on: previous,
        published_at: sql`${v.validFrom}::date`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    versionIds.set(v.label, row.id);
    previous = row.id;
    await db
      .insertInto('menukaart_category')
      .values(
        cat.categories.map((c) => ({
          version_id: row.id,
          code: c.code,
          name: c.name,
          short_name: c.shortName,
          description: c.description,
          support_only: c.supportOnly,
        })),
      )
      .execute();
  }
  const versionOf = new Map(cat.versions.map((v) => [v.label, v]));
  for (const iv of cat.interventions) {
    const { id } = await db
      .insertInto('menukaart_intervention')
      .values({ code: iv.code })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [label, r] of Object.entries(iv.ratings)) {
      const v = versionOf.get(label)!;
      await db
        .insertInto('menukaart_rating')
        .values({
          intervention_id: id,
          label,
          effect_months: r.effectMonths,
          evidence: r.evidence,
          cost: r.cost,
          inferred_fields: r.inferred,
          rated_on: v.validFrom,
          source_url: v.source,
          basis: v.basis,
        })
        .execute();
    }
    for (const label of iv.versions) {
      // The rating shown in a version: that version's own, else the latest earlier one.
      const known = cat.versions
        .map((v) => v.label)
        .filter((l) => l <= label && iv.ratings[l])
        .sort();
      const ratingLabel = known.at(-1) ?? null;
      const r = ratingLabel ? iv.ratings[ratingLabel]! : null;
      const rv = ratingLabel ? versionOf.get(ratingLabel)! : null;
      await db
        .insertInto('menukaart_entry')
        .values({
          version_id: versionIds.get(label),
          intervention_id: id,
          category_code: iv.category,
          name_nl: iv.nameNl,
          name_en: iv.nameEn,
          sectors: iv.sectors,
          source: iv.source,
          summary: iv.summary,
          notes: iv.notes,
          added_note: iv.addedNote,
          subtypes: iv.subtypes,
          effect_months: r?.effectMonths ?? null,
          evidence: r?.evidence ?? null,
          cost: r?.cost ?? null,
          inferred_fields: r?.inferred ?? [],
          rating_label: ratingLabel,
          rated_on: rv?.validFrom ?? null,
          rating_source: rv?.source ?? null,
          withdrawn: Boolean(iv.withdrawn[label]),
          withdrawn_reason: iv.withdrawn[label] ?? null,
          body_text: [...iv.subtypes, iv.notes ?? ''].join(' '),
        })
        .execute();
    }
  }
}
