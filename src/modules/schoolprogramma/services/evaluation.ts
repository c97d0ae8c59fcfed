// The rules of an evaluation (plan–do–check–act): results at a moment, links to later scan data
// chosen from the school's own pages, and a decision — doorgaan, bijstellen or stoppen — that
// needs a reason. The form is checked here so a refused save keeps every value the user typed.
import { parseIsoDate } from '../../../platform/input/strict.ts';
import type { EvaluationDecision, PlanLink } from '../tables.ts';

export const addedAuditAction = 'schoolprogramma.evaluatie-toegevoegd';
export const changedAuditAction = 'schoolprogramma.evaluatie-gewijzigd';

export const decisions: readonly EvaluationDecision[] = ['doorgaan', 'bijstellen', 'stoppen'];

export const maxResultsLength = 5000;
export const maxReasonLength = 2000;

export interface EvaluationInput {
  datum: string;
  resultaten: string;
  links: string[];
  besluit: string;
  reden: string;
}

export interface EvaluationValue {
  evaluatedOn: string;
  results: string;
  links: PlanLink[];
  decision: EvaluationDecision | null;
  reason: string;
}

export type EvaluationParse =
  { ok: true; value: EvaluationValue } | { ok: false; errors: Record<string, string> };

/** '2022-06-14' or '14-6-2022' (as typed in the Netherlands) to 'YYYY-MM-DD'; else null. */
export function parseDay(s: string): string | null {
  const t = s.trim();
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(t);
  return parseIsoDate(nl ? `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` : t);
}

/**
 * Checks an evaluation form. `options` are the links the school may choose (its own scan pages);
 * `startsOn` is when the intervention started (results cannot be from before) and `today` the
 * last day results can be from.
 */
export function parseEvaluation(
  input: EvaluationInput,
  options: PlanLink[],
  startsOn: string,
  today: string,
): EvaluationParse {
  const errors: Record<string, string> = {};
  const day = parseDay(input.datum);
  if (input.datum.trim() === '') errors.datum = 'Vul de datum van de evaluatie in.';
  else if (!day) errors.datum = 'Vul de datum in als dag-maand-jaar, bijvoorbeeld 14-6-2022.';
  else if (day < startsOn)
    errors.datum =
      'De datum ligt vóór de start van de interventie. Kies een datum waarop er resultaten waren.';
  else if (day > today) errors.datum = 'De datum ligt in de toekomst. Leg resultaten vast als ze er zijn.';
  const results = input.resultaten.trim();
  if (results === '') errors.resultaten = 'Beschrijf de resultaten: wat zag u, en bij wie?';
  else if (results.length > maxResultsLength)
    errors.resultaten = `Beschrijf de resultaten in hoogstens ${maxResultsLength} tekens.`;
  const links: PlanLink[] = [];
  for (const href of new Set(input.links)) {
    const option = options.find((o) => o.href === href);
    if (!option) {
      errors.links = 'Kies alleen gegevens uit de lijst: de schoolscans van uw eigen school.';
      break;
    }
    links.push(option);
  }
  let decision: EvaluationDecision | null = null;
  if (input.besluit !== '') {
    if ((decisions as readonly string[]).includes(input.besluit))
      decision = input.besluit as EvaluationDecision;
    else errors.besluit = 'Kies doorgaan, bijstellen of stoppen, of nog geen besluit.';
  }
  const reason = input.reden.trim();
  if (decision && reason === '') errors.reden = 'Schrijf op waarom u tot dit besluit komt.';
  else if (reason.length > maxReasonLength)
    errors.reden = `Schrijf de reden in hoogstens ${maxReasonLength} tekens.`;
  else if (!decision && input.besluit === '' && reason !== '')
    errors.besluit = 'U schreef een reden op maar koos geen besluit. Kies doorgaan, bijstellen of stoppen.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { evaluatedOn: day!, results, links, decision, reason: decision ? reason : '' } };
}

/** The latest decision of a list of evaluations (newest date first, then newest id). */
export function latestDecision<
  T extends { id: number; evaluated_on: string; decision: EvaluationDecision | null },
>(rows: T[]): T | undefined {
  return rows
    .filter((r) => r.decision !== null)
    .sort((a, b) => b.evaluated_on.localeCompare(a.evaluated_on) || b.id - a.id)[0];
}
