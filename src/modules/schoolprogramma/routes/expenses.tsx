// Spending: the list of a plan's expenses (everyone who reads the plan), booking one by hand and
// booking a correction of one (the school leader). An expense is never edited; a correction is
// a new row naming the expense it corrects (corrects_id), shown beside it in the list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, optionalId, params, query, text, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { todayIn } from '../../menukaart/services/menu.ts';
import type { PlanSchool } from '../repository/plans.ts';
import { loadPlanContext, loadPlanContextIfStarted, type PlanContext } from '../repository/plan-context.ts';
import * as expenses from '../repository/expenses.ts';
import { checkExpenseFields } from '../services/expense-entry.ts';
import { ExpensesPage } from '../views/expenses.tsx';
import { ExpenseFormPage } from '../views/expense-form.tsx';
import { expensesBase } from '../views/budget-base.tsx';
import { planEditors, planReaders } from './access.ts';
import { correctionExample, newExpenseExample, planSchoolExample } from './budget-examples.ts';

export const expenseBookedAction = 'schoolprogramma.uitgave-geboekt';
export const correctionBookedAction = 'schoolprogramma.correctie-geboekt';

const schoolParams = params({ schoolId: id });
const expenseParams = params({ schoolId: id, expenseId: id });
const expenseBody = form({
  datum: text(20),
  bedrag: text(30),
  omschrijving: text(600),
  interventie: text(20),
  kostensoort: text(40),
});

export function registerExpenseRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const load = (schoolId: number) => loadPlanContext(db, schoolId);
  type Loaded = PlanContext;

  const canEdit = (principal: Parameters<typeof decide>[0], school: PlanSchool) =>
    decide(principal, planEditors, { id: school.id, kind: 'school', parentId: school.parent_id }) === 'allow';

  const renderForm = (
    reply: FastifyReply,
    l: Loaded,
    f: FormState,
    extra: { corrects?: expenses.ExpenseRow; key?: string } = {},
    status?: number,
  ) =>
    reply.page(
      <ExpenseFormPage
        ctx={reply.ctx()}
        school={l.school}
        interventions={l.interventions}
        form={f}
        corrects={extra.corrects}
        idempotencyKey={extra.key}
      />,
      status,
    );

  app.get(
    '/scholen/:schoolId/schoolprogramma/uitgaven',
    {
      config: { access: planReaders, page: true, examples: planSchoolExample },
      schema: {
        params: schoolParams,
        querystring: query({
          jaar: optionalId.catch(undefined),
          interventie: optionalId.catch(undefined),
          pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
          geboekt: z.enum(['uitgave', 'correctie', 'import']).optional().catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const l = await loadPlanContextIfStarted(db, req.params.schoolId);
      // No plan, nothing to spend on: its home says so and offers to start it.
      if (!l) return reply.redirect(`/scholen/${req.params.schoolId}/schoolprogramma?gedaan=eerst-plan`, 303);
      const { jaar, interventie, pagina, geboekt } = req.query;
      const list = await expenses.listExpenses(
        db,
        l.plan.id,
        { schoolYearId: jaar, planInterventionId: interventie },
        pagina,
      );
      return reply.page(
        <ExpensesPage
          ctx={reply.ctx()}
          school={l.school}
          years={l.years}
          interventions={l.interventions}
          filter={{ jaar, interventie, pagina }}
          list={list}
          pages={Math.max(1, Math.ceil(list.count / expenses.expensesPerPage))}
          canEdit={canEdit(req.principal, l.school)}
          booked={
            geboekt === 'uitgave'
              ? 'De uitgave is geboekt.'
              : geboekt === 'correctie'
                ? 'De correctie is geboekt.'
                : geboekt === 'import'
                  ? 'De uitgaven uit het bestand zijn geboekt.'
                  : undefined
          }
        />,
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/uitgaven/nieuw',
    {
      config: { access: planEditors, page: true, examples: planSchoolExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => renderForm(reply, await load(req.params.schoolId), { values: {}, errors: {} }),
  );

  /** Books an expense or a correction after checking it; refusals re-render with the values. */
  const book = async (
    req: FastifyRequest,
    body: z.infer<typeof expenseBody>,
    reply: FastifyReply,
    l: Loaded,
    corrects: (expenses.ExpenseRow & { planId: number }) | undefined,
  ) => {
    const action = corrects ? correctionBookedAction : expenseBookedAction;
    const { _csrf: _c, _sleutel: key, ...values } = body as Record<string, string | undefined>;
    const checked = checkExpenseFields(body, {
      planInterventionIds: l.interventions.map((i) => i.id),
      years: l.years,
      today: todayIn(platform.now()),
      correction: corrects !== undefined,
    });
    if (!checked.ok) {
      await audit(req, db, {
        action,
        result: 'mislukt',
        objectType: 'school_plan',
        objectId: l.plan.id,
        organisationId: l.school.id,
        details: { velden: Object.keys(checked.errors).join(',') },
      });
      return renderForm(reply, l, { values, errors: checked.errors }, { corrects, key }, 400);
    }
    const x = checked.expense;
    const outcome = await db.transaction().execute(async (trx) =>
      createOnce(trx, req, body, async () => {
        const [expenseId] = await expenses.insertExpenses(
          trx,
          [{ planId: l.plan.id, ...x, correctsId: corrects?.id ?? null }],
          req.principal?.personId ?? null,
          platform.now(),
        );
        await audit(req, trx, {
          action,
          objectType: 'school_plan_expense',
          objectId: expenseId!,
          organisationId: l.school.id,
          details: {
            bedrag_cent: x.amountCents,
            interventie: x.planInterventionId,
            kostensoort: x.costType,
            corrigeert: corrects?.id ?? null,
          },
        });
        return `${expensesBase(l.school.id)}?geboekt=${corrects ? 'correctie' : 'uitgave'}`;
      }),
    );
    return reply.redirect(outcome.location ?? expensesBase(l.school.id), 303);
  };

  app.post(
    '/scholen/:schoolId/schoolprogramma/uitgaven/nieuw',
    {
      config: { access: planEditors, audit: expenseBookedAction, examples: newExpenseExample },
      schema: { params: schoolParams, body: expenseBody },
    },
    async (req, reply) => book(req, req.body, reply, await load(req.params.schoolId), undefined),
  );

  const loadCorrected = async (schoolId: number, expenseId: number) => {
    const l = await load(schoolId);
    const x = await expenses.findExpense(db, l.school.id, expenseId);
    if (!x || x.planId !== l.plan.id) throw notFound();
    // A correction of a correction corrects the original expense: the list keeps one level.
    const original = x.correctsId === null ? x : await expenses.findExpense(db, l.school.id, x.correctsId);
    if (!original) throw notFound();
    return { l, original };
  };

  app.get(
    '/scholen/:schoolId/schoolprogramma/uitgaven/:expenseId/correctie',
    {
      config: { access: planEditors, page: true, examples: correctionExample },
      schema: { params: expenseParams },
    },
    async (req, reply) => {
      const { l, original } = await loadCorrected(req.params.schoolId, req.params.expenseId);
      return renderForm(
        reply,
        l,
        {
          values: { interventie: String(original.planInterventionId), kostensoort: original.costType },
          errors: {},
        },
        { corrects: original },
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/uitgaven/:expenseId/correctie',
    {
      config: { access: planEditors, audit: correctionBookedAction, examples: correctionExample },
      schema: { params: expenseParams, body: expenseBody },
    },
    async (req, reply) => {
      const { l, original } = await loadCorrected(req.params.schoolId, req.params.expenseId);
      return book(req, req.body, reply, l, original);
    },
  );
}
