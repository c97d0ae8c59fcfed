// How the authorization matrix, the cross-tenant suite and the browser suite fill the monitoring
// routes: a published round, and a submission of the tenant's school to it.
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { exampleRound, exampleSubmission } from '../repository/monitoring-examples.ts';

export const dashboardExample: RouteExamples = { query: '?sector=po' };

export const roundCsvExample: RouteExamples = {
  params: async ({ db, schoolId }) => {
    await exampleSubmission(db, schoolId);
    return { questionnaireId: await exampleRound(db) };
  },
};

export const submissionExample: RouteExamples = {
  params: async ({ db, schoolId }) => ({ submissionId: await exampleSubmission(db, schoolId) }),
};
