// How the authorization matrix, the cross-tenant suite and the browser walk fill the plan's routes.
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { exampleNewFocusPoint } from '../../schoolscan/repository/examples.ts';
import {
  exampleChoosableCode,
  exampleGoal,
  examplePlan,
  examplePlanIntervention,
  examplePlanRevision,
} from '../repository/plan-examples.ts';

export const homeExample: RouteExamples = { params: ({ schoolId }) => ({ schoolId }) };
export const startExample: RouteExamples = { ...homeExample, body: {} };

/** Pages that need a plan: the example starts it. */
export const withPlanExample: RouteExamples = {
  params: async ({ schoolId, db }) => {
    await examplePlan(db, schoolId);
    return { schoolId };
  },
};

export const introExample: RouteExamples = {
  ...withPlanExample,
  bodyFor: async ({ schoolId, db }) => ({
    inleiding: 'De schoolscan liet zien dat technisch lezen in groep 4 en 5 achterblijft.',
    revisie: await examplePlanRevision(db, schoolId),
  }),
};

const goalBody = {
  wat: 'Groep 5 rekent aan het eind van het jaar weer zoals eerdere jaargangen.',
  voorwie: 'Groep 5',
  datum: '14-07-2023',
  meting: 'Methode-onafhankelijke toets rekenen in juni.',
};

/** A new goal linked to a focus point of the tenant's own scan (another tenant's is refused). */
export const newGoalExample: RouteExamples = {
  ...withPlanExample,
  bodyFor: async ({ schoolId, db }) => ({
    ...goalBody,
    aandachtspunten: String((await exampleNewFocusPoint(db, schoolId)).focusPointId),
    revisie: '0',
  }),
};

/** A fresh goal per request, so a change from revision 1 and a delete always find it. */
export const goalExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ schoolId, goalId: await exampleGoal(db, schoolId) }),
};
export const changeGoalExample: RouteExamples = { ...goalExample, body: { ...goalBody, revisie: '1' } };
export const deleteGoalExample: RouteExamples = { ...goalExample, body: {} };

const interventionBody = {
  groepen: '5',
  leerlingen: '28',
  start: '01-10-2021',
  einde: '14-07-2023',
  verantwoordelijke: 'Intern begeleider',
  aanpak: 'Drie keer per week in kleine groepjes.',
  professionalisering: '',
  evaluatie: 'Na elk toetsmoment bespreekt het team de resultaten.',
};

export const newInterventionExample: RouteExamples = {
  ...withPlanExample,
  bodyFor: async ({ schoolId, db }) => ({
    ...interventionBody,
    interventie: await exampleChoosableCode(db, schoolId),
    revisie: '0',
  }),
};

export const interventionExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    schoolId,
    planInterventionId: await examplePlanIntervention(db, schoolId),
  }),
};
export const changeInterventionExample: RouteExamples = {
  ...interventionExample,
  body: { ...interventionBody, revisie: '1' },
};
export const deleteInterventionExample: RouteExamples = { ...interventionExample, body: {} };
