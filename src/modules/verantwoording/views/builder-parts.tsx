// Small pieces the builder's pages share: addresses, breadcrumbs, the names of question types
// and prefill sources in words, and the hidden revision field.
import type { Crumb } from '../../../ui/layout.tsx';
import type { PrefillSource, QuestionType } from '../services/definition.ts';
import type { Audience } from '../tables.ts';

export const builderBase = '/beheer/vragenlijsten';
export const questionnaireHref = (id: number) => `${builderBase}/${id}`;
export const sectionHref = (id: number, section: string) => `${questionnaireHref(id)}/onderdelen/${section}`;
export const questionHref = (id: number, section: string, question: string) =>
  `${sectionHref(id, section)}/vragen/${question}`;

export function builderCrumbs(q?: { id: number; title: string }, extra: Crumb[] = []): Crumb[] {
  const crumbs: Crumb[] = [
    { href: '/overzicht', label: 'Overzicht' },
    { href: builderBase, label: 'Vragenlijsten' },
  ];
  if (q) crumbs.push({ href: questionnaireHref(q.id), label: q.title });
  return [...crumbs, ...extra];
}

export const typeNames: Record<QuestionType, string> = {
  'ja-nee': 'Ja of nee',
  'een-keuze': 'Eén antwoord kiezen',
  'meer-keuze': 'Eén of meer antwoorden kiezen',
  getal: 'Getal',
  bedrag: 'Bedrag in euro’s',
  tekst: 'Open tekst',
  interventies: 'Interventies van de menukaart',
  'bedragen-per-categorie': 'Bedragen per categorie van de menukaart (A tot en met F)',
};

export const prefillNames: Record<PrefillSource, string> = {
  'schoolscan-gedaan': 'Of de schoolscan af is (schoolscan)',
  aandachtsgebieden: 'De gebieden van de aandachtspunten (schoolscan)',
  'interventies-plan': 'De interventies van het vastgestelde schoolprogramma',
  'besteding-per-categorie': 'Het bestede geld per categorie (schoolprogramma)',
  'mr-instemming': 'Of de MR heeft ingestemd (schoolprogramma)',
  'pnil-aandeel': 'Het aandeel personeel niet in loondienst (schoolprogramma)',
};

export const audienceNames: Record<Audience, string> = {
  school: 'Schoolleiders',
  bestuur: 'Besturen',
};

export const statusNames = { concept: 'Concept', gepubliceerd: 'Gepubliceerd' } as const;

export const staleMessage =
  'Iemand anders heeft deze vragenlijst intussen gewijzigd. Uw invoer staat hieronder nog; bekijk de vragenlijst opnieuw en sla daarna nog eens op.';

export function RevisionField({ revision }: { revision: number }) {
  return <input type="hidden" name="revisie" value={String(revision)} />;
}
