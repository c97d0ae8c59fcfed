// The rules of the plan's own parts: a goal (what, for whom, by when, how measured, which focus
// points it answers) and an intervention (chosen from the menu in force, for whom, when, who is
// responsible, how it is evaluated). Pure functions: the routes give them the form and what the
// school may link to, and get back either clean values or a Dutch message per field.
import { parseDutchDate } from '../../../platform/input/text-file.ts';

/** Money of the programme may be spent from the start of 2021-22 until 31 July 2025. */
export const programmeStart = '2021-08-01';
export const programmeEnd = '2025-07-31';

export const maxShortText = 300;
export const maxLongText = 4000;
export const maxPupils = 5000;

export type Errors = Record<string, string>;
export type Checked<T> = { ok: true; values: T } | { ok: false; errors: Errors };

/** '2022-07-15' → '15-07-2022': how the plan's pages show and prefill a date. */
export function toDutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** A Dutch date within the programme period, or the message for the field. */
function checkDate(raw: string, what: string): { iso: string } | { error: string } {
  if (!raw.trim()) return { error: `Vul ${what} in, als dd-mm-jjjj (bijvoorbeeld 15-07-2022).` };
  const iso = parseDutchDate(raw);
  if (!iso)
    return { error: `Vul ${what} in als een bestaande datum, als dd-mm-jjjj (bijvoorbeeld 15-07-2022).` };
  if (iso < programmeStart || iso > programmeEnd)
    return {
      error: `${capital(what)} moet tussen 1 augustus 2021 en 31 juli 2025 liggen: tot die dag mag het geld van het programma worden besteed.`,
    };
  return { iso };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function required(errors: Errors, field: string, value: string, message: string, max = maxShortText) {
  const v = value.trim();
  if (!v) errors[field] = message;
  else if (v.length > max) errors[field] = `Gebruik hier ten hoogste ${max} tekens (nu ${v.length}).`;
  return v;
}

function optional(errors: Errors, field: string, value: string, max = maxLongText) {
  const v = value.trim();
  if (v.length > max) errors[field] = `Gebruik hier ten hoogste ${max} tekens (nu ${v.length}).`;
  return v;
}

/** Ids from checkboxes: each must be one the school may link; unknown ones are an error, not dropped. */
function checkIds(
  errors: Errors,
  field: string,
  raw: string[],
  allowed: ReadonlySet<number>,
  message: string,
): number[] {
  const ids = [...new Set(raw.map(Number))];
  if (ids.some((n) => !Number.isSafeInteger(n) || !allowed.has(n))) errors[field] = message;
  return ids.filter((n) => allowed.has(n)).sort((a, b) => a - b);
}

// Goals -------------------------------------------------------------------------------------------

export interface GoalForm {
  wat: string;
  voorwie: string;
  datum: string;
  meting: string;
  aandachtspunten: string[];
}

export interface GoalValues {
  what: string;
  forWhom: string;
  dueOn: string;
  measure: string;
  focusPointIds: number[];
}

/** A goal as the form shows it (dates in Dutch). */
export function goalFormOf(g: {
  what: string;
  for_whom: string;
  due_on: string;
  measure: string;
  focus_point_ids: number[];
}): GoalForm {
  return {
    wat: g.what,
    voorwie: g.for_whom,
    datum: toDutchDate(g.due_on),
    meting: g.measure,
    aandachtspunten: g.focus_point_ids.map(String),
  };
}

/** `focusPointIds`: the focus points of this school's scans (a goal may only link those). */
export function checkGoal(form: GoalForm, focusPointIds: ReadonlySet<number>): Checked<GoalValues> {
  const errors: Errors = {};
  const what = required(
    errors,
    'wat',
    form.wat,
    'Beschrijf wat de school met dit doel wil bereiken.',
    maxLongText,
  );
  const forWhom = required(
    errors,
    'voorwie',
    form.voorwie,
    'Vul in voor wie het doel is, bijvoorbeeld "groep 4 en 5".',
  );
  const date = checkDate(form.datum, 'de datum waarop het doel bereikt moet zijn');
  if ('error' in date) errors.datum = date.error;
  const measure = required(
    errors,
    'meting',
    form.meting,
    'Beschrijf hoe de school meet of het doel bereikt is, bijvoorbeeld met welke toets en wanneer.',
    maxLongText,
  );
  const ids = checkIds(
    errors,
    'aandachtspunten',
    form.aandachtspunten,
    focusPointIds,
    'Kies alleen aandachtspunten uit de schoolscan van deze school.',
  );
  if (Object.keys(errors).length || 'error' in date) return { ok: false, errors };
  return { ok: true, values: { what, forWhom, dueOn: date.iso, measure, focusPointIds: ids } };
}

// Interventions -----------------------------------------------------------------------------------

export interface InterventionForm {
  interventie: string;
  aandachtspunten: string[];
  doelen: string[];
  groepen: string[];
  leerlingen: string;
  start: string;
  einde: string;
  verantwoordelijke: string;
  aanpak: string;
  professionalisering: string;
  evaluatie: string;
}

export interface InterventionValues {
  /** The menu intervention (menukaart_intervention.id); only set when newly chosen. */
  interventionId: number | null;
  focusPointIds: number[];
  goalIds: number[];
  grades: number[];
  pupils: number;
  startsOn: string;
  endsOn: string;
  responsible: string;
  approach: string;
  professionalDevelopment: string;
  evaluationPlan: string;
}

/** What an intervention may link to and be chosen from. */
export interface InterventionChoices {
  /** Choosable interventions of the menu in force for this school, by code; null when editing. */
  menu: ReadonlyMap<string, number> | null;
  focusPointIds: ReadonlySet<number>;
  goalIds: ReadonlySet<number>;
  grades: readonly number[];
}

export const notOnMenuMessage =
  'Alleen interventies van de menukaart die nu geldt kunnen worden gekozen. Kies een interventie uit de lijst.';

/**
 * Category F (facilities and preconditions) only supports interventions from A–E: an F
 * intervention is refused while the plan has none from A–E. Codes start with their category.
 */
export function supportOnlyProblem(code: string, categoriesInPlan: readonly string[]): string | null {
  if (!code.trim().toUpperCase().startsWith('F')) return null;
  if (categoriesInPlan.some((c) => /^[A-E]$/.test(c))) return null;
  return 'Een interventie uit F (faciliteiten en randvoorwaarden) ondersteunt andere interventies en kan niet op zichzelf staan. Kies eerst een interventie uit A tot en met E; daarna kunt u deze toevoegen.';
}

/**
 * The other side of the same rule: removing an intervention may not leave F interventions in the
 * plan without one from A–E to support. `categoriesInPlan` still holds the one to remove.
 */
export function leavesFAloneProblem(
  removedCategory: string,
  categoriesInPlan: readonly string[],
): string | null {
  const rest = [...categoriesInPlan];
  rest.splice(rest.indexOf(removedCategory), 1);
  if (!rest.some((c) => /^F$/i.test(c)) || rest.some((c) => /^[A-E]$/i.test(c))) return null;
  return 'Deze interventie kan niet worden verwijderd: het is de laatste uit A tot en met E, en de interventies uit F (faciliteiten en randvoorwaarden) in het schoolprogramma ondersteunen er een. Verwijder eerst de interventies uit F, of voeg eerst een andere interventie uit A tot en met E toe.';
}

export function interventionFormOf(p: {
  code: string;
  focus_point_ids: number[];
  goal_ids: number[];
  grades: number[];
  pupils: number;
  starts_on: string;
  ends_on: string;
  responsible: string;
  approach: string;
  professional_development: string;
  evaluation_plan: string;
}): InterventionForm {
  return {
    interventie: p.code,
    aandachtspunten: p.focus_point_ids.map(String),
    doelen: p.goal_ids.map(String),
    groepen: p.grades.map(String),
    leerlingen: String(p.pupils),
    start: toDutchDate(p.starts_on),
    einde: toDutchDate(p.ends_on),
    verantwoordelijke: p.responsible,
    aanpak: p.approach,
    professionalisering: p.professional_development,
    evaluatie: p.evaluation_plan,
  };
}

export function checkIntervention(
  form: InterventionForm,
  choices: InterventionChoices,
): Checked<InterventionValues> {
  const errors: Errors = {};
  let interventionId: number | null = null;
  if (choices.menu) {
    const found = choices.menu.get(form.interventie.trim());
    if (!form.interventie.trim()) errors.interventie = 'Kies een interventie van de menukaart.';
    else if (found === undefined) errors.interventie = notOnMenuMessage;
    else interventionId = found;
  }
  const focusPointIds = checkIds(
    errors,
    'aandachtspunten',
    form.aandachtspunten,
    choices.focusPointIds,
    'Kies alleen aandachtspunten uit de schoolscan van deze school.',
  );
  const goalIds = checkIds(
    errors,
    'doelen',
    form.doelen,
    choices.goalIds,
    'Kies alleen doelen uit dit schoolprogramma.',
  );
  const grades = checkIds(
    errors,
    'groepen',
    form.groepen,
    new Set(choices.grades),
    'Kies alleen groepen of leerjaren uit de lijst.',
  );
  if (grades.length === 0 && !errors.groepen)
    errors.groepen = 'Kies voor welke groepen of leerjaren de interventie is.';
  const pupilsText = form.leerlingen.trim();
  const pupils = /^\d{1,6}$/.test(pupilsText) ? Number(pupilsText) : NaN;
  if (!pupilsText) errors.leerlingen = 'Vul in voor hoeveel leerlingen de interventie is.';
  else if (!Number.isInteger(pupils) || pupils < 1 || pupils > maxPupils)
    errors.leerlingen = `Vul een heel aantal leerlingen in van 1 tot en met ${maxPupils}.`;
  const start = checkDate(form.start, 'de startdatum');
  if ('error' in start) errors.start = start.error;
  const end = checkDate(form.einde, 'de einddatum');
  if ('error' in end) errors.einde = end.error;
  if ('iso' in start && 'iso' in end && end.iso < start.iso)
    errors.einde = 'De einddatum ligt vóór de startdatum. Vul een einddatum in op of na de startdatum.';
  const responsible = required(
    errors,
    'verantwoordelijke',
    form.verantwoordelijke,
    'Vul in wie verantwoordelijk is voor de uitvoering, bijvoorbeeld "intern begeleider".',
  );
  const approach = optional(errors, 'aanpak', form.aanpak);
  const professionalDevelopment = optional(errors, 'professionalisering', form.professionalisering);
  const evaluationPlan = required(
    errors,
    'evaluatie',
    form.evaluatie,
    'Beschrijf hoe en wanneer de school nagaat of de interventie werkt.',
    maxLongText,
  );
  if (Object.keys(errors).length || !('iso' in start) || !('iso' in end)) return { ok: false, errors };
  return {
    ok: true,
    values: {
      interventionId,
      focusPointIds,
      goalIds,
      grades,
      pupils,
      startsOn: start.iso,
      endsOn: end.iso,
      responsible,
      approach,
      professionalDevelopment,
      evaluationPlan,
    },
  };
}

/** The groups or years a school of this sector teaches: groep 1–8 in PO, leerjaar 1–6 in VO. */
export function gradesOf(sector: string | null): { grades: number[]; word: 'Groep' | 'Leerjaar' } {
  return sector === 'VO' || sector === 'VSO'
    ? { grades: [1, 2, 3, 4, 5, 6], word: 'Leerjaar' }
    : { grades: [1, 2, 3, 4, 5, 6, 7, 8], word: 'Groep' };
}

/** The intro: free text, not too long. */
export function checkIntro(raw: string): Checked<string> {
  const v = raw.trim();
  if (v.length > 8000)
    return { ok: false, errors: { inleiding: `Gebruik ten hoogste 8000 tekens (nu ${v.length}).` } };
  return { ok: true, values: v };
}

/** The hidden `revisie` field: the revision the writer started from (0 when missing or odd). */
export function parseRevision(raw: string): number {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
}
