// Evaluation of a plan's interventions (plan–do–check–act): everyone who may read the plan reads
// the evaluations; the school leader adds them and changes them, guarded by a revision.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, many, params, query, text, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findSchool } from '../repository/plans.ts';
import * as repo from '../repository/evaluations.ts';
import {
  addedAuditAction,
  changedAuditAction,
  maxReasonLength,
  maxResultsLength,
  parseEvaluation,
  type EvaluationInput,
} from '../services/evaluation.ts';
import { EvaluationListPage } from '../views/evaluation-list.tsx';
import { EvaluationEditPage } from '../views/evaluation-edit.tsx';
import { evaluationBase, formOf } from '../views/evaluation-parts.tsx';
import { planEditors, planReaders } from './access.ts';
import {
  changeEvaluationExample,
  evaluationExample,
  interventionExample,
  newEvaluationExample,
} from './board-examples.ts';

const interventionParams = params({ schoolId: id, planInterventionId: id });
const evaluationParams = params({ schoolId: id, planInterventionId: id, evaluationId: id });
// Generous limits: a longer text gets the form's own message, with the values kept.
const evaluationForm = form({
  datum: text(40),
  resultaten: text(maxResultsLength * 2),
  links: many(300, 40),
  besluit: text(20),
  reden: text(maxReasonLength * 2),
  revisie: text(12),
});

type EvaluationBody = z.infer<typeof evaluationForm>;

const valuesOf = (b: EvaluationBody): FormState['values'] => ({
  datum: b.datum,
  resultaten: b.resultaten,
  links: b.links.join('\n'),
  besluit: b.besluit,
  reden: b.reden,
  revisie: b.revisie,
});

