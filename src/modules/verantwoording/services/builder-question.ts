// The analist's forms for a section and a question: parsed and checked here (pure), with Dutch
// messages per field. Options are typed one per line, as `waarde | label` or only a label (the
// value is then made from the label). A prefill is offered only where it fits the type.
import {
  coreQuestions,
  questionTypes,
  type Definition,
  type PrefillSource,
  type Question,
  type QuestionType,
  type Section,
} from './definition.ts';
import { slugPattern, type Checked, type Errors } from './builder-meta.ts';

export type SectionForm = {
  'onderdeel-sleutel': string;
  titel: string;
  inleiding: string;
};

export type QuestionForm = {
  sleutel: string;
  soort: string;
  vraag: string;
  uitleg: string;
  verplicht: string;
  antwoorden: string;
  voorwaarde: string;
  'voorwaarde-antwoorden': string;
  vooringevuld: string;
  minimum: string;
  maximum: string;
  maxlengte: string;
};

/** Which prefill source fits which type of question (services/prefill.ts fills them). */
export const prefillFits: Record<PrefillSource, QuestionType> = {
  'schoolscan-gedaan': 'ja-nee',
  aandachtsgebieden: 'meer-keuze',
  'interventies-plan': 'interventies',
  'besteding-per-categorie': 'bedragen-per-categorie',
  'mr-instemming': 'ja-nee',
  'pnil-aandeel': 'getal',
};

export const choiceTypes: readonly QuestionType[] = ['ja-nee', 'een-keuze', 'meer-keuze'];
const keyMessage =
  'Gebruik voor de sleutel alleen kleine letters, cijfers en streepjes (hooguit 60 tekens); het woord nieuw is gereserveerd.';

/** 'Toetsen uit het LVS' → 'toetsen-uit-het-lvs'. */
export function valueOf(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** One option per line: `waarde | label` or a label alone. */
export function parseOptions(text: string): { options: { value: string; label: string }[]; error?: string } {
  const options: { value: string; label: string }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bar = line.indexOf('|');
    const value = bar >= 0 ? line.slice(0, bar).trim() : valueOf(line);
    const label = bar >= 0 ? line.slice(bar + 1).trim() : line;
    if (!label) return { options, error: `Bij "${line}" ontbreekt de tekst van het antwoord na de |.` };
    if (label.length > 200)
      return { options, error: `Het antwoord "${label.slice(0, 40)}…" is te lang: hooguit 200 tekens.` };
    if (!value || !slugPattern.test(value) || value.length > 60)
      return {
        options,
        error: `De waarde van "${label}" mag alleen kleine letters, cijfers en streepjes hebben (bijvoorbeeld ${valueOf(label) || 'antwoord-1'}).`,
      };
    if (options.some((o) => o.value === value))
      return {
        options,
        error: `De waarde ${value} staat er twee keer in. Geef elk antwoord een eigen waarde.`,
      };
    options.push({ value, label });
  }
  return { options };
}

export function optionsText(q: Pick<Question, 'options'>): string {
  return (q.options ?? []).map((o) => `${o.value} | ${o.label}`).join('\n');
}

export function checkSection(f: SectionForm, locked?: Section): Checked<Omit<Section, 'questions'>> {
  const errors: Errors = {};
  const key = locked?.key ?? f['onderdeel-sleutel'].trim();
  if (!locked && (!slugPattern.test(key) || key.length > 60 || key === 'nieuw'))
    errors['onderdeel-sleutel'] = keyMessage;
  const title = f.titel.trim();
  if (!title) errors.titel = 'Vul een titel in voor het onderdeel.';
  else if (title.length > 200) errors.titel = 'Maak de titel korter: hooguit 200 tekens.';
  const intro = f.inleiding.trim();
  if (intro.length > 2000) errors.inleiding = 'Maak de inleiding korter: hooguit 2000 tekens.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { key, title, ...(intro ? { intro } : {}) } };
}

const number = (s: string) => {
  const t = s.trim().replace(',', '.');
  return t === '' ? undefined : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
};

/**
 * Checks a question form. `before` are the questions that come earlier in the questionnaire
 * (a condition may only look back). `locked`: the questionnaire has responses, so only the
 * texts (question and explanation) change; everything else stays as it is.
 */
