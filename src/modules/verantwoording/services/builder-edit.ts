// Changes to a questionnaire's definition, one pure function per change in the builder. Each
// returns the new definition checked against definitionSchema, or a Dutch message per form
// field: the schema's own rules (no key twice, a condition only looks back, core keys keep their
// type) are the last word, whatever the forms checked before.
import { definitionSchema, type Definition, type Question, type Section } from './definition.ts';
import type { Checked, Errors } from './builder-meta.ts';

export type Direction = 'omhoog' | 'omlaag';

/** The form field a schema issue belongs to (the question and section forms use these names). */
const fieldOfProperty: Record<string, string> = {
  key: 'sleutel',
  type: 'soort',
  label: 'vraag',
  title: 'titel',
  intro: 'inleiding',
  hint: 'uitleg',
  options: 'antwoorden',
  condition: 'voorwaarde',
  prefill: 'vooringevuld',
  min: 'minimum',
  max: 'maximum',
  maxLength: 'maxlengte',
};

function fieldOfCustom(message: string): string {
  if (message.includes('twee keer')) return 'sleutel';
  if (message.includes('van het soort')) return 'soort';
  if (message.includes('antwoorden')) return 'antwoorden';
  if (message.includes('hangt af van')) return 'voorwaarde';
  return 'vraag';
}

/** Checks a whole definition; issues become messages by form field ('onderdeel' for the rest). */
export function validateDefinition(d: Definition): Checked<Definition> {
  const parsed = definitionSchema.safeParse(d);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    let field: string;
    let message = issue.message;
    if (path.length === 1 && path[0] === 'sections') {
      field = 'onderdeel';
      message = 'Een vragenlijst heeft minstens één onderdeel.';
    } else if (path.length === 3 && path[2] === 'questions') {
      field = 'onderdeel';
      message =
        'Een onderdeel heeft minstens één vraag. Voeg eerst een vraag toe of verwijder het hele onderdeel.';
    } else if (issue.code === 'custom') {
      field = path.length <= 3 ? 'onderdeel-sleutel' : fieldOfCustom(issue.message);
    } else {
      const property = path.length > 4 ? path[4]! : path[path.length - 1]!;
      field =
        path.length <= 3 && property === 'key'
          ? 'onderdeel-sleutel'
          : (fieldOfProperty[property] ?? 'onderdeel');
      message = 'Deze waarde past niet in een vragenlijst. Verbeter het veld of laat het leeg.';
    }
    errors[field] ??= message;
  }
  return { ok: false, errors };
}

const refused = (message: string, field = 'onderdeel'): Checked<Definition> => ({
  ok: false,
  errors: { [field]: message },
});

/** Moves and deletes have no form: their refusal is one message for the whole page. */
function general(out: Checked<Definition>): Checked<Definition> {
  return out.ok ? out : refused(Object.values(out.errors)[0]!);
}

function withSections(d: Definition, sections: Section[]): Checked<Definition> {
  return validateDefinition({ ...d, sections });
}

function move<T>(list: T[], index: number, dir: Direction): T[] | null {
  const to = dir === 'omhoog' ? index - 1 : index + 1;
  if (index < 0 || to < 0 || to >= list.length) return null;
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export function addSection(
  d: Definition,
  s: Omit<Section, 'questions'>,
  first: Question,
): Checked<Definition> {
  if (d.sections.some((x) => x.key === s.key))
    return refused(
      `Er is al een onderdeel met de sleutel ${s.key}. Kies een andere sleutel.`,
      'onderdeel-sleutel',
    );
  return withSections(d, [...d.sections, { ...s, questions: [first] }]);
}

export function updateSection(
  d: Definition,
  key: string,
  s: Omit<Section, 'questions'>,
): Checked<Definition> {
  if (s.key !== key && d.sections.some((x) => x.key === s.key))
    return refused(
      `Er is al een onderdeel met de sleutel ${s.key}. Kies een andere sleutel.`,
      'onderdeel-sleutel',
    );
  return withSections(
    d,
    d.sections.map((x) => (x.key === key ? { ...s, questions: x.questions } : x)),
  );
}

export function moveSection(d: Definition, key: string, dir: Direction): Checked<Definition> {
  const moved = move(
    d.sections,
    d.sections.findIndex((s) => s.key === key),
    dir,
  );
  if (!moved)
    return refused(
      dir === 'omhoog' ? 'Dit onderdeel staat al bovenaan.' : 'Dit onderdeel staat al onderaan.',
    );
  return general(withSections(d, moved));
}

export function deleteSection(d: Definition, key: string): Checked<Definition> {
  return general(
    withSections(
      d,
      d.sections.filter((s) => s.key !== key),
    ),
  );
}

/** Renames conditions that pointed at `from`, so renaming a question keeps what depends on it. */
function renameConditions(sections: Section[], from: string, to: string): Section[] {
  if (from === to) return sections;
  return sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) =>
      q.condition?.question === from ? { ...q, condition: { ...q.condition, question: to } } : q,
    ),
  }));
}

export function addQuestion(d: Definition, sectionKey: string, q: Question): Checked<Definition> {
  return withSections(
    d,
    d.sections.map((s) => (s.key === sectionKey ? { ...s, questions: [...s.questions, q] } : s)),
  );
}

export function updateQuestion(
  d: Definition,
  sectionKey: string,
  key: string,
  q: Question,
): Checked<Definition> {
  const replaced = d.sections.map((s) =>
    s.key === sectionKey ? { ...s, questions: s.questions.map((x) => (x.key === key ? q : x)) } : s,
  );
  return withSections(d, renameConditions(replaced, key, q.key));
}

export function moveQuestion(
  d: Definition,
  sectionKey: string,
  key: string,
  dir: Direction,
): Checked<Definition> {
  const section = d.sections.find((s) => s.key === sectionKey);
  const moved =
    section &&
    move(
      section.questions,
      section.questions.findIndex((q) => q.key === key),
      dir,
    );
  if (!moved)
    return refused(
      dir === 'omhoog'
        ? 'Deze vraag staat al bovenaan het onderdeel.'
        : 'Deze vraag staat al onderaan het onderdeel.',
    );
  return general(
    withSections(
      d,
      d.sections.map((s) => (s.key === sectionKey ? { ...s, questions: moved } : s)),
    ),
  );
}

export function deleteQuestion(d: Definition, sectionKey: string, key: string): Checked<Definition> {
  return general(
    withSections(
      d,
      d.sections.map((s) =>
        s.key === sectionKey ? { ...s, questions: s.questions.filter((q) => q.key !== key) } : s,
      ),
    ),
  );
}

export function findSection(d: Definition, key: string): Section | undefined {
  return d.sections.find((s) => s.key === key);
}

/** A new questionnaire starts with one section and one open question, so it is valid at once. */
export const starterDefinition: Definition = {
  sections: [
    {
      key: 'algemeen',
      title: 'Algemeen',
      questions: [
        {
          key: 'toelichting',
          type: 'tekst',
          label: 'Wilt u nog iets toelichten?',
          required: false,
          maxLength: 2000,
        },
      ],
    },
  ],
};

/** The message shown when the structure may no longer change. */
export const lockedMessage =
  'Er zijn al antwoorden op deze vragenlijst. Daarom kunnen onderdelen en vragen niet meer worden toegevoegd, verplaatst, verwijderd of van soort veranderen. U kunt alleen nog teksten en datums aanpassen.';
