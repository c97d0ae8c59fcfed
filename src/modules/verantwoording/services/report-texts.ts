// The board's own texts in the annual report: the items of the bestuursverslag the platform cannot
// know by itself (npo-facts §5.3), their rules (pure) and what the platform can fill in for the
// bovenschools items from the board's own plan.
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { BoardPlanRow } from './report-figures.ts';

export const maxTextLength = 5000;

export interface TextItem {
  key: 'betrokkenheid' | 'eerste-resultaten' | 'bovenschools' | 'gmr';
  label: string;
  hint: string;
  /** Needed before the report can be confirmed. */
  required: boolean;
}

export const textItems: TextItem[] = [
  {
    key: 'betrokkenheid',
    label: 'Betrokkenheid van ouders, leraren en leerlingen',
    hint: 'Hoe waren ouders en leraren betrokken bij de schoolprogramma’s? Hebt u vo-scholen, beschrijf dan ook hoe leerlingen meedachten.',
    required: true,
  },
  {
    key: 'eerste-resultaten',
    label: 'Eerste resultaten',
    hint: 'Wat leverde de uitvoering van de plannen dit jaar op? De evaluaties van uw scholen staan hierboven.',
    required: true,
  },
  {
    key: 'bovenschools',
    label: 'Bovenschoolse interventies',
    hint: 'Welke soorten interventies betaalde het bestuur bovenschools? Laat leeg als het bestuur niets bovenschools uitgaf.',
    required: false,
  },
  {
    key: 'gmr',
    label: 'Instemming van de GMR',
    hint: 'Heeft de GMR ingestemd met de bovenschoolse besteding? Laat leeg als het bestuur niets bovenschools uitgaf.',
    required: false,
  },
];

export type Texts = Record<TextItem['key'], string>;

/** Trims the fields and checks their length; missing required texts only matter at confirmation. */
export function parseTexts(
  body: Record<string, string | undefined>,
): { ok: true; texts: Texts } | { ok: false; errors: Record<string, string> } {
  const texts = {} as Texts;
  const errors: Record<string, string> = {};
  for (const item of textItems) {
    const value = (body[item.key] ?? '').replace(/\r\n/g, '\n').trim();
    if (value.length > maxTextLength)
      errors[item.key] =
        `${item.label}: gebruik ten hoogste ${maxTextLength} tekens (nu ${value.length}). Kort de tekst in.`;
    texts[item.key] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, texts };
}

/** The messages that stop a confirmation: each required text that is still empty. */
export function missingForConfirmation(texts: Partial<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of textItems)
    if (item.required && !(texts[item.key] ?? '').trim())
      errors[item.key] = `Vul eerst “${item.label}” in en sla het verslag op; daarna kunt u bevestigen.`;
  return errors;
}

const gmrWords = (p: BoardPlanRow): string => {
  if (p.versionNumber === null) return 'Het bovenschools plan is nog niet aan de GMR voorgelegd.';
  const version = `versie ${p.versionNumber} van het bovenschools plan`;
  if (p.decision === 'instemming')
    return `De GMR heeft op ${formatDate(p.meetingOn!)} ingestemd met ${version}.`;
  if (p.decision === 'geen-instemming')
    return `De GMR heeft op ${formatDate(p.meetingOn!)} niet ingestemd met ${version}.`;
  return `${version.charAt(0).toUpperCase()}${version.slice(1)} is aan de GMR voorgelegd; de GMR heeft nog niet besloten.`;
};

/**
 * What the platform fills in for the bovenschools items when the board has not written them
 * yet: the board plan's interventions and the GMR's decision on its newest version.
 */
export function prefillTexts(plan: BoardPlanRow | null): Partial<Texts> {
  if (!plan) return {};
  const prefill: Partial<Texts> = { gmr: gmrWords(plan) };
  if (plan.interventions.length)
    prefill.bovenschools = plan.interventions.map((i) => `${i.title} (categorie ${i.category})`).join('\n');
  return prefill;
}

/** The form values: the saved texts, or the platform's prefill where nothing was saved yet. */
export function textValues(
  saved: Record<string, string> | null,
  plan: BoardPlanRow | null,
): { values: Texts; prefilled: Set<string> } {
  const prefill = prefillTexts(plan);
  const values = {} as Texts;
  const prefilled = new Set<string>();
  for (const item of textItems) {
    const own = saved?.[item.key];
    if (own !== undefined) values[item.key] = own;
    else if (prefill[item.key]) {
      values[item.key] = prefill[item.key]!;
      prefilled.add(item.key);
    } else values[item.key] = '';
  }
  return { values, prefilled };
}
