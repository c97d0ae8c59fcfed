// Test data for verantwoording: a small questionnaire with every kind of question (one conditional,
// the core keys with their prefill), written straight into the table, so each part's tests can
// start without the builder's pages.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme, listSchoolYears } from '../../../platform/programme.ts';
import { definitionSchema, focusDomains, type Definition } from '../services/definition.ts';
import type { Audience } from '../tables.ts';

export const testDefinition: Definition = definitionSchema.parse({
  sections: [
    {
      key: 'schoolscan',
      title: 'De schoolscan',
      questions: [
        {
          key: 'schoolscan-gedaan',
          type: 'ja-nee',
          label: 'Heeft de school een schoolscan gemaakt?',
          required: true,
          prefill: 'schoolscan-gedaan',
        },
        {
          key: 'bronnen',
          type: 'meer-keuze',
          label: 'Welke bronnen gebruikte de school?',
          required: true,
          condition: { question: 'schoolscan-gedaan', oneOf: ['ja'] },
          options: [
            { value: 'lvs', label: 'Toetsen uit het leerlingvolgsysteem' },
            { value: 'team', label: 'Gesprekken met het team' },
            { value: 'leerlingen', label: 'Vragenlijsten voor leerlingen' },
          ],
        },
        {
          key: 'aandachtsgebieden',
          type: 'meer-keuze',
          label: 'Op welke gebieden is de achterstand het grootst?',
          required: true,
          prefill: 'aandachtsgebieden',
          options: focusDomains.map((d) => ({ ...d })),
        },
      ],
    },
    {
      key: 'programma',
      title: 'Het schoolprogramma',
      questions: [
        {
          key: 'interventies',
          type: 'interventies',
          label: 'Welke interventies van de menukaart zet de school in?',
          required: true,
          prefill: 'interventies-plan',
        },
        {
          key: 'mr-instemming',
          type: 'ja-nee',
          label: 'Heeft de MR ingestemd met het schoolprogramma?',
          required: true,
          prefill: 'mr-instemming',
        },
        {
          key: 'besteding',
          type: 'bedragen-per-categorie',
          label: 'Hoeveel geld ging naar elke categorie van de menukaart?',
          required: false,
          prefill: 'besteding-per-categorie',
        },
        {
          key: 'team-betrokken',
          type: 'een-keuze',
          label: 'Hoe was het team betrokken?',
          required: true,
          options: [
            { value: 'meebeslist', label: 'Het team besliste mee' },
            { value: 'geraadpleegd', label: 'Het team is geraadpleegd' },
            { value: 'geinformeerd', label: 'Het team is geïnformeerd' },
          ],
        },
        {
          key: 'uren-extra',
          type: 'getal',
          label: 'Hoeveel uur extra ondersteuning per week?',
          required: false,
          min: 0,
          max: 1000,
        },
        {
          key: 'extra-kosten',
          type: 'bedrag',
          label: 'Welke kosten maakte de school daarnaast?',
          required: false,
        },
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
});

export interface SeededQuestionnaire {
  id: number;
  programmeId: number;
  schoolYearId: number;
}

/** A published questionnaire of the first school year, open from opensOn to closesOn. */
export async function seedQuestionnaire(
  db: Kysely<DB>,
  opts: {
    audience?: Audience;
    slug?: string;
    definition?: Definition;
    opensOn?: string;
    closesOn?: string;
    status?: 'concept' | 'gepubliceerd';
  } = {},
): Promise<SeededQuestionnaire> {
  const programme = await loadProgramme(db);
  const [year] = await listSchoolYears(db, programme.id);
  const audience = opts.audience ?? 'school';
  const row = await db
    .insertInto('questionnaire')
    .values({
      programme_id: programme.id,
      school_year_id: year!.id,
      audience,
      slug: opts.slug ?? `test-${audience}-${Math.random().toString(36).slice(2, 10)}`,
      title:
        audience === 'school' ? 'Vragenlijst voor schoolleiders (test)' : 'Vragenlijst voor besturen (test)',
      intro: 'Een korte vragenlijst voor de tests.',
      opens_on: opts.opensOn ?? '2021-08-23',
      closes_on: opts.closesOn ?? '2021-09-17',
      status: opts.status ?? 'gepubliceerd',
      definition: JSON.stringify(opts.definition ?? testDefinition),
      published_at: opts.status === 'concept' ? null : new Date('2021-08-16T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, programmeId: programme.id, schoolYearId: year!.id };
}
