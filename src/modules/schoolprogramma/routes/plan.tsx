// The plan's home page (readers), starting the plan and writing its introduction (the school
// leader). Goals and interventions have their own route files.
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import { ensurePlan } from '../repository/plans.ts';
import { goalsOfPlan } from '../repository/goals.ts';
import { interventionsOfPlan } from '../repository/plan-interventions.ts';
import { focusPointsOfSchool } from '../repository/plan-links.ts';
import { planWithEditor, updateIntro } from '../repository/plan-intro.ts';
import { planMenu } from '../services/plan-menu.ts';
import { checkIntro, parseRevision } from '../services/plan-rules.ts';
import { planBase } from '../views/base.ts';
import { PlanHomePage } from '../views/plan-home.tsx';
import { consentStatusOf } from '../services/consent-state.ts';
import type { PageMemo } from '../services/page-memo.ts';
import { sendTemplatePage } from '../../../platform/http/page-template.tsx';
import { todayIn } from '../../menukaart/services/menu.ts';
import { latestDecisions } from '../repository/evaluations.ts';
import { PlanIntroPage } from '../views/plan-intro.tsx';
import { staleMessage } from '../views/plan-parts.tsx';
import { planEditors, planReaders } from './access.ts';
import { memoizedSchool, planContext } from './plan-context.ts';
import { homeExample, introExample, startExample, withPlanExample } from './plan-examples.ts';

const schoolParams = params({ schoolId: id });

export const planNotices = {
  gestart: 'Het schoolprogramma is gestart. Begin met de inleiding, de doelen en de interventies.',
  inleiding: 'De inleiding is opgeslagen.',
  'doel-toegevoegd': 'Het doel is toegevoegd.',
  'doel-opgeslagen': 'Het doel is opgeslagen.',
  'doel-verwijderd': 'Het doel is verwijderd.',
  'interventie-toegevoegd': 'De interventie is toegevoegd.',
  'interventie-opgeslagen': 'De interventie is opgeslagen.',
  'interventie-verwijderd': 'De interventie is verwijderd.',
  'eerst-plan':
    'Uitgaven boekt u op de interventies van het schoolprogramma. Start eerst het schoolprogramma.',
} as const;
const noticeKeys = Object.keys(planNotices) as [keyof typeof planNotices, ...(keyof typeof planNotices)[]];

export function registerPlanRoutes(app: App, platform: Platform, memo: PageMemo) {
  const c = planContext(platform);
  const db = c.db;

  app.get(
    '/scholen/:schoolId/schoolprogramma',
    {
      config: { access: planReaders, page: true, examples: homeExample },
      schema: { params: schoolParams, querystring: query({ gedaan: choice(noticeKeys).catch(undefined) }) },
    },
    async (req, reply) => {
      const school = await memoizedSchool(memo, db, req.params.schoolId);
      const now = platform.now();
      const data = await memo.get(
        { schoolId: school.id, boardId: school.parent_id },
        `plan:${school.id}:${todayIn(now)}`,
        async () => {
          const plan = await c.plan(school.id);
          if (!plan) return null;
          const [goals, interventions, focusPoints, menu, consent, decisions] = await Promise.all([
            goalsOfPlan(db, plan.id),
            interventionsOfPlan(db, plan.id),
            focusPointsOfSchool(db, school.id),
            planMenu(db, now, school.sector),
            consentStatusOf(db, plan.id, now),
            latestDecisions(db, plan.id),
          ]);
          return {
            intro: plan.intro,
            goals,
            interventions: interventions.map((i) => ({
              ...i,
              withdrawn: menu.isWithdrawn(i.intervention_id),
            })),
            focusPoints,
            consent,
            decisions: new Map(decisions.map((d) => [d.plan_intervention_id, d])),
          };
        },
      );
      const canEdit = c.canEdit(req, school);
      const notice = req.query.gedaan ? planNotices[req.query.gedaan] : undefined;
      // A page with a notice is seen once, after a write: not kept.
      return sendTemplatePage(
        reply,
        notice ? null : data,
        `${school.id}|${school.name}|${canEdit}`,
        (ctx) => (
          <PlanHomePage
            ctx={ctx}
            school={school}
            plan={data}
            canEdit={canEdit}
            notice={notice}
            noticeType={req.query.gedaan === 'eerst-plan' ? 'info' : 'ok'}
          />
        ),
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/starten',
    {
      config: { access: planEditors, audit: 'schoolprogramma.gestart', examples: startExample },
      schema: { params: schoolParams, body: form({}) },
    },
    async (req, reply) => {
      const school = await c.school(req.params.schoolId);
      const who = c.who(req);
      await db.transaction().execute(async (trx) => {
        const plan = await ensurePlan(trx, school.id, platform.programme.id, who.personId, who.now);
        await audit(req, trx, {
          action: 'schoolprogramma.gestart',
          objectType: 'school_plan',
          objectId: plan.id,
          organisationId: school.id,
        });
      });
      return reply.redirect(`${planBase(school.id)}?gedaan=gestart`, 303);
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/inleiding',
    {
      config: { access: planEditors, page: true, examples: withPlanExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => {
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      if (!plan) return reply.redirect(planBase(school.id), 303);
      return reply.page(
        <PlanIntroPage ctx={reply.ctx()} school={school} intro={plan.intro} revision={plan.revision} />,
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/inleiding',
    {
      config: { access: planEditors, audit: 'schoolprogramma.inleiding-opgeslagen', examples: introExample },
      schema: {
        params: schoolParams,
        body: form({ inleiding: text(10000), revisie: z.string().max(12).default('0') }),
      },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.inleiding-opgeslagen';
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      const revision = parseRevision(req.body.revisie);
      if (!plan) {
        await c.refused(req, action, school.id, { reden: 'geen-plan' }, 'school_plan');
        return reply.redirect(planBase(school.id), 303);
      }
      const checked = checkIntro(req.body.inleiding);
      if (!checked.ok) {
        await c.refused(req, action, school.id, { reden: 'ongeldig' }, 'school_plan', plan.id);
        return reply.page(
          <PlanIntroPage
            ctx={reply.ctx()}
            school={school}
            intro={req.body.inleiding}
            revision={revision}
            errors={checked.errors}
          />,
          400,
        );
      }
      const out = await db.transaction().execute(async (trx) => {
        const r = await updateIntro(trx, plan.id, revision, checked.values, c.who(req));
        if (r.ok)
          await audit(req, trx, {
            action,
            objectType: 'school_plan',
            objectId: plan.id,
            organisationId: school.id,
            details: { revisie: r.revision },
          });
        return r;
      });
      if (out.ok) return reply.redirect(`${planBase(school.id)}?gedaan=inleiding#inleiding`, 303);
      await c.refused(req, action, school.id, { reden: 'tegelijk' }, 'school_plan', plan.id);
      const theirs = out.theirs ?? (await planWithEditor(db, plan.id));
      return reply.page(
        <PlanIntroPage
          ctx={reply.ctx()}
          school={school}
          intro={req.body.inleiding}
          revision={theirs.revision}
          theirs={{ intro: theirs.intro, by: theirs.updated_by_name }}
          error={staleMessage}
        />,
        409,
      );
    },
  );
}
