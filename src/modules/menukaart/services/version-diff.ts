// Comparing two menu versions: each intervention as comparable fields, and what changed in interventions and categories.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { VersionRow } from '../repository/versions.ts';
import { diffVersions, type Comparable } from './catalogue.ts';
import { checks, euros, formatEffect } from './scales.ts';
import { sectionHeadings } from './praktijkkaart.ts';
import { loadMenu, type Category, type Intervention } from './menu.ts';

type Db = Kysely<DB>;

function scoreText(kind: 'effect' | 'evidence' | 'cost', v: number | null, inferred: string[]) {
  const base = kind === 'effect' ? formatEffect(v) : kind === 'evidence' ? checks(v) : euros(v);
  return inferred.includes(kind) && v !== null ? `${base} (afgeleid)` : base;
}

export function comparable(i: Intervention, categories: Category[]): Comparable {
  const cat = categories.find((c) => c.code === i.categoryCode);
  const fields: Comparable['fields'] = {
    name: { label: 'Naam', value: i.nameNl },
    nameEn: { label: 'Naam in de EEF-toolkit', value: i.nameEn ?? '' },
    source: { label: 'Bron', value: i.source },
    category: { label: 'Categorie', value: cat ? `${cat.code} ${cat.shortName}` : i.categoryCode },
    sectors: { label: 'Sectoren', value: i.sectors.join(', ') },
    summary: { label: 'Omschrijving', value: i.summary },
    effect: { label: 'Effect', value: scoreText('effect', i.effectMonths, i.inferredFields) },
    evidence: { label: 'Bewijskracht', value: scoreText('evidence', i.evidence, i.inferredFields) },
    cost: { label: 'Kosten', value: scoreText('cost', i.cost, i.inferredFields) },
    rating: {
      label: 'Bron van de scores',
      value: i.ratedOn
        ? `${i.ratingLabel ?? 'nieuw'} (${i.ratedOn})${i.carriedOverFrom ? `, overgenomen uit ${i.carriedOverFrom.slice(0, 4)}` : ''}`
        : 'geen scores',
    },
    status: {
      label: 'Status',
      value: i.withdrawn ? `ingetrokken: ${i.withdrawnReason ?? ''}` : 'op de menukaart',
    },
  };
  for (const { key, heading } of sectionHeadings) {
    fields[`pk-${key}`] = { label: `Praktijkkaart: ${heading}`, value: i.praktijkkaart?.[key] ?? '' };
  }
  fields.subtypes = { label: 'Veelgebruikte soorten', value: i.subtypes.join(', ') };
  fields.notes = { label: 'Toelichting bij de gegevens', value: i.notes ?? '' };
  fields.addedNote = { label: 'Op de menukaart', value: i.addedNote ?? '' };
  return { code: i.code, name: i.nameNl, fields };
}

export async function diffBetween(db: Db, from: VersionRow, to: VersionRow) {
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