export function registerEvaluationRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const today = () => platform.now().toISOString().slice(0, 10);

  /** The school and the intervention of its plan, or a 404; whether the user may edit. */
  const load = async (req: FastifyRequest, schoolId: number, planInterventionId: number) => {
    const school = await findSchool(db, schoolId);
    if (!school) throw notFound();
    const intervention = await repo.findPlanIntervention(db, school.id, programmeId, planInterventionId);
    if (!intervention) throw notFound();
    const canEdit =
      decide(req.principal, planEditors, { id: school.id, kind: 'school', parentId: school.parent_id }) ===
      'allow';
    return { school, intervention, canEdit };
  };

  const input = (b: EvaluationBody): EvaluationInput => ({
    datum: b.datum,
    resultaten: b.resultaten,
    links: b.links,
    besluit: b.besluit,
    reden: b.reden,
  });

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie',
    {
      config: { access: planReaders, page: true, examples: interventionExample },
      schema: {
        params: interventionParams,
        querystring: query({ opgeslagen: z.literal('1').optional().catch(undefined) }),
      },
    },
    async (req, reply) => {
      const { school, intervention, canEdit } = await load(
        req,
        req.params.schoolId,
        req.params.planInterventionId,
      );
      return reply.page(
        <EvaluationListPage
          ctx={reply.ctx()}
          schoolId={school.id}
          intervention={intervention}
          evaluations={await repo.evaluationsOf(db, intervention.id)}
          canEdit={canEdit}
          saved={req.query.opgeslagen === '1'}
        />,
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie/nieuw',
    {
      config: { access: planEditors, page: true, examples: interventionExample },
      schema: { params: interventionParams },
    },
    async (req, reply) => {
      const { school, intervention } = await load(req, req.params.schoolId, req.params.planInterventionId);
      return reply.page(
        <EvaluationEditPage
          ctx={reply.ctx()}
          schoolId={school.id}
          intervention={intervention}
          form={{ values: { datum: '' }, errors: {} }}
          options={await repo.scanLinkOptions(db, school.id, intervention.starts_on)}
          canEdit
        />,
      );
    },
  );

  const refuse = async (
    req: FastifyRequest,
    action: string,
    schoolId: number,
    objectId: number,
    reden: string,
  ) =>
    audit(req, db, {
      action,
      result: 'mislukt',
      objectType: 'schoolprogramma-interventie',
      objectId,
      organisationId: schoolId,
      details: { reden },
    });

  app.post(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie/nieuw',
    {
      config: { access: planEditors, audit: addedAuditAction, examples: newEvaluationExample },
      schema: { params: interventionParams, body: evaluationForm },
    },
    async (req, reply) => {
      const { school, intervention } = await load(req, req.params.schoolId, req.params.planInterventionId);
      const options = await repo.scanLinkOptions(db, school.id, intervention.starts_on);
      const parsed = parseEvaluation(input(req.body), options, intervention.starts_on, today());
      if (!parsed.ok) {
        await refuse(req, addedAuditAction, school.id, intervention.id, 'ongeldige-invoer');
        return reply.page(
          <EvaluationEditPage
            ctx={reply.ctx()}
            schoolId={school.id}
            intervention={intervention}
            form={{ values: valuesOf(req.body), errors: parsed.errors }}
            options={options}
            canEdit
          />,
          400,
        );
      }
      await db.transaction().execute(async (trx) => {
        const row = await repo.insertEvaluation(
          trx,
          intervention.id,
          parsed.value,
          req.principal?.personId ?? null,
          platform.now(),
        );
        await audit(req, trx, {
          action: addedAuditAction,
          objectType: 'schoolprogramma-evaluatie',
          objectId: row.id,
          organisationId: school.id,
          details: { interventie: intervention.id, besluit: parsed.value.decision },
        });
      });
      return reply.redirect(`${evaluationBase(school.id, intervention.id)}?opgeslagen=1`, 303);
    },
  );

  app.get(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie/:evaluationId',
    {
      config: { access: planReaders, page: true, examples: evaluationExample },
      schema: { params: evaluationParams },
    },
    async (req, reply) => {
      const { school, intervention, canEdit } = await load(
        req,
        req.params.schoolId,
        req.params.planInterventionId,
      );
      const evaluation = await repo.findEvaluation(db, intervention.id, req.params.evaluationId);
      if (!evaluation) throw notFound();
      return reply.page(
        <EvaluationEditPage
          ctx={reply.ctx()}
          schoolId={school.id}
          intervention={intervention}
          evaluation={evaluation}
          form={formOf(evaluation)}
          options={canEdit ? await repo.scanLinkOptions(db, school.id, intervention.starts_on) : []}
          canEdit={canEdit}
        />,
      );
    },
  );

  const renderEdit = async (
    reply: FastifyReply,
    schoolId: number,
    intervention: repo.PlanInterventionRef,
    evaluation: repo.EvaluationRow,
    formState: FormState,
    status: number,
    conflict = false,
  ) =>
    reply.page(
      <EvaluationEditPage
        ctx={reply.ctx()}
        schoolId={schoolId}
        intervention={intervention}
        evaluation={evaluation}
        form={formState}
        options={await repo.scanLinkOptions(db, schoolId, intervention.starts_on)}
        canEdit
        conflict={conflict}
      />,
      status,
    );

  app.post(
    '/scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie/:evaluationId',
    {
      config: { access: planEditors, audit: changedAuditAction, examples: changeEvaluationExample },
      schema: { params: evaluationParams, body: evaluationForm },
    },
    async (req, reply) => {
      const { school, intervention } = await load(req, req.params.schoolId, req.params.planInterventionId);
      const current = await repo.findEvaluation(db, intervention.id, req.params.evaluationId);
      if (!current) throw notFound();
      const options = await repo.scanLinkOptions(db, school.id, intervention.starts_on);
      const parsed = parseEvaluation(input(req.body), options, intervention.starts_on, today());
      const revision = /^\d{1,9}$/.test(req.body.revisie) ? Number(req.body.revisie) : 0;
      if (!parsed.ok) {
        await refuse(req, changedAuditAction, school.id, current.id, 'ongeldige-invoer');
        return renderEdit(
          reply,
          school.id,
          intervention,
          current,
          { values: valuesOf(req.body), errors: parsed.errors },
          400,
        );
      }
      const saved = await db.transaction().execute(async (trx) => {
        const row = await repo.updateEvaluation(
          trx,
          intervention.id,
          current.id,
          revision,
          parsed.value,
          req.principal?.personId ?? null,
          platform.now(),
        );
        if (!row) return false;
        await audit(req, trx, {
          action: changedAuditAction,
          objectType: 'schoolprogramma-evaluatie',
          objectId: current.id,
          organisationId: school.id,
          details: { interventie: intervention.id, besluit: parsed.value.decision, revisie: row.revision },
        });
        return true;
      });
      if (!saved) {
        // Someone saved in between: keep this user's input, show what is saved now, and take the
        // new revision so saving again deliberately overwrites it.
        const latest = (await repo.findEvaluation(db, intervention.id, current.id)) ?? current;
        await refuse(req, changedAuditAction, school.id, current.id, 'gewijzigd-door-ander');
        return renderEdit(
          reply,
          school.id,
          intervention,
          latest,
          { values: { ...valuesOf(req.body), revisie: String(latest.revision) }, errors: {} },
          409,
          true,
        );
      }
      return reply.redirect(`${evaluationBase(school.id, intervention.id)}?opgeslagen=1`, 303);
    },
  );
}
