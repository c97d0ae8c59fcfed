// The budget of one plan intervention: everyone who reads the plan sees it; the school leader
// saves the whole grid at once. Bad amounts re-render the grid with every value kept and a
// message per cell; a save over someone else's (stale budget_revision) is a 409 that keeps the
// input and shows what is stored now.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import { listSchoolYears, loadProgramme } from '../../../platform/programme.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findSchool } from '../repository/plans.ts';
import * as budget from '../repository/budget.ts';
import { gridValues, parseBudgetGrid } from '../services/budget-grid.ts';
import { BudgetGridPage } from '../views/budget-grid.tsx';
import { interventionBudgetPath } from '../views/budget-base.tsx';
import { planEditors, planReaders } from './access.ts';
import { interventionBudgetExample } from './budget-examples.ts';

export const budgetSavedAction = 'schoolprogramma.begroting-opgeslagen';

const budgetParams = params({ schoolId: id, planInterventionId: id });

export function registerBudgetRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const load = async (schoolId: number, planInterventionId: number) => {
    const school = await findSchool(db, schoolId);
    if (!school) throw notFound();
    const intervention = await budget.findPlanIntervention(db, school.id, planInterventionId);
    if (!intervention) throw notFound();
    const programme = await loadProgramme(db);
    const years = (await listSchoolYears(db, programme.id)).map((y) => ({
      schoolYearId: y.id,
      label: y.label,
    }));
    return { school, intervention, years };
  };

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    loaded: Awaited<ReturnType<typeof load>>,
    extra: { form?: FormState; justSaved?: boolean; stale?: boolean } = {},
    status?: number,
  ) => {
    const { school, intervention, years } = loaded;
    // Read again: after a stale save the page shows what is stored now.
    const saved = await budget.budgetOfIntervention(db, intervention.id);
    const fresh = await budget.findPlanIntervention(db, school.id, intervention.id);
    return reply.page(
      <BudgetGridPage
        ctx={reply.ctx()}
        school={school}
        intervention={intervention}
        years={years}
        saved={saved}
        form={extra.form ?? { values: gridValues(saved), errors: {} }}
        revision={fresh?.budget_revision ?? intervention.budget_revision}
        canEdit={
          decide(req.principal, planEditors, {
            id: school.id,
            kind: 'school',
            parentId: school.parent_id,
          }) === 'allow'
        }
        justSaved={extra.justSaved}
        stale={extra.stale}
      />,
      status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/begroting',
    {
      config: { access: planReaders, page: true, examples: interventionBudgetExample },
      schema: {
        params: budgetParams,
        querystring: query({ opgeslagen: z.literal('1').optional().catch(undefined) }),
      },
    },
    async (req, reply) =>
      render(req, reply, await load(req.params.schoolId, req.params.planInterventionId), {
        justSaved: req.query.opgeslagen === '1',
      }),
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/begroting',
    {
      config: { access: planEditors, audit: budgetSavedAction, examples: interventionBudgetExample },
      // The cells are named after school years and cost types (services/budget-grid.ts).
      schema: { params: budgetParams, body: form({ revisie: text(20) }).catchall(z.string().max(40)) },
    },
    async (req, reply) => {
      const loaded = await load(req.params.schoolId, req.params.planInterventionId);
      const { school, intervention, years } = loaded;
      const fields = req.body as Record<string, string | undefined>;
      const values: Record<string, string | undefined> = { ...fields, _csrf: undefined, revisie: undefined };
      const parsed = parseBudgetGrid(fields, years);
      const revision = Number(req.body.revisie);
      const fail = async (reason: string) =>
        audit(req, db, {
          action: budgetSavedAction,
          result: 'mislukt',
          objectType: 'school_plan_intervention',
          objectId: intervention.id,
          organisationId: school.id,
          details: { reden: reason },
        });
      if (!parsed.ok) {
        await fail('ongeldige-bedragen');
        return render(req, reply, loaded, { form: { values, errors: parsed.errors } }, 400);
      }
      const saved = Number.isInteger(revision)
        ? await db.transaction().execute(async (trx) => {
            const next = await budget.saveBudget(
              trx,
              intervention.id,
              revision,
              parsed.cells,
              req.principal?.personId ?? null,
              platform.now(),
            );
            if (next === null) return null;
            const planned = parsed.cells.reduce((s, c) => s + c.plannedCents, 0);
            const committed = parsed.cells.reduce((s, c) => s + c.committedCents, 0);
            await audit(req, trx, {
              action: budgetSavedAction,
              objectType: 'school_plan_intervention',
              objectId: intervention.id,
              organisationId: school.id,
              details: { revisie: next, begroot_cent: planned, vastgelegd_cent: committed },
            });
            return next;
          })
        : null;
      if (saved === null) {
        await fail('verouderde-revisie');
        return render(req, reply, loaded, { form: { values, errors: {} }, stale: true }, 409);
      }
      return reply.redirect(`${interventionBudgetPath(school.id, intervention.id)}?opgeslagen=1`, 303);
    },
  );
}
