// The answers a generated school or board gives to any questionnaire, for the national test
// dataset. Core questions (definition.ts coreQuestions) are answered by their meaning from the
// profile (national-profile.ts); every other question by its type. Questions are answered in
// the definition's order, so a condition sees the answers before it; a hidden question gets no
// answer, an optional one is sometimes skipped. Pure and deterministic per stream.
import type { Answers } from '../tables.ts';
import { isShown } from './answer-rows.ts';
import { menuCategories, questionsOf, type Definition, type Question } from './definition.ts';
import type { SchoolYearProfile } from './national-profile.ts';

/** Short texts for open questions: neutral, in the respondent's own voice. */
const texts = [
  'De aanpak loopt volgens plan; het team bespreekt de voortgang elke periode.',
  'We zien vooruitgang bij lezen en rekenen, vooral in de kleine groepen.',
  'Het vinden van extra personeel kostte meer tijd dan verwacht.',
  'Leerlingen en ouders zijn via gesprekken en een korte vragenlijst betrokken.',
  'De extra begeleiding wordt na dit jaar deels in het gewone rooster opgenomen.',
];

/** Chance that an optional question is answered. */
export const optionalAnswered = 0.8;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function byMeaning(q: Question, p: SchoolYearProfile): Answers[string] | undefined {
  switch (q.key) {
    case 'schoolscan-gedaan':
      return p.scanDone ? 'ja' : 'nee';
    case 'aandachtsgebieden': {
      // Only the options this round offers (the builder may have changed the list).
      const offered = new Set((q.options ?? []).map((o) => o.value));
      const chosen = p.domains.filter((d) => offered.has(d));
      return chosen.length ? chosen : undefined;
    }
    case 'interventies':
      return p.interventions;
    case 'besteding':
      return { ...p.spent };
    case 'mr-instemming':
      return p.mrConsent ? 'ja' : 'nee';
    case 'pnil-aandeel':
      return p.pnilPercent;
    default:
      return undefined;
  }
}

function byType(q: Question, random: () => number, p: SchoolYearProfile): Answers[string] | undefined {
  const options = (q.options ?? []).map((o) => o.value);
  switch (q.type) {
    case 'ja-nee':
      return random() < 0.7 ? 'ja' : 'nee';
    case 'een-keuze':
      return options.length ? pick(random, options) : undefined;
    case 'meer-keuze': {
      const chosen = options.filter(() => random() < 0.4);
      return chosen.length ? chosen : options.length ? [pick(random, options)] : undefined;
    }
    case 'getal': {
      const lo = q.min ?? 0;
      const hi = Math.max(lo, Math.min(q.max ?? 100, lo + 1000));
      return lo + Math.floor(random() * (hi - lo + 1));
    }
    case 'bedrag':
      return (1_000 + Math.floor(random() * 49_000)) * 100;
    case 'tekst': {
      const t = pick(random, texts);
      return q.maxLength ? t.slice(0, q.maxLength) : t;
    }
    case 'interventies':
      return p.interventions.length ? p.interventions.slice(0, 1 + Math.floor(random() * 3)) : undefined;
    case 'bedragen-per-categorie':
      return Object.fromEntries(menuCategories.map((c) => [c, Math.floor(random() * 20_000) * 100]));
  }
}

/** The answers to a definition. */
export function generateAnswers(definition: Definition, p: SchoolYearProfile, random: () => number): Answers {
  const answers: Answers = {};
  for (const q of questionsOf(definition)) {
    const skip = random() >= optionalAnswered;
    if (!isShown(q, answers)) continue;
    if (!q.required && skip) continue;
    const v = byMeaning(q, p) ?? byType(q, random, p);
    if (v !== undefined) answers[q.key] = v;
  }
  return answers;
}

/** The first of two submissions: what was sent before the school completed the optional questions. */
export function earlierAnswers(definition: Definition, answers: Answers): Answers {
  const required = new Set(
    questionsOf(definition)
      .filter((q) => q.required)
      .map((q) => q.key),
  );
  return Object.fromEntries(Object.entries(answers).filter(([k]) => required.has(k)));
}
