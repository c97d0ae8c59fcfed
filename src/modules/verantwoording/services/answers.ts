// Reading one section's form into answers, per question type, with a Dutch message per field that
// says what to do. Pure: the caller gives the section, the answers saved so far (a condition may
// look at an earlier section) and the codes of the menu. Field names are `v-<key>` (and
// `v-<key>-A` … `-F`, `v-<key>-totaal` for a money table), so no question key can collide with the
// form's own fields (revisie, klaar, _csrf).
import { parseEuroToCents } from '../../funding/services/money.ts';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { AnswerValue, Answers } from '../tables.ts';
import { isShown } from './answer-rows.ts';
import { menuCategories, questionsOf, type Definition, type Question, type Section } from './definition.ts';

/** No answered amount is larger than this: € 100.000.000 (a typo, not a school's money). */
export const maxAnswerCents = 10_000_000_000;
/** Free text when a question names no maximum. */
export const defaultMaxLength = 2000;

export type RawForm = Record<string, string | string[] | undefined>;
export type FieldErrors = Record<string, string>;

export const fieldName = (key: string) => `v-${key}`;
export const cellName = (key: string, category: string) => `v-${key}-${category}`;
export const totalName = (key: string) => `v-${key}-totaal`;

const one = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const all = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map((s) => s.trim()).filter(Boolean);

/** Cents as a person types them: 123456 -> "1.234,56" (no euro sign: the label says euro). */
export function centsToInput(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    cents / 100,
  );
}

/** A number as a person types it in Dutch: 12.5 -> "12,5". */
export const numberToInput = (n: number) => String(n).replace('.', ',');

type Parsed = { ok: true; value: AnswerValue | undefined } | { ok: false; message: string; field?: string };

function parseAmount(
  text: string,
  what: string,
): { ok: true; cents: number | undefined } | { ok: false; message: string } {
  if (text === '') return { ok: true, cents: undefined };
  if (/^-/.test(text.replace(/^€\s*/, '')))
    return { ok: false, message: `${what}: een bedrag kan niet negatief zijn.` };
  const cents = parseEuroToCents(text);
  if (cents === null)
    return { ok: false, message: `${what}: vul een bedrag in euro's in, bijvoorbeeld 1.234,56.` };
  if (cents > maxAnswerCents)
    return {
      ok: false,
      message: `${what}: ${formatCents(cents)} is meer dan ${formatCents(maxAnswerCents)}. Controleer het bedrag.`,
    };
  return { ok: true, cents };
}

function parseOne(q: Question, form: RawForm, menuCodes: ReadonlySet<string>): Parsed {
  const raw = form[fieldName(q.key)];
  switch (q.type) {
    case 'ja-nee': {
      const v = one(raw);
      if (v === '') return { ok: true, value: undefined };
      return v === 'ja' || v === 'nee'
        ? { ok: true, value: v }
        : { ok: false, message: `${q.label} Kies ja of nee.` };
    }
    case 'een-keuze': {
      const v = one(raw);
      if (v === '') return { ok: true, value: undefined };
      return q.options?.some((o) => o.value === v)
        ? { ok: true, value: v }
        : { ok: false, message: `${q.label} Kies een van de antwoorden.` };
    }
    case 'meer-keuze': {
      const vs = [...new Set(all(raw))];
      if (vs.some((v) => !q.options?.some((o) => o.value === v)))
        return { ok: false, message: `${q.label} Kies alleen uit de gegeven antwoorden.` };
      return { ok: true, value: vs.length ? vs : undefined };
    }
    case 'interventies': {
      const vs = [...new Set(all(raw))];
      const unknown = vs.filter((v) => !menuCodes.has(v));
      if (unknown.length)
        return {
          ok: false,
          message: `${q.label} ${unknown.join(', ')} staat niet op de menukaart; kies uit de lijst.`,
        };
      return { ok: true, value: vs.length ? vs : undefined };
    }
    case 'getal': {
      const v = one(raw);
      if (v === '') return { ok: true, value: undefined };
      if (!/^-?\d+([.,]\d+)?$/.test(v))
        return { ok: false, message: `${q.label} Vul een getal in, bijvoorbeeld 12 of 12,5.` };
      const n = Number(v.replace(',', '.'));
      if (q.min !== undefined && n < q.min)
        return { ok: false, message: `${q.label} Vul een getal in van ${numberToInput(q.min)} of meer.` };
      if (q.max !== undefined && n > q.max)
        return { ok: false, message: `${q.label} Vul een getal in van ${numberToInput(q.max)} of minder.` };
      return { ok: true, value: n };
    }
    case 'bedrag': {
      const r = parseAmount(one(raw), q.label);
      return r.ok ? { ok: true, value: r.cents } : r;
    }
    case 'tekst': {
      const v = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
      const max = q.maxLength ?? defaultMaxLength;
      if (v.length > max)
        return {
          ok: false,
          message: `${q.label} Gebruik hoogstens ${max} tekens; nu zijn het er ${v.length}.`,
        };
      return { ok: true, value: v === '' ? undefined : v };
    }
    case 'bedragen-per-categorie':
      return parseTable(q, form);
  }
}

