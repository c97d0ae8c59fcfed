// The board-level plan's draft: its home page, adding, changing (optimistic locking) and removing
// board-level interventions. Versions and the GMR are in board-plan-versions.tsx.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text } from '../../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { purposeMenu } from '../../funding/services/reservation-purpose.ts';
import * as repo from '../repository/board-plan.ts';
import { exampleIntervention } from '../repository/board-plan-examples.ts';
import { loadBoardPlan } from '../services/board-plan.ts';
import { checkInterventionForm, planStatus } from '../services/board-plan-rules.ts';
import { BoardPlanPage } from '../views/board-plan.tsx';
import { BoardInterventionFormPage, DeleteBoardInterventionPage } from '../views/board-plan-intervention.tsx';
import { boardPlanBase } from '../views/board-plan-parts.tsx';
import { boardPlanEditors, boardPlanReaders } from './board-plan-access.ts';

const boardParams = params({ boardId: id });
const interventionParams = params({ boardId: id, boardInterventionId: id });
const boardExample = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };
const interventionExample = {
  params: async ({ boardId, db }: { boardId: number; db: Parameters<typeof exampleIntervention>[0] }) => ({
    boardId,
    boardInterventionId: await exampleIntervention(db, boardId),
  }),
};
const interventionFields = {
  titel: text(300),
  categorie: text(10),
  interventie: text(20),
  beschrijving: text(6000),
  verantwoordelijke: text(300),
};
const exampleBody = {
  titel: 'Bovenschoolse taalklas',
  categorie: 'B',
  interventie: '',
  beschrijving: 'Een taalklas voor nieuwkomers van alle scholen.',
  verantwoordelijke: 'Bovenschools coördinator',
};
const savedMessages = {
  toegevoegd: 'De bovenschoolse interventie is toegevoegd.',
  gewijzigd: 'De bovenschoolse interventie is gewijzigd.',
  verwijderd: 'De bovenschoolse interventie is verwijderd uit de werkversie.',
  ingediend: 'De nieuwe versie is aan de GMR voorgelegd; de GMR-leden hebben een e-mail gekregen.',
} as const;

