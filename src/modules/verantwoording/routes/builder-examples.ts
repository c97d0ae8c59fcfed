// How the authorization matrix and the browser walk fill the builder's routes: each request gets
// a fresh concept questionnaire (a copy of the seeded 2021-22 school leaders' round when it is
// there), so a change from revision 1, a move and a delete always succeed.
import type { Kysely } from 'kysely';
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { listSchoolYears, loadProgramme } from '../../../platform/programme.ts';
import {
  findQuestionnaire,
  findQuestionnaireIdBySlug,
  insertQuestionnaire,
} from '../repository/questionnaires.ts';
import { starterDefinition } from '../services/builder-edit.ts';

const randomSlug = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

async function firstYear(db: Kysely<DB>) {
  const programme = await loadProgramme(db);
  const [year] = await listSchoolYears(db, programme.id);
  return { programmeId: programme.id, yearId: year!.id };
}

export async function exampleQuestionnaire(db: Kysely<DB>): Promise<number> {
  const { programmeId, yearId } = await firstYear(db);
  const seededId = await findQuestionnaireIdBySlug(db, programmeId, 'schoolleiders-2021-2022');
  const seeded = seededId ? await findQuestionnaire(db, seededId) : undefined;
  return insertQuestionnaire(db, {
    programmeId,
    schoolYearId: yearId,
    audience: 'school',
    slug: randomSlug('voorbeeld'),
    title: 'Vragenlijst voor schoolleiders (voorbeeld)',
    intro: 'Een vragenlijst om het bouwen te laten zien.',
    opensOn: '2021-08-23',
    closesOn: '2021-09-17',
    definition: seeded?.definition ?? starterDefinition,
    copiedFrom: null,
    personId: null,
    now: new Date(),
  });
}

const metaBody = async (db: Kysely<DB>) => ({
  titel: 'Vragenlijst voor schoolleiders, voorjaar',
  inleiding: 'Een korte vragenlijst over de uitvoering.',
  schooljaar: String((await firstYear(db)).yearId),
  doelgroep: 'school',
  'korte-naam': randomSlug('schoolleiders-voorjaar'),
  opent: '01-03-2022',
  sluit: '31-03-2022',
});

export const newExample: RouteExamples = { bodyFor: async ({ db }) => metaBody(db) };

export const questionnaireExample: RouteExamples = {
  params: async ({ db }) => ({ questionnaireId: await exampleQuestionnaire(db) }),
};
export const metaExample: RouteExamples = {
  ...questionnaireExample,
  bodyFor: async ({ db }) => ({ ...(await metaBody(db)), revisie: '1' }),
};
export const copyExample: RouteExamples = {
  ...questionnaireExample,
  bodyFor: async ({ db }) => metaBody(db),
};
export const revisionExample: RouteExamples = { ...questionnaireExample, body: { revisie: '1' } };

/** A section of the example questionnaire (the seeded round's first, else the starter's). */
const sectionParams = async (db: Kysely<DB>) => {
  const questionnaireId = await exampleQuestionnaire(db);
  const q = await findQuestionnaire(db, questionnaireId);
  return { questionnaireId, sectionKey: q!.definition.sections[0]!.key };
};
const questionParams = async (db: Kysely<DB>) => {
  const questionnaireId = await exampleQuestionnaire(db);
  const q = await findQuestionnaire(db, questionnaireId);
  const s = q!.definition.sections.at(-1)!;
  return { questionnaireId, sectionKey: s.key, questionKey: s.questions.at(-1)!.key };
};

const questionBody = {
  vraag: 'Heeft de school ouders gevraagd mee te denken?',
  uitleg: '',
  sleutel: 'ouders-betrokken',
  soort: 'ja-nee',
  verplicht: 'ja',
  antwoorden: '',
  voorwaarde: '',
  'voorwaarde-antwoorden': '',
  vooringevuld: '',
  minimum: '',
  maximum: '',
  maxlengte: '',
};

export const sectionExample: RouteExamples = { params: ({ db }) => sectionParams(db) };
export const newSectionExample: RouteExamples = {
  ...questionnaireExample,
  body: { ...questionBody, revisie: '1', titel: 'Ouders', inleiding: '', 'onderdeel-sleutel': 'ouders' },
};
export const changeSectionExample: RouteExamples = {
  params: ({ db }) => sectionParams(db),
  bodyFor: async ({ db }) => {
    const { sectionKey } = await sectionParams(db);
    return { revisie: '1', titel: 'De analyse', inleiding: '', 'onderdeel-sleutel': sectionKey };
  },
};
export const moveSectionExample: RouteExamples = {
  ...sectionExample,
  body: { revisie: '1', richting: 'omlaag' },
};
export const deleteSectionExample: RouteExamples = { ...sectionExample, body: { revisie: '1' } };
export const newQuestionExample: RouteExamples = {
  ...sectionExample,
  body: { ...questionBody, revisie: '1' },
};

export const questionExample: RouteExamples = { params: ({ db }) => questionParams(db) };
export const changeQuestionExample: RouteExamples = {
  ...questionExample,
  body: {
    revisie: '1',
    vraag: 'Wilt u verder nog iets kwijt?',
    uitleg: '',
    sleutel: 'toelichting',
    soort: 'tekst',
    verplicht: 'nee',
    antwoorden: '',
    voorwaarde: '',
    'voorwaarde-antwoorden': '',
    vooringevuld: '',
    minimum: '',
    maximum: '',
    maxlengte: '2000',
  },
};
export const moveQuestionExample: RouteExamples = {
  ...questionExample,
  body: { revisie: '1', richting: 'omhoog' },
};
export const deleteQuestionExample: RouteExamples = { ...questionExample, body: { revisie: '1' } };

/** A published questionnaire nobody answered yet: it may go back to concept from revision 1. */
async function examplePublished(db: Kysely<DB>): Promise<number> {
  const id = await exampleQuestionnaire(db);
  await db
    .updateTable('questionnaire')
    .set({ status: 'gepubliceerd', published_at: new Date() })
    .where('id', '=', id)
    .execute();
  return id;
}
export const publishedExample: RouteExamples = {
  params: async ({ db }) => ({ questionnaireId: await examplePublished(db) }),
};
export const publishedRevisionExample: RouteExamples = { ...publishedExample, body: { revisie: '1' } };
