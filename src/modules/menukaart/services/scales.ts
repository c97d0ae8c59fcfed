// The rating scales of the menukaart, as published: effect in months, evidence in checks (1-5)
// and cost in euro signs (1-5) with their bands. Read once from resources/menukaart.
import fs from 'node:fs';
import { fromRoot } from '../../../paths.ts';

export interface EffectBand {
  months: number;
  esMin: number;
  esMax: number;
  label: string;
}

export interface CostBand {
  level: number;
  label: string;
  maxPerClassEur: number | null;
  maxPerPupilEur: number | null;
  minPerPupilEur: number | null;
  certainty: 'bevestigd' | 'afgeleid';
  derivation: string | null;
  source: string | null;
}

export interface Scales {
  effect: { unit: string; bands: EffectBand[]; source: string };
  evidence: { labels: Record<string, string>; note: string; source: string };
  cost: { basis: string; includes: string[]; source: string; bands: CostBand[] };
}

export interface CatalogueFile {
  about: string;
  interventions: { code: string }[];
  rules: string[];
  inferredNote: string;
  scales: Scales;
}

const file = fromRoot('resources/menukaart/catalogus.json');
export const catalogueFile: CatalogueFile = JSON.parse(fs.readFileSync(file, 'utf8'));
export const scales: Scales = catalogueFile.scales;

/** The Dutch word for an effect of this many months (e.g. 'groot effect'). */
export function effectLabel(months: number): string {
  const band = scales.effect.bands.find((b) => b.months === Math.min(Math.max(months, 0), 12));
  return band?.label ?? 'onbekend effect';
}

export function evidenceLabel(level: number): string {
  return scales.evidence.labels[String(level)] ?? 'onbekend';
}

export function costBand(level: number): CostBand | undefined {
  return scales.cost.bands.find((b) => b.level === level);
}

/** '+5 maanden', or 'onbekend' when no score was published. */
export function formatEffect(months: number | null): string {
  if (months === null) return 'onbekend';
  const sign = months > 0 ? '+' : '';
  return `${sign}${months} ${Math.abs(months) === 1 ? 'maand' : 'maanden'}`;
}

export function checks(level: number | null): string {
  return level === null ? 'onbekend' : '✓'.repeat(level);
}

export function euros(level: number | null): string {
  return level === null ? 'onbekend' : '€'.repeat(level);
}

/**
 * The euro amount per pupil per year used for "effect per euro": the top of the cost band,
 * or for the open top band its lower bound (so the ratio is an upper bound there).
 */
export function costPerPupilEur(level: number): number | null {
  const b = costBand(level);
  if (!b) return null;
  return b.maxPerPupilEur ?? b.minPerPupilEur;
}

/** Months of extra progress per €100 per pupil; null when effect or cost is unknown. */
export function effectPerHundredEuro(effect: number | null, cost: number | null): number | null {
  if (effect === null || cost === null) return null;
  const eur = costPerPupilEur(cost);
  if (!eur) return null;
  return Math.round((effect / eur) * 100 * 100) / 100;
}