export function registerBoardPlanRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const personOf = (req: FastifyRequest) => req.principal?.personId ?? null;

  app.get(
    '/besturen/:boardId/bovenschools',
    {
      config: { access: boardPlanReaders, page: true, examples: boardExample },
      schema: {
        params: boardParams,
        querystring: query({
          opgeslagen: choice(['toegevoegd', 'gewijzigd', 'verwijderd', 'ingediend']).catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const data = await loadBoardPlan(db, req.params.boardId, programmeId);
      if (!data) throw notFound();
      const canEdit =
        decide(req.principal, boardPlanEditors, { id: data.board.id, kind: 'bestuur', parentId: null }) ===
        'allow';
      return reply.page(
        <BoardPlanPage
          ctx={reply.ctx()}
          board={data.board}
          draft={data.draft}
          versions={data.versions}
          status={planStatus(data.versions)}
          changed={data.changedSinceNewest}
          canEdit={canEdit}
          saved={req.query.opgeslagen ? savedMessages[req.query.opgeslagen] : undefined}
        />,
      );
    },
  );

  const renderForm = async (
    reply: FastifyReply,
    boardId: number,
    f: FormState,
    status?: number,
    extra: {
      interventionId?: number;
      conflict?: Parameters<typeof BoardInterventionFormPage>[0]['conflict'];
    } = {},
  ) =>
    reply.page(
      <BoardInterventionFormPage
        ctx={reply.ctx()}
        boardId={boardId}
        menu={await purposeMenu(db, platform.now())}
        form={f}
        {...extra}
      />,
      status,
    );

  app.get(
    '/besturen/:boardId/bovenschools/interventies/nieuw',
    {
      config: { access: boardPlanEditors, page: true, examples: boardExample },
      schema: { params: boardParams },
    },
    async (req, reply) => {
      if (!(await repo.findBoard(db, req.params.boardId))) throw notFound();
      return renderForm(reply, req.params.boardId, emptyForm);
    },
  );

  app.post(
    '/besturen/:boardId/bovenschools/interventies/nieuw',
    {
      config: {
        access: boardPlanEditors,
        audit: 'bovenschools.interventie.toegevoegd',
        examples: { ...boardExample, body: exampleBody },
      },
      schema: { params: boardParams, body: form(interventionFields) },
    },
    async (req, reply) => {
      const { boardId } = req.params;
      const board = await repo.findBoard(db, boardId);
      if (!board) throw notFound();
      const now = platform.now();
      const checked = checkInterventionForm(await purposeMenu(db, now), req.body);
      if (!checked.values) {
        await audit(req, db, {
          action: 'bovenschools.interventie.toegevoegd',
          result: 'mislukt',
          objectType: 'board_plan',
          organisationId: boardId,
          details: { velden: Object.keys(checked.errors).join(',') },
        });
        return renderForm(reply, boardId, { values: req.body, errors: checked.errors }, 400);
      }
      const values = checked.values;
      await db.transaction().execute(async (trx) => {
        const plan = await repo.ensureBoardPlan(trx, boardId, programmeId, personOf(req), now);
        const newId = await repo.insertIntervention(trx, plan.id, values, personOf(req), now);
        await repo.bumpPlan(trx, plan.id, null, personOf(req), now);
        await audit(req, trx, {
          action: 'bovenschools.interventie.toegevoegd',
          objectType: 'board_plan_intervention',
          objectId: newId,
          organisationId: boardId,
          details: { categorie: values.categoryCode, interventieId: values.interventionId },
        });
      });
      return reply.redirect(`${boardPlanBase(boardId)}?opgeslagen=toegevoegd`, 303);
    },
  );

  const formValues = async (i: NonNullable<Awaited<ReturnType<typeof repo.interventionOfBoard>>>) => {
    const code = i.intervention_id
      ? (
          await db
            .selectFrom('menukaart_intervention')
            .select('code')
            .where('id', '=', i.intervention_id)
            .executeTakeFirst()
        )?.code
      : undefined;
    return {
      titel: i.title,
      categorie: i.category_code,
      interventie: code ?? '',
      beschrijving: i.description,
      verantwoordelijke: i.responsible,
      revisie: String(i.revision),
    };
  };

  app.get(
    '/besturen/:boardId/bovenschools/interventies/:boardInterventionId',
    {
      config: { access: boardPlanEditors, page: true, examples: interventionExample },
      schema: { params: interventionParams },
    },
    async (req, reply) => {
      const { boardId, boardInterventionId } = req.params;
      const i = await repo.interventionOfBoard(db, boardId, boardInterventionId);
      if (!i) throw notFound();
      return renderForm(reply, boardId, { values: await formValues(i), errors: {} }, undefined, {
        interventionId: i.id,
      });
    },
  );

  app.post(
    '/besturen/:boardId/bovenschools/interventies/:boardInterventionId',
    {
      config: {
        access: boardPlanEditors,
        audit: 'bovenschools.interventie.gewijzigd',
        examples: { ...interventionExample, body: { ...exampleBody, revisie: '1' } },
      },
      schema: { params: interventionParams, body: form({ ...interventionFields, revisie: text(20) }) },
    },
    async (req, reply) => {
      const { boardId, boardInterventionId } = req.params;
      const i = await repo.interventionOfBoard(db, boardId, boardInterventionId);
      if (!i) throw notFound();
      const now = platform.now();
      const failed = async (reason: string) =>
        audit(req, db, {
          action: 'bovenschools.interventie.gewijzigd',
          result: 'mislukt',
          objectType: 'board_plan_intervention',
          objectId: i.id,
          organisationId: boardId,
          details: { reden: reason },
        });
      const checked = checkInterventionForm(await purposeMenu(db, now), req.body);
      if (!checked.values) {
        await failed('ongeldige-invoer');
        return renderForm(reply, boardId, { values: req.body, errors: checked.errors }, 400, {
          interventionId: i.id,
        });
      }
      const values = checked.values;
      const revision = Number(req.body.revisie);
      const saved = await db.transaction().execute(async (trx) => {
        if (
          !Number.isInteger(revision) ||
          !(await repo.updateIntervention(trx, i.id, revision, values, personOf(req), now))
        )
          return false;
        await repo.bumpPlan(trx, i.plan_id, null, personOf(req), now);
        await audit(req, trx, {
          action: 'bovenschools.interventie.gewijzigd',
          objectType: 'board_plan_intervention',
          objectId: i.id,
          organisationId: boardId,
          details: { categorie: values.categoryCode, interventieId: values.interventionId },
        });
        return true;
      });
      if (!saved) {
        await failed('verouderde-revisie');
        const now2 = (await repo.interventionOfBoard(db, boardId, i.id))!;
        const current = await formValues(now2);
        return renderForm(
          reply,
          boardId,
          { values: { ...req.body, revisie: current.revisie }, errors: {} },
          409,
          {
            interventionId: i.id,
            conflict: {
              title: current.titel,
              category: current.categorie,
              intervention: current.interventie,
              description: current.beschrijving,
              responsible: current.verantwoordelijke,
            },
          },
        );
      }
      return reply.redirect(`${boardPlanBase(boardId)}?opgeslagen=gewijzigd`, 303);
    },
  );

  app.get(
    '/besturen/:boardId/bovenschools/interventies/:boardInterventionId/verwijderen',
    {
      config: { access: boardPlanEditors, page: true, examples: interventionExample },
      schema: { params: interventionParams },
    },
    async (req, reply) => {
      const { boardId, boardInterventionId } = req.params;
      const i = await repo.interventionOfBoard(db, boardId, boardInterventionId);
      if (!i) throw notFound();
      return reply.page(<DeleteBoardInterventionPage ctx={reply.ctx()} boardId={boardId} intervention={i} />);
    },
  );

  app.post(
    '/besturen/:boardId/bovenschools/interventies/:boardInterventionId/verwijderen',
    {
      config: {
        access: boardPlanEditors,
        audit: 'bovenschools.interventie.verwijderd',
        examples: { ...interventionExample, body: { revisie: '1' } },
      },
      schema: { params: interventionParams, body: form({ revisie: text(20) }) },
    },
    async (req, reply) => {
      const { boardId, boardInterventionId } = req.params;
      const i = await repo.interventionOfBoard(db, boardId, boardInterventionId);
      if (!i) throw notFound();
      const stale = String(i.revision) !== req.body.revisie;
      await db.transaction().execute(async (trx) => {
        if (!stale) {
          await repo.deleteIntervention(trx, i.id);
          await repo.bumpPlan(trx, i.plan_id, null, personOf(req), platform.now());
        }
        await audit(req, trx, {
          action: 'bovenschools.interventie.verwijderd',
          result: stale ? 'mislukt' : 'ok',
          objectType: 'board_plan_intervention',
          objectId: i.id,
          organisationId: boardId,
          details: { titel: i.title, ...(stale ? { reden: 'verouderde-revisie' } : {}) },
        });
      });
      if (stale)
        return reply.page(
          <DeleteBoardInterventionPage ctx={reply.ctx()} boardId={boardId} intervention={i} stale />,
          409,
        );
      return reply.redirect(`${boardPlanBase(boardId)}?opgeslagen=verwijderd`, 303);
    },
  );
}
