// The plan's interventions: adding one from the menu in force (the server refuses any other, and
// offers the keuzehulp's choices as a quick start), changing one without overwriting a
// colleague's save (a withdrawn one stays, marked), and removing one after a confirmation page,
// refused while money is recorded as spent on it. Every id is looked up within this school's plan.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, many, optionalId, params, query, text, z } from '../../../platform/http/schemas.ts';
import { ensurePlan } from '../repository/plans.ts';
import { goalsOfPlan } from '../repository/goals.ts';
import {
  deletePlanIntervention,
  deleteRefusal,
  findPlanIntervention,
  insertPlanIntervention,
  interventionsOfPlan,
  updatePlanIntervention,
} from '../repository/plan-interventions.ts';
import { choicesNotInPlan, focusPointsOfSchool } from '../repository/plan-links.ts';
import { choosableByCode, planMenu } from '../services/plan-menu.ts';
import {
  checkIntervention,
  gradesOf,
  interventionFormOf,
  maxLongText,
  maxShortText,
  notOnMenuMessage,
  parseRevision,
  supportOnlyProblem,
  type InterventionForm,
} from '../services/plan-rules.ts';
import { planBase } from '../views/base.ts';
import {
  emptyInterventionForm,
  InterventionFormPage,
  type InterventionFormState,
} from '../views/intervention-form.tsx';
import { DeleteInterventionPage } from '../views/plan-confirm.tsx';
import { staleMessage } from '../views/plan-parts.tsx';
import { planEditors } from './access.ts';
import { planContext } from './plan-context.ts';
import {
  changeInterventionExample,
  deleteInterventionExample,
  interventionExample,
  newInterventionExample,
  withPlanExample,
} from './plan-examples.ts';

const schoolParams = params({ schoolId: id });
const itemParams = params({ schoolId: id, planInterventionId: id });

const interventionForm = form({
  interventie: text(20),
  aandachtspunten: many(12, 200),
  doelen: many(12, 200),
  groepen: many(4, 20),
  leerlingen: text(20),
  start: text(40),
  einde: text(40),
  verantwoordelijke: text(maxShortText + 1000),
  aanpak: text(maxLongText + 2000),
  professionalisering: text(maxLongText + 2000),
  evaluatie: text(maxLongText + 2000),
  revisie: z.string().max(12).default('0'),
});

const objectType = 'school_plan_intervention';
type School = Awaited<ReturnType<ReturnType<typeof planContext>['school']>>;

