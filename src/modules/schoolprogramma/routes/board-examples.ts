// How the authorization matrix, the cross-tenant suite and the browser suite fill the routes of
// the evaluation pages and the board overview.
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { exampleEvaluation, examplePlanIntervention } from '../repository/board-examples.ts';

export const boardExample: RouteExamples = { params: ({ boardId }) => ({ boardId }) };
export const boardSchoolExample: RouteExamples = {
  params: ({ boardId, schoolId }) => ({ boardId, schoolId }),
};

export const interventionExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    schoolId,
    planInterventionId: await examplePlanIntervention(db, schoolId),
  }),
};

const body = {
  datum: '14-6-2022',
  resultaten: 'Twee derde van de groep leest nu op niveau; de rest groeit.',
  besluit: 'bijstellen',
  reden: 'Minder groepjes, meer tijd voor de leerlingen die achterblijven.',
};

export const newEvaluationExample: RouteExamples = { ...interventionExample, body };

/** A fresh evaluation per request, so its revision is always 1. */
export const evaluationExample: RouteExamples = {
  params: ({ schoolId, db }) => exampleEvaluation(db, schoolId),
};
export const changeEvaluationExample: RouteExamples = {
  ...evaluationExample,
  body: { ...body, revisie: '1' },
};
