// How the authorization matrix and the page walk fill the consent routes (each write succeeds).
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import * as ex from '../repository/consent-examples.ts';

export const schoolExample: RouteExamples = { params: ({ schoolId }) => ({ schoolId }) };

/** The school with a draft that can be submitted, and the fingerprint of that draft. */
export const submitExample: RouteExamples = {
  params: async ({ schoolId, db }) => {
    await ex.exampleSubmittable(db, schoolId);
    return { schoolId };
  },
  bodyFor: async ({ schoolId, db }) => ({
    toelichting: 'De begroting voor 2022-2023 is bijgewerkt.',
    inhoud: await ex.exampleFingerprint(db, schoolId),
  }),
};

export const versionExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ schoolId, number: await ex.exampleVersion(db, schoolId) }),
};

export const commentExample: RouteExamples = {
  ...versionExample,
  body: { reactie: 'Hoe meet u of de leesinterventie werkt?' },
};

export const pendingExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ schoolId, number: await ex.examplePendingVersion(db, schoolId) }),
};

export const decisionExample: RouteExamples = {
  ...pendingExample,
  bodyFor: () => ({ besluit: 'instemming', redenen: '', vergaderdatum: todayIn(new Date()) }),
};

export const summaryExample: RouteExamples = {
  params: async ({ schoolId, db }) => {
    await ex.examplePlan(db, schoolId);
    return { schoolId };
  },
  bodyFor: async ({ schoolId, db }) => ({
    samenvatting: 'Onze school werkt aan lezen en concentratie.',
    revisie: await ex.exampleRevision(db, schoolId),
    actie: 'opslaan',
  }),
};

export const withdrawSummaryExample: RouteExamples = {
  params: async ({ schoolId, db }) => {
    await ex.examplePublishedSummary(db, schoolId);
    return { schoolId };
  },
  body: {},
};