export function registerInterventionRoutes(app: App, platform: Platform) {
  const c = planContext(platform);
  const db = c.db;

  /** Everything the form links to and chooses from. */
  const options = async (school: School, planId: number | null) => {
    const [menu, focusPoints, goals] = await Promise.all([
      planMenu(db, platform.now(), school.sector),
      focusPointsOfSchool(db, school.id),
      planId === null ? Promise.resolve([]) : goalsOfPlan(db, planId),
    ]);
    return { menu, focusPoints, goals, grades: gradesOf(school.sector) };
  };

  const render = async (
    reply: FastifyReply,
    school: School,
    planId: number | null,
    f: InterventionFormState,
    extra: {
      existing?: Awaited<ReturnType<typeof findPlanIntervention>>;
      error?: string;
      status?: number;
    } = {},
  ) => {
    const o = await options(school, planId);
    const base = planBase(school.id);
    const names = new Map(o.menu.choosable.map((i) => [i.code, i.name]));
    const fpNames = new Map(o.focusPoints.map((f) => [f.id, f.label]));
    const quickStarts = extra.existing
      ? []
      : (await choicesNotInPlan(db, school.id, planId))
          .filter((q) => names.has(q.code))
          .map((q) => ({
            href: `${base}/interventies/nieuw?interventie=${encodeURIComponent(q.code)}&aandachtspunt=${q.focusPointId}`,
            label: `${q.code} ${names.get(q.code)} voor ${fpNames.get(q.focusPointId) ?? 'een aandachtspunt'}`,
          }));
    return reply.page(
      <InterventionFormPage
        ctx={reply.ctx()}
        school={school}
        existing={extra.existing}
        withdrawn={extra.existing ? o.menu.isWithdrawn(extra.existing.intervention_id) : false}
        form={f}
        menuTitle={o.menu.version.title}
        choosable={o.menu.choosable}
        quickStarts={quickStarts}
        focusPoints={o.focusPoints}
        goals={o.goals}
        grades={o.grades}
        error={extra.error}
      />,
      extra.status,
    );
  };

  const check = async (school: School, planId: number | null, values: InterventionForm, isNew: boolean) => {
    const o = await options(school, planId);
    return {
      menu: o.menu,
      checked: checkIntervention(values, {
        menu: isNew ? choosableByCode(o.menu) : null,
        focusPointIds: new Set(o.focusPoints.map((f) => f.id)),
        goalIds: new Set(o.goals.map((g) => g.id)),
        grades: o.grades.grades,
      }),
    };
  };

  const loadItem = async (schoolId: number, itemId: number) => {
    const school = await c.school(schoolId);
    const plan = await c.plan(school.id);
    const item = plan ? await findPlanIntervention(db, plan.id, itemId) : undefined;
    if (!plan || !item) throw notFound();
    return { school, plan, item };
  };

  const fieldsOf = (errors: Record<string, string>) => Object.keys(errors).join(',');
  const refusedInvalid = (
    req: FastifyRequest,
    action: string,
    schoolId: number,
    errors: Record<string, string>,
    objectId?: number,
  ) =>
    c.refused(
      req,
      action,
      schoolId,
      {
        reden: errors.interventie === notOnMenuMessage ? 'niet-op-menukaart' : 'ongeldig',
        velden: fieldsOf(errors),
      },
      objectType,
      objectId,
    );

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/nieuw',
    {
      config: { access: planEditors, page: true, examples: withPlanExample },
      schema: {
        params: schoolParams,
        // The quick start from the keuzehulp: the intervention and the focus point it was chosen for.
        querystring: query({
          interventie: z.string().max(20).optional().catch(undefined),
          aandachtspunt: optionalId.catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      if (!plan) return reply.redirect(planBase(school.id), 303);
      const f = emptyInterventionForm();
      if (req.query.interventie) f.values.interventie = req.query.interventie;
      if (req.query.aandachtspunt) {
        const fp = (await focusPointsOfSchool(db, school.id)).find((p) => p.id === req.query.aandachtspunt);
        if (fp) {
          f.values.aandachtspunten = [String(fp.id)];
          f.values.groepen = fp.grades.map(String);
          f.values.leerlingen = String(fp.pupils);
        }
      }
      return render(reply, school, plan.id, f);
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/interventies/nieuw',
    {
      config: {
        access: planEditors,
        audit: 'schoolprogramma.interventie-toegevoegd',
        examples: newInterventionExample,
      },
      schema: { params: schoolParams, body: interventionForm },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.interventie-toegevoegd';
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      const values: InterventionForm = req.body;
      const { menu, checked: first } = await check(school, plan?.id ?? null, values, true);
      // F only supports A–E: read the plan's categories only when that rule can apply.
      const categories =
        first.ok && plan && /^F/i.test(values.interventie.trim())
          ? (await interventionsOfPlan(db, plan.id)).map((i) => i.category_code)
          : [];
      const supportOnly = first.ok ? supportOnlyProblem(values.interventie, categories) : null;
      const checked: typeof first = supportOnly ? { ok: false, errors: { interventie: supportOnly } } : first;
      if (!checked.ok) {
        await refusedInvalid(req, action, school.id, checked.errors);
        return render(
          reply,
          school,
          plan?.id ?? null,
          { values, errors: checked.errors, revision: 0, idempotencyKey: req.body._sleutel },
          { status: 400 },
        );
      }
      const who = c.who(req);
      const created = await db.transaction().execute((trx) =>
        createOnce(trx, req, req.body, async () => {
          const p = await ensurePlan(trx, school.id, platform.programme.id, who.personId, who.now);
          const itemId = await insertPlanIntervention(
            trx,
            p.id,
            menu.version.id,
            checked.values.interventionId!,
            checked.values,
            who,
          );
          await audit(req, trx, {
            action,
            objectType,
            objectId: itemId,
            organisationId: school.id,
            details: { interventie: values.interventie.trim(), menukaart: menu.version.id },
          });
          return `${planBase(school.id)}?gedaan=interventie-toegevoegd#interventie-${itemId}`;
        }),
      );
      return reply.redirect(created.location ?? planBase(school.id), 303);
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId',
    {
      config: { access: planEditors, page: true, examples: interventionExample },
      schema: { params: itemParams },
    },
    async (req, reply) => {
      const { school, plan, item } = await loadItem(req.params.schoolId, req.params.planInterventionId);
      return render(
        reply,
        school,
        plan.id,
        { values: interventionFormOf(item), errors: {}, revision: item.revision },
        { existing: item },
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId',
    {
      config: {
        access: planEditors,
        audit: 'schoolprogramma.interventie-opgeslagen',
        examples: changeInterventionExample,
      },
      schema: { params: itemParams, body: interventionForm },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.interventie-opgeslagen';
      const itemId = req.params.planInterventionId;
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      const item = plan ? await findPlanIntervention(db, plan.id, itemId) : undefined;
      if (!plan || !item) {
        await c.refused(req, action, school.id, { reden: 'onbekend' }, objectType, itemId);
        throw notFound();
      }
      const revision = parseRevision(req.body.revisie);
      // The chosen menu intervention never changes here; the form shows it, it does not post it.
      const values: InterventionForm = { ...req.body, interventie: item.code };
      const { checked } = await check(school, plan.id, values, false);
      if (!checked.ok) {
        await refusedInvalid(req, action, school.id, checked.errors, itemId);
        return render(
          reply,
          school,
          plan.id,
          { values, errors: checked.errors, revision },
          { existing: item, status: 400 },
        );
      }
      const out = await db.transaction().execute(async (trx) => {
        const r = await updatePlanIntervention(trx, plan.id, itemId, revision, checked.values, c.who(req));
        if (r.ok)
          await audit(req, trx, {
            action,
            objectType,
            objectId: itemId,
            organisationId: school.id,
            details: { revisie: r.revision },
          });
        return r;
      });
      if (out.ok)
        return reply.redirect(
          `${planBase(school.id)}?gedaan=interventie-opgeslagen#interventie-${itemId}`,
          303,
        );
      await c.refused(req, action, school.id, { reden: out.reason }, objectType, itemId);
      if (out.reason === 'onbekend') throw notFound();
      return render(
        reply,
        school,
        plan.id,
        { values, errors: {}, revision: out.theirs.revision, theirs: out.theirs },
        { existing: out.theirs, status: 409, error: staleMessage },
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/verwijderen',
    {
      config: { access: planEditors, page: true, examples: interventionExample },
      schema: { params: itemParams },
    },
    async (req, reply) => {
      const { school, plan, item } = await loadItem(req.params.schoolId, req.params.planInterventionId);
      return reply.page(
        <DeleteInterventionPage
          ctx={reply.ctx()}
          school={school}
          intervention={item}
          refusal={await deleteRefusal(db, plan.id, item.id)}
        />,
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/verwijderen',
    {
      config: {
        access: planEditors,
        audit: 'schoolprogramma.interventie-verwijderd',
        examples: deleteInterventionExample,
      },
      schema: { params: itemParams, body: form({}) },
    },
    async (req, reply) => {
      const action = 'schoolprogramma.interventie-verwijderd';
      const itemId = req.params.planInterventionId;
      const school = await c.school(req.params.schoolId);
      const plan = await c.plan(school.id);
      const out = plan
        ? await db.transaction().execute(async (trx) => {
            const r = await deletePlanIntervention(trx, plan.id, itemId);
            if (r.ok)
              await audit(req, trx, { action, objectType, objectId: itemId, organisationId: school.id });
            return r;
          })
        : ({ ok: false, reason: 'onbekend' } as const);
      if (out.ok)
        return reply.redirect(`${planBase(school.id)}?gedaan=interventie-verwijderd#interventies`, 303);
      await c.refused(req, action, school.id, { reden: out.reason }, objectType, itemId);
      if (out.reason === 'onbekend') throw notFound();
      const { item } = await loadItem(school.id, itemId);
      return reply.page(
        <DeleteInterventionPage ctx={reply.ctx()} school={school} intervention={item} refusal={out} />,
        409,
      );
    },
  );
}