export function checkQuestion(f: QuestionForm, before: Question[], locked?: Question): Checked<Question> {
  const errors: Errors = {};
  const label = f.vraag.trim();
  if (!label) errors.vraag = 'Vul de vraag in.';
  else if (label.length > 300) errors.vraag = 'Maak de vraag korter: hooguit 300 tekens.';
  const hint = f.uitleg.trim();
  if (hint.length > 600) errors.uitleg = 'Maak de uitleg korter: hooguit 600 tekens.';
  if (locked) {
    if (Object.keys(errors).length) return { ok: false, errors };
    const { hint: _old, ...rest } = locked;
    return { ok: true, value: { ...rest, label, ...(hint ? { hint } : {}) } };
  }
  const key = f.sleutel.trim();
  if (!slugPattern.test(key) || key.length > 60 || key === 'nieuw') errors.sleutel = keyMessage;
  const type = (questionTypes as readonly string[]).includes(f.soort) ? (f.soort as QuestionType) : undefined;
  if (!type) errors.soort = 'Kies het soort vraag.';
  const core = (coreQuestions as Record<string, QuestionType>)[key];
  if (type && core && core !== type)
    errors.soort = `De sleutel ${key} betekent in elke ronde hetzelfde en hoort bij het soort ${core}. Kies dat soort of een andere sleutel.`;
  if (f.verplicht !== 'ja' && f.verplicht !== 'nee') errors.verplicht = 'Kies of de vraag verplicht is.';
  const q: Question = { key, type: type ?? 'tekst', label, required: f.verplicht === 'ja' };
  if (hint) q.hint = hint;

  if (type === 'een-keuze' || type === 'meer-keuze') {
    const parsed = parseOptions(f.antwoorden);
    if (parsed.error) errors.antwoorden = parsed.error;
    else if (parsed.options.length < 2)
      errors.antwoorden = 'Geef minstens twee antwoorden, elk op een eigen regel.';
    else q.options = parsed.options;
  }
  if (type === 'getal') {
    const min = number(f.minimum);
    const max = number(f.maximum);
    if (Number.isNaN(min)) errors.minimum = 'Vul als kleinste waarde een getal in, of laat het leeg.';
    if (Number.isNaN(max)) errors.maximum = 'Vul als grootste waarde een getal in, of laat het leeg.';
    if (min !== undefined && max !== undefined && !Number.isNaN(min) && !Number.isNaN(max) && max < min)
      errors.maximum = 'De grootste waarde is kleiner dan de kleinste. Verbeter een van beide.';
    if (min !== undefined && !Number.isNaN(min)) q.min = min;
    if (max !== undefined && !Number.isNaN(max)) q.max = max;
  }
  if (type === 'tekst' && f.maxlengte.trim()) {
    const n = number(f.maxlengte);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 10_000)
      errors.maxlengte =
        'Vul als grootste lengte een heel getal van 1 tot en met 10.000 in, of laat het leeg.';
    else q.maxLength = n;
  }

  if (f.vooringevuld) {
    const fits = prefillFits[f.vooringevuld as PrefillSource];
    if (!fits) errors.vooringevuld = 'Kies een bron uit de lijst.';
    else if (type && fits !== type)
      errors.vooringevuld = `Deze bron past alleen bij een vraag van het soort ${fits}.`;
    else q.prefill = f.vooringevuld as PrefillSource;
  }

  if (f.voorwaarde) {
    const on = before.find((b) => b.key === f.voorwaarde);
    if (!on || !choiceTypes.includes(on.type))
      errors.voorwaarde = 'Kies een eerdere vraag met keuzes (ja/nee, één keuze of meer keuzes).';
    else {
      const allowed = on.type === 'ja-nee' ? ['ja', 'nee'] : (on.options ?? []).map((o) => o.value);
      const oneOf = f['voorwaarde-antwoorden']
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const wrong = oneOf.filter((v) => !allowed.includes(v));
      if (!oneOf.length)
        errors['voorwaarde-antwoorden'] =
          `Vul in bij welk antwoord de vraag verschijnt: ${allowed.join(', ')}.`;
      else if (wrong.length)
        errors['voorwaarde-antwoorden'] =
          `${wrong.join(', ')} is geen antwoord van die vraag. Kies uit: ${allowed.join(', ')}.`;
      else q.condition = { question: on.key, oneOf };
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: q };
}

export function questionFormOf(q: Question): QuestionForm {
  return {
    sleutel: q.key,
    soort: q.type,
    vraag: q.label,
    uitleg: q.hint ?? '',
    verplicht: q.required ? 'ja' : 'nee',
    antwoorden: optionsText(q),
    voorwaarde: q.condition?.question ?? '',
    'voorwaarde-antwoorden': q.condition?.oneOf.join(', ') ?? '',
    vooringevuld: q.prefill ?? '',
    minimum: q.min === undefined ? '' : String(q.min).replace('.', ','),
    maximum: q.max === undefined ? '' : String(q.max).replace('.', ','),
    maxlengte: q.maxLength === undefined ? '' : String(q.maxLength),
  };
}

export const emptyQuestionForm: QuestionForm = {
  sleutel: '',
  soort: 'ja-nee',
  vraag: '',
  uitleg: '',
  verplicht: 'ja',
  antwoorden: '',
  voorwaarde: '',
  'voorwaarde-antwoorden': '',
  vooringevuld: '',
  minimum: '',
  maximum: '',
  maxlengte: '',
};

/** The questions before position `index` of section `sectionKey` (all of them when index is past the end). */
export function questionsBefore(d: Definition, sectionKey: string, index: number): Question[] {
  const out: Question[] = [];
  for (const s of d.sections) {
    if (s.key === sectionKey) return [...out, ...s.questions.slice(0, index)];
    out.push(...s.questions);
  }
  return out;
}
