// The plan's goals: adding one, changing one without overwriting a colleague's save, and removing
// one after a confirmation page. Every goal is looked up within this school's plan, so another
// school's goal id is a 404. Only the school leader writes.
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, many, params, text, z } from '../../../platform/http/schemas.ts';
import { ensurePlan } from '../repository/plans.ts';
import { deleteGoal, findGoal, insertGoal, updateGoal } from '../repository/goals.ts';
import { focusPointsOfSchool } from '../repository/plan-links.ts';
import {
  checkGoal,
  goalFormOf,
  maxLongText,
  maxShortText,
  parseRevision,
  type GoalForm,
} from '../services/plan-rules.ts';
import { planBase } from '../views/base.ts';
import { emptyGoalForm, GoalFormPage, type GoalFormState } from '../views/goal-form.tsx';
import { DeleteGoalPage } from '../views/plan-confirm.tsx';
import { staleMessage, type SchoolRef } from '../views/plan-parts.tsx';
import { planEditors } from './access.ts';
import { planContext } from './plan-context.ts';
import {
  changeGoalExample,
  deleteGoalExample,
  goalExample,
  newGoalExample,
  withPlanExample,
} from './plan-examples.ts';

const schoolParams = params({ schoolId: id });
const goalParams = params({ schoolId: id, goalId: id });

/** A little above the rules' limits, so the rules (with a Dutch message) answer, not the schema. */
const goalForm = form({
  wat: text(maxLongText + 2000),
  voorwie: text(maxShortText + 1000),
  datum: text(40),
  meting: text(maxLongText + 2000),
  aandachtspunten: many(12, 200),
  revisie: z.string().max(12).default('0'),
});

const objectType = 'school_plan_goal';

