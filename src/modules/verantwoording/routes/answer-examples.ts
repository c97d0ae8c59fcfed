// How the authorization matrix, the cross-tenant suite and the axe walk fill the answering routes:
// an open questionnaire of the audience, made once, and the tenant's own answers where needed.
import type { ExampleTenant, RouteExamples } from '../../../platform/http/fastify-types.ts';
import type { Audience } from '../tables.ts';
import {
  exampleCompleteResponse,
  exampleQuestionnaire,
  exampleRevision,
  exampleSubmission,
} from '../repository/answer-examples.ts';

const orgParam = (audience: Audience, t: ExampleTenant): Record<string, number> =>
  audience === 'school' ? { schoolId: t.schoolId } : { boardId: t.boardId };
const orgOf = (audience: Audience, t: ExampleTenant) => (audience === 'school' ? t.schoolId : t.boardId);

export function answerExamples(audience: Audience) {
  const list: RouteExamples = { params: (t) => orgParam(audience, t) };
  const questionnaire: RouteExamples = {
    params: async (t) => ({
      ...orgParam(audience, t),
      questionnaireId: await exampleQuestionnaire(t.db, audience),
    }),
  };
  const section: RouteExamples = {
    params: async (t) => ({
      ...orgParam(audience, t),
      questionnaireId: await exampleQuestionnaire(t.db, audience),
      sectionKey: 'algemeen',
    }),
  };
  /**
   * The path's tenant gets a complete working copy at a known revision before each request, so
   * the body is the same for every tenant (a constant revision names no object) and a save or
   * submit goes through for the tenant's own respondent.
   */
  const withCompleteResponse = async (t: ExampleTenant) => {
    const q = await exampleQuestionnaire(t.db, audience);
    await exampleCompleteResponse(t.db, q, orgOf(audience, t));
    return { ...orgParam(audience, t), questionnaireId: q };
  };
  const saveSection: RouteExamples = {
    params: async (t) => ({ ...(await withCompleteResponse(t)), sectionKey: 'algemeen' }),
    body: {
      'v-schoolscan-gedaan': 'ja',
      'v-toelichting': 'Samen met het team gedaan.',
      revisie: String(exampleRevision),
      actie: 'klaar',
    },
  };
  const submit: RouteExamples = {
    params: withCompleteResponse,
    body: { revisie: String(exampleRevision) },
  };
  const receipt: RouteExamples = {
    params: async (t) => {
      const q = await exampleQuestionnaire(t.db, audience);
      return {
        ...orgParam(audience, t),
        questionnaireId: q,
        number: await exampleSubmission(t.db, q, orgOf(audience, t)),
      };
    },
  };
  return { list, questionnaire, section, saveSection, submit, receipt };
}