/** A money table: a cell per menu category and a total that, when given, must add up. */
function parseTable(q: Question, form: RawForm): Parsed {
  const value: Record<string, number> = {};
  for (const c of menuCategories) {
    const r = parseAmount(one(form[cellName(q.key, c)]), `Categorie ${c}`);
    if (!r.ok) return { ok: false, message: `${q.label} ${r.message}`, field: cellName(q.key, c) };
    if (r.cents !== undefined) value[c] = r.cents;
  }
  const total = parseAmount(one(form[totalName(q.key)]), 'Totaal');
  if (!total.ok) return { ok: false, message: `${q.label} ${total.message}`, field: totalName(q.key) };
  const sum = Object.values(value).reduce((a, b) => a + b, 0);
  if (total.cents !== undefined && total.cents !== sum)
    return {
      ok: false,
      field: totalName(q.key),
      message: `${q.label} De categorieën tellen op tot ${formatCents(sum)}, maar als totaal staat er ${formatCents(total.cents)}. Pas een bedrag of het totaal aan, of laat het totaal leeg.`,
    };
  return { ok: true, value: Object.keys(value).length ? value : undefined };
}

/** Whether a question has an answer (an empty list or table counts as none). */
export function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return v !== '';
}

export const requiredMessage = (q: Question) =>
  q.type === 'meer-keuze' || q.type === 'interventies'
    ? `${q.label} Kies minstens één antwoord.`
    : q.type === 'bedragen-per-categorie'
      ? `${q.label} Vul minstens één bedrag in.`
      : `${q.label} Deze vraag is verplicht; vul een antwoord in.`;

/** The field an error about a question points at (the first input of its group). */
export const anchorOf = (q: Question) =>
  q.type === 'bedragen-per-categorie' ? cellName(q.key, 'A') : fieldName(q.key);

export type SectionResult =
  { ok: true; answers: Answers; complete: boolean } | { ok: false; errors: FieldErrors };

/**
 * Reads a section's form on top of the saved answers. Questions hidden by their condition (given
 * the new answers) lose their answer. `asComplete`: also refuse a shown required question left
 * empty. `complete` says whether every shown required question of the section has an answer.
 */
export function parseSection(
  section: Section,
  saved: Answers,
  form: RawForm,
  menuCodes: ReadonlySet<string>,
  asComplete: boolean,
): SectionResult {
  const answers: Answers = { ...saved };
  const errors: FieldErrors = {};
  for (const q of section.questions) {
    const r = parseOne(q, form, menuCodes);
    if (!r.ok) errors[r.field ?? anchorOf(q)] = r.message;
    else if (r.value === undefined) delete answers[q.key];
    else answers[q.key] = r.value;
  }
  // Conditions read answers before them, so one pass in order settles them.
  for (const q of section.questions) if (!isShown(q, answers)) delete answers[q.key];
  const missing = missingRequired(section.questions, answers);
  if (asComplete)
    // A question that only appears through this save was never seen: the page shows it next.
    for (const q of missing.filter((m) => isShown(m, saved))) {
      const f = anchorOf(q);
      if (!errors[f] && !Object.keys(errors).some((e) => e.startsWith(`${fieldName(q.key)}-`)))
        errors[f] = requiredMessage(q);
    }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, answers, complete: missing.length === 0 };
}

/** Shown required questions without an answer. */
export function missingRequired(questions: readonly Question[], answers: Answers): Question[] {
  return questions.filter((q) => q.required && isShown(q, answers) && !isAnswered(answers[q.key]));
}

/** Per section of the definition: the required questions still open (for submit and the overview). */
export function openRequired(definition: Definition, answers: Answers) {
  return definition.sections
    .map((s) => ({ section: s, missing: missingRequired(s.questions, answers) }))
    .filter((s) => s.missing.length > 0);
}

/** The form values that show saved answers again (for the section page). */
export function formOf(section: Section, answers: Answers): RawForm {
  const out: RawForm = {};
  for (const q of section.questions) {
    const v = answers[q.key];
    if (v === undefined) continue;
    if (q.type === 'bedragen-per-categorie' && typeof v === 'object' && !Array.isArray(v)) {
      for (const [c, cents] of Object.entries(v)) out[cellName(q.key, c)] = centsToInput(cents);
      out[totalName(q.key)] = centsToInput(Object.values(v).reduce((a, b) => a + b, 0));
    } else if (q.type === 'bedrag' && typeof v === 'number') out[fieldName(q.key)] = centsToInput(v);
    else if (q.type === 'getal' && typeof v === 'number') out[fieldName(q.key)] = numberToInput(v);
    else out[fieldName(q.key)] = Array.isArray(v) ? v : String(v);
  }
  return out;
}

/** Only the answers the definition shows, in its order (what a submission keeps). */
export function shownAnswers(definition: Definition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questionsOf(definition))
    if (answers[q.key] !== undefined && isShown(q, answers)) out[q.key] = answers[q.key]!;
  return out;
}

/**
 * The saved answers with the choices as typed in a refused or stale form, so the page shows the
 * questions that belong to what the person chose, not to what was saved before.
 */
export function choicesAsTyped(section: Section, saved: Answers, form: RawForm): Answers {
  const out: Answers = { ...saved };
  for (const q of section.questions) {
    if (q.type !== 'ja-nee' && q.type !== 'een-keuze' && q.type !== 'meer-keuze') continue;
    const v = all(form[fieldName(q.key)]);
    if (!v.length) delete out[q.key];
    else out[q.key] = q.type === 'meer-keuze' ? v : v[0]!;
  }
  return out;
}