export function registerGoalRoutes(app: App, platform: Platform) {
  const c = planContext(platform);
  const db = c.db;

  const render = async (
    reply: FastifyReply,
    school: SchoolRef,
    f: GoalFormState,
    extra: { goalId?: number; error?: string; status?: number } = {},
  ) =>
    reply.page(
      <GoalFormPage
        ctx={reply.ctx()}
        school={school}
        goalId={extra.goalId}
        form={f}
        focusPoints={await focusPointsOfSchool(db, school.id)}
        error={extra.error}
      />,
      extra.status,
    );

  /** The school, its plan and the goal when it is this plan's; else a 404. */
  const loadGoal = async (schoolId: number, goalId: number) => {
    const school = await c.school(schoolId);
    const plan = await c.plan(school.id);
    const goal = plan ? await findGoal(db, plan.id, goalId) : undefined;
    if (!plan || !goal) throw notFound();
    return { school, plan, goal };
  };

  const allowedFocusPoints = async (schoolId: number) =>
    new Set((await focusPointsOfSchool(db, schoolId)).map((f) => f.id));

  app.get(
    '/scholen/:schoolId/schoolprogramma/doelen/nieuw',
    {
      config: { access: planEditors, page: true, examples: withPlanExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => {
      const school = await c.school(req.params.schoolId);
      if (!(await c.plan(school.id))) return reply.redirect(planBase(school.id), 303);
      return render(reply, school, emptyGoalForm());
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/doelen/nieuw',
    {
      config: { access: planEditors, audit: 'schoolprogramma.doel-toegevoegd', examples: newGoalExample },
      schema: { params: schoolParams, body: goalForm },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.doel-toegevoegd';
      const school = await c.school(req.params.schoolId);
      const values: GoalForm = req.body;
      const checked = checkGoal(values, await allowedFocusPoints(school.id));
      if (!checked.ok) {
        await c.refused(
          req,
          action,
          school.id,
          { reden: 'ongeldig', velden: Object.keys(checked.errors).join(',') },
          objectType,
        );
        return render(
          reply,
          school,
          { values, errors: checked.errors, revision: 0, idempotencyKey: req.body._sleutel },
          { status: 400 },
        );
      }
      const who = c.who(req);
      const created = await db.transaction().execute((trx) =>
        createOnce(trx, req, req.body, async () => {
          const plan = await ensurePlan(trx, school.id, platform.programme.id, who.personId, who.now);
          const goalId = await insertGoal(trx, plan.id, checked.values, who);
          await audit(req, trx, { action, objectType, objectId: goalId, organisationId: school.id });
          return `${planBase(school.id)}?gedaan=doel-toegevoegd#doel-${goalId}`;
        }),
      );
      return reply.redirect(created.location ?? planBase(school.id), 303);
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/doelen/:goalId',
    { config: { access: planEditors, page: true, examples: goalExample }, schema: { params: goalParams } },
    async (req, reply) => {
      const { school, goal } = await loadGoal(req.params.schoolId, req.params.goalId);
      return render(
        reply,
        school,
        { values: goalFormOf(goal), errors: {}, revision: goal.revision },
        { goalId: goal.id },
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/doelen/:goalId',
    {
      config: { access: planEditors, audit: 'schoolprogramma.doel-opgeslagen', examples: changeGoalExample },
      schema: { params: goalParams, body: goalForm },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.doel-opgeslagen';
      const { goalId } = req.params;
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      const revision = parseRevision(req.body.revisie);
      const values: GoalForm = req.body;
      if (!plan || !(await findGoal(db, plan.id, goalId))) {
        await c.refused(req, action, school.id, { reden: 'onbekend' }, objectType, goalId);
        throw notFound();
      }
      const checked = checkGoal(values, await allowedFocusPoints(school.id));
      if (!checked.ok) {
        await c.refused(
          req,
          action,
          school.id,
          { reden: 'ongeldig', velden: Object.keys(checked.errors).join(',') },
          objectType,
          goalId,
        );
        return render(reply, school, { values, errors: checked.errors, revision }, { goalId, status: 400 });
      }
      const out = await db.transaction().execute(async (trx) => {
        const r = await updateGoal(trx, plan.id, goalId, revision, checked.values, c.who(req));
        if (r.ok)
          await audit(req, trx, {
            action,
            objectType,
            objectId: goalId,
            organisationId: school.id,
            details: { revisie: r.revision },
          });
        return r;
      });
      if (out.ok) return reply.redirect(`${planBase(school.id)}?gedaan=doel-opgeslagen#doel-${goalId}`, 303);
      await c.refused(req, action, school.id, { reden: out.reason }, objectType, goalId);
      if (out.reason === 'onbekend') throw notFound();
      return render(
        reply,
        school,
        { values, errors: {}, revision: out.theirs.revision, theirs: out.theirs },
        { goalId, status: 409, error: staleMessage },
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/doelen/:goalId/verwijderen',
    { config: { access: planEditors, page: true, examples: goalExample }, schema: { params: goalParams } },
    async (req, reply) => {
      const { school, goal } = await loadGoal(req.params.schoolId, req.params.goalId);
      return reply.page(<DeleteGoalPage ctx={reply.ctx()} school={school} goal={goal} />);
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/doelen/:goalId/verwijderen',
    {
      config: { access: planEditors, audit: 'schoolprogramma.doel-verwijderd', examples: deleteGoalExample },
      schema: { params: goalParams, body: form({}) },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.doel-verwijderd';
      const { goalId } = req.params;
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      const done =
        plan !== undefined &&
        (await db.transaction().execute(async (trx) => {
          const gone = await deleteGoal(trx, plan.id, goalId);
          if (gone)
            await audit(req, trx, { action, objectType, objectId: goalId, organisationId: school.id });
          return gone;
        }));
      if (done) return reply.redirect(`${planBase(school.id)}?gedaan=doel-verwijderd#doelen`, 303);
      await c.refused(req, action, school.id, { reden: 'onbekend' }, objectType, goalId);
      throw notFound();
    },
  );
}
