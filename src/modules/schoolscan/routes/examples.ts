// How the authorization matrix and the browser suite fill this module's routes.
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { exampleScan, firstSchoolYearId } from '../repository/examples.ts';

export const schoolExample: RouteExamples = { params: ({ schoolId }) => ({ schoolId }) };
export const boardExample: RouteExamples = { params: ({ boardId }) => ({ boardId }) };

export const yearExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ schoolId, schoolYearId: await firstSchoolYearId(db) }),
};

export const stepExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    ...(await exampleScan(db, schoolId, 'concept', 'context')),
    stap: 'context',
  }),
  body: { tekst: 'De school was in het voorjaar van 2020 acht weken dicht.', versie: '0' },
};

export const completeExample: RouteExamples = {
  params: async ({ schoolId, db }) => exampleScan(db, schoolId, 'concept'),
  body: {},
};

export const reopenExample: RouteExamples = {
  params: async ({ schoolId, db }) => exampleScan(db, schoolId, 'afgerond'),
  body: {},
};

/** A small, correct file in the flat format, pasted instead of uploaded. */
export const exampleFile = [
  'leerlingsleutel;groep;toetsaanbieder;vakgebied;moment;schooljaar;vaardigheidsscore;niveau',
  'A1;4;cito;rekenen-wiskunde;M;2019-2020;45,5;III',
  'A1;4;cito;rekenen-wiskunde;E;2019-2020;55;III',
  'B2;4;cito;rekenen-wiskunde;M;2019-2020;41;IV',
].join('\n');

export const uploadExample: RouteExamples = { ...schoolExample, body: { inhoud: exampleFile } };

/** The retention setting: a period the school leader may choose. */
export const retentionExample: RouteExamples = { ...schoolExample, body: { bewaartermijn: '12' } };
