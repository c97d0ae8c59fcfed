// What a questionnaire is: sections of questions, stored as one JSON definition per questionnaire
// (questionnaire.definition) and checked here. Questionnaires are data: an analist builds or
// copies one in the browser, the seeds in resources/verantwoording/ are the real rounds.
import { z } from 'zod';

/** The kinds of question a definition can hold, with the form of their answer (services/answers.ts). */
export const questionTypes = [
  'ja-nee', // 'ja' | 'nee'
  'een-keuze', // one option value
  'meer-keuze', // one or more option values
  'getal', // a whole or decimal number (min/max)
  'bedrag', // euros, kept as integer cents
  'tekst', // free text (maxLength)
  'interventies', // intervention codes from the menu in force
  'bedragen-per-categorie', // euros per menu category A–F, kept as cents, with a total
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** The menu categories a money table has a row for. */
export const menuCategories = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/**
 * Where a prefilled answer comes from. The school's or board's own data in the platform; the
 * person answering may change it. Only these sources exist (services/prefill.ts reads them).
 */
export const prefillSources = [
  'schoolscan-gedaan', // ja-nee: the school completed its scan for the questionnaire's school year
  'aandachtsgebieden', // meer-keuze: the domains of the scan's focus points
  'interventies-plan', // interventies: the interventions of the adopted (newest consented) plan
  'besteding-per-categorie', // bedragen-per-categorie: money spent per menu category
  'mr-instemming', // ja-nee: the MR consented to the newest submitted version
  'pnil-aandeel', // getal: the share (%) of external staff (PNIL) in the money spent
] as const;
export type PrefillSource = (typeof prefillSources)[number];

/**
 * Question keys that mean the same thing in every round, so monitoring can follow them over the
 * years. A definition may use them only with the type given here.
 */
export const coreQuestions = {
  'schoolscan-gedaan': 'ja-nee',
  aandachtsgebieden: 'meer-keuze',
  interventies: 'interventies',
  besteding: 'bedragen-per-categorie',
  'mr-instemming': 'ja-nee',
  'pnil-aandeel': 'getal',
} as const satisfies Record<string, QuestionType>;

/** The options of aandachtsgebieden (the scan's domains), the same in every round. */
export const focusDomains = [
  { value: 'cognitief', label: 'Cognitieve ontwikkeling (taal, rekenen, lezen)' },
  { value: 'sociaal-emotioneel', label: 'Sociaal-emotionele ontwikkeling' },
  { value: 'welbevinden', label: 'Welbevinden' },
  { value: 'executieve-functies', label: 'Executieve functies' },
] as const;

const key = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Een sleutel bestaat uit kleine letters, cijfers en streepjes.')
  .max(60);

const option = z.object({ value: key, label: z.string().min(1).max(200) });

/** Shown only when an earlier question has one of these answers (ja-nee, een- or meer-keuze). */
const condition = z.object({ question: key, oneOf: z.array(z.string().min(1)).min(1) });

export const questionSchema = z.object({
  key,
  type: z.enum(questionTypes),
  label: z.string().min(1).max(300),
  hint: z.string().max(600).optional(),
  required: z.boolean(),
  options: z.array(option).optional(),
  condition: condition.optional(),
  prefill: z.enum(prefillSources).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().max(10_000).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  key,
  title: z.string().min(1).max(200),
  intro: z.string().max(2000).optional(),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const definitionSchema = z
  .object({ sections: z.array(sectionSchema).min(1) })
  .superRefine((d, ctx) => {
    const seen = new Map<string, Question>();
    const sectionKeys = new Set<string>();
    for (const [si, s] of d.sections.entries()) {
      if (sectionKeys.has(s.key))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', si, 'key'],
          message: `Onderdeel ${s.key} staat er twee keer in.`,
        });
      sectionKeys.add(s.key);
      for (const [qi, q] of s.questions.entries()) {
        const path = ['sections', si, 'questions', qi];
        if (seen.has(q.key))
          ctx.addIssue({ code: 'custom', path, message: `Vraag ${q.key} staat er twee keer in.` });
        const core = (coreQuestions as Record<string, QuestionType>)[q.key];
        if (core && core !== q.type)
          ctx.addIssue({ code: 'custom', path, message: `Vraag ${q.key} is overal van het soort ${core}.` });
        const choice = q.type === 'een-keuze' || q.type === 'meer-keuze';
        if (choice && (q.options?.length ?? 0) < 2)
          ctx.addIssue({
            code: 'custom',
            path,
            message: `Vraag ${q.key} heeft minstens twee antwoorden nodig.`,
          });
        if (q.condition) {
          // A condition looks back: the question it depends on comes earlier and has choices.
          const on = seen.get(q.condition.question);
          if (!on || !['ja-nee', 'een-keuze', 'meer-keuze'].includes(on.type))
            ctx.addIssue({
              code: 'custom',
              path,
              message: `Vraag ${q.key} hangt af van ${q.condition.question}, die eerder moet staan en keuzes moet hebben.`,
            });
        }
        seen.set(q.key, q);
      }
    }
  });
export type Definition = z.infer<typeof definitionSchema>;

/** Every question of a definition, in order, with its section's key. */
export function questionsOf(d: Definition): Array<Question & { section: string }> {
  return d.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s.key })));
}
