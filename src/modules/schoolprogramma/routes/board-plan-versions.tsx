// The board-level plan's versions and the GMR: submitting (freezes a numbered version and mails
// the GMR), reading a version and its difference with the one before, the discussion, and the
// GMR's one decision per version (GMR members only).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text } from '../../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { todayIn } from '../../menukaart/services/menu.ts';
import * as repo from '../repository/board-plan.ts';
import * as versions from '../repository/board-plan-versions.ts';
import {
  exampleIntervention,
  examplePlanRevision,
  exampleVersion,
} from '../repository/board-plan-examples.ts';
import { draftSnapshot, submitVersion } from '../services/board-plan.ts';
import { checkComment, checkDecisionForm, decidable } from '../services/board-plan-rules.ts';
import { diffSnapshots, readSnapshot } from '../services/board-plan-snapshot.ts';
import { BoardPlanDecisionPage } from '../views/board-plan-decision.tsx';
import { BoardPlanDiffPage } from '../views/board-plan-diff.tsx';
import { BoardPlanSubmitPage } from '../views/board-plan-submit.tsx';
import { BoardPlanVersionPage } from '../views/board-plan-version.tsx';
import { boardPlanBase } from '../views/board-plan-parts.tsx';
import { boardPlanEditors, boardPlanReaders, gmrMembers } from './board-plan-access.ts';

type ExampleDb = Parameters<typeof exampleVersion>[0];
const boardParams = params({ boardId: id });
const versionParams = params({ boardId: id, number: id });
const versionExample = {
  params: async ({ boardId, db }: { boardId: number; db: ExampleDb }) => ({
    boardId,
    number: await exampleVersion(db, boardId),
  }),
};
const refusals = {
  verouderd:
    'Het plan is gewijzigd sinds u deze pagina opende. Hieronder staat het plan zoals het nu is; kijk het na en leg het opnieuw voor.',
  leeg: 'Het plan heeft nog geen bovenschoolse interventies; er valt niets voor te leggen.',
  ongewijzigd: 'Het plan is niet veranderd sinds de vorige versie; een nieuwe versie is niet nodig.',
} as const;

export function registerBoardPlanVersionRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const personOf = (req: FastifyRequest) => req.principal?.personId ?? null;

  /** The board, its plan and one version of it; 404 when any is missing. */
  const findVersion = async (boardId: number, number: number) => {
    const board = await repo.findBoard(db, boardId);
    const plan = board && (await repo.findBoardPlan(db, boardId, programmeId));
    const version = plan && (await versions.versionByNumber(db, plan.id, number));
    if (!board || !plan || !version) throw notFound();
    const newest = (await versions.latestVersion(db, plan.id))!;
    return { board, plan, version, state: decidable(version, newest.number) };
  };

  const renderSubmit = async (
    reply: FastifyReply,
    boardId: number,
    f: FormState,
    status?: number,
    problem?: string,
  ) => {
    const board = await repo.findBoard(db, boardId);
    if (!board) throw notFound();
    const plan = await repo.ensureBoardPlan(db, boardId, programmeId, null, platform.now());
    const newest = await versions.latestVersion(db, plan.id);
    return reply.page(
      <BoardPlanSubmitPage
        ctx={reply.ctx()}
        board={board}
        draft={await draftSnapshot(db, plan.id)}
        nextNumber={(newest?.number ?? 0) + 1}
        gmrCount={(await versions.gmrMembers(db, boardId)).length}
        form={{ values: { ...f.values, revisie: String(plan.revision) }, errors: f.errors }}
        problem={problem}
      />,
      status,
    );
  };

  app.get(
    '/besturen/:boardId/bovenschools/indienen',
    {
      config: { access: boardPlanEditors, page: true, examples: { params: ({ boardId }) => ({ boardId }) } },
      schema: { params: boardParams },
    },
    async (req, reply) => renderSubmit(reply, req.params.boardId, emptyForm),
  );

  app.post(
    '/besturen/:boardId/bovenschools/indienen',
    {
      config: {
        access: boardPlanEditors,
        audit: 'bovenschools.versie.ingediend',
        examples: {
          params: async ({ boardId, db }) => {
            await exampleIntervention(db, boardId);
            return { boardId };
          },
          bodyFor: async ({ boardId, db }) => ({
            toelichting: 'Eerste versie voor de GMR',
            revisie: await examplePlanRevision(db, boardId),
          }),
        },
      },
      schema: { params: boardParams, body: form({ toelichting: text(6000), revisie: text(20) }) },
    },
    async (req, reply) => {
      const { boardId } = req.params;
      const board = await repo.findBoard(db, boardId);
      const plan = board && (await repo.findBoardPlan(db, boardId, programmeId));
      if (!board || !plan) throw notFound();
      const values = { toelichting: req.body.toelichting };
      if (req.body.toelichting.length > 5000)
        return renderSubmit(
          reply,
          boardId,
          { values, errors: { toelichting: 'Houd de toelichting korter dan 5000 tekens.' } },
          400,
        );
      const outcome = await db.transaction().execute(async (trx) => {
        const r = await submitVersion(
          trx,
          { mailer: platform.mailer, baseUrl: platform.config.baseUrl },
          {
            board,
            planId: plan.id,
            revision: Number(req.body.revisie),
            note: req.body.toelichting.trim(),
            personId: personOf(req),
            now: platform.now(),
          },
        );
        await audit(req, trx, {
          action: 'bovenschools.versie.ingediend',
          result: r.ok ? 'ok' : 'mislukt',
          objectType: 'board_plan',
          objectId: plan.id,
          organisationId: boardId,
          details: r.ok ? { versie: r.number, gmrLeden: r.mailed } : { reden: r.reason },
        });
        return r;
      });
      if (!outcome.ok)
        return renderSubmit(
          reply,
          boardId,
          { values, errors: {} },
          outcome.reason === 'verouderd' ? 409 : 400,
          refusals[outcome.reason],
        );
      return reply.redirect(`${boardPlanBase(boardId)}?opgeslagen=ingediend`, 303);
    },
  );

  const renderVersion = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof findVersion>>,
    f: FormState,
    status?: number,
    saved?: string,
  ) =>
    reply.page(
      <BoardPlanVersionPage
        ctx={reply.ctx()}
        board={found.board}
        version={found.version}
        snapshot={readSnapshot(found.version.snapshot)}
        decidable={found.state}
        canDecide={
          decide(req.principal, gmrMembers, { id: found.board.id, kind: 'bestuur', parentId: null }) ===
          'allow'
        }
        comments={await versions.commentsOf(db, found.version.id)}
        form={f}
        saved={saved}
      />,
      status,
    );

  app.get(
    '/besturen/:boardId/bovenschools/versies/:number',
    {
      config: { access: boardPlanReaders, page: true, examples: versionExample },
      schema: {
        params: versionParams,
        querystring: query({ opgeslagen: choice(['reactie', 'besluit']).catch(undefined) }),
      },
    },
    async (req, reply) => {
      const found = await findVersion(req.params.boardId, req.params.number);
      const saved =
        req.query.opgeslagen === 'reactie'
          ? 'Uw reactie is geplaatst.'
          : req.query.opgeslagen === 'besluit'
            ? 'Het besluit van de GMR is vastgelegd.'
            : undefined;
      return renderVersion(req, reply, found, emptyForm, undefined, saved);
    },
  );

  app.get(
    '/besturen/:boardId/bovenschools/versies/:number/verschil',
    {
      config: { access: boardPlanReaders, page: true, examples: versionExample },
      schema: { params: versionParams },
    },
    async (req, reply) => {
      const found = await findVersion(req.params.boardId, req.params.number);
      const previous =
        found.version.number > 1
          ? await versions.versionByNumber(db, found.plan.id, found.version.number - 1)
          : undefined;
      const changes = diffSnapshots(
        previous ? readSnapshot(previous.snapshot) : null,
        readSnapshot(found.version.snapshot),
      );
      return reply.page(
        <BoardPlanDiffPage
          ctx={reply.ctx()}
          board={found.board}
          number={found.version.number}
          changes={changes}
        />,
      );
    },
  );

  app.post(
    '/besturen/:boardId/bovenschools/versies/:number/reacties',
    {
      config: {
        access: boardPlanReaders,
        audit: 'bovenschools.reactie.geplaatst',
        examples: {
          ...versionExample,
          body: { reactie: 'Hoe verdelen de scholen de plaatsen in de taalklas?' },
        },
      },
      schema: { params: versionParams, body: form({ reactie: text(6000) }) },
    },
    async (req, reply) => {
      const found = await findVersion(req.params.boardId, req.params.number);
      const problem = checkComment(req.body.reactie);
      if (problem) {
        await audit(req, db, {
          action: 'bovenschools.reactie.geplaatst',
          result: 'mislukt',
          objectType: 'board_plan_version',
          objectId: found.version.id,
          organisationId: found.board.id,
        });
        return renderVersion(req, reply, found, { values: req.body, errors: { reactie: problem } }, 400);
      }
      await db.transaction().execute(async (trx) => {
        const commentId = await versions.insertComment(trx, {
          versionId: found.version.id,
          personId: personOf(req),
          body: req.body.reactie.trim(),
          now: platform.now(),
        });
        await audit(req, trx, {
          action: 'bovenschools.reactie.geplaatst',
          objectType: 'board_plan_comment',
          objectId: commentId,
          organisationId: found.board.id,
          details: { versie: found.version.number },
        });
      });
      return reply.redirect(
        `${boardPlanBase(found.board.id)}/versies/${found.version.number}?opgeslagen=reactie#reacties`,
        303,
      );
    },
  );

  app.get(
    '/besturen/:boardId/bovenschools/versies/:number/besluit',
    {
      config: { access: gmrMembers, page: true, examples: versionExample },
      schema: { params: versionParams },
    },
    async (req, reply) => {
      const found = await findVersion(req.params.boardId, req.params.number);
      // Decided or replaced: nothing to decide here, the version page says why.
      if (found.state !== 'ja')
        return reply.redirect(`${boardPlanBase(found.board.id)}/versies/${found.version.number}`, 303);
      return reply.page(
        <BoardPlanDecisionPage
          ctx={reply.ctx()}
          board={found.board}
          number={found.version.number}
          form={emptyForm}
        />,
      );
    },
  );

  app.post(
    '/besturen/:boardId/bovenschools/versies/:number/besluit',
    {
      config: {
        access: gmrMembers,
        audit: 'bovenschools.besluit.vastgelegd',
        examples: {
          ...versionExample,
          body: { besluit: 'instemming', redenen: '', vergaderdatum: '2021-10-12' },
        },
      },
      schema: {
        params: versionParams,
        body: form({ besluit: text(40), redenen: text(6000), vergaderdatum: text(40) }),
      },
    },
    async (req, reply) => {
      const found = await findVersion(req.params.boardId, req.params.number);
      const now = platform.now();
      const checked = checkDecisionForm(
        req.body,
        todayIn(now),
        todayIn(new Date(found.version.submitted_at)),
      );
      const failed = (reason: string) =>
        audit(req, db, {
          action: 'bovenschools.besluit.vastgelegd',
          result: 'mislukt',
          objectType: 'board_plan_version',
          objectId: found.version.id,
          organisationId: found.board.id,
          details: { reden: reason },
        });
      const page = (f: FormState, status: number) =>
        reply.page(
          <BoardPlanDecisionPage
            ctx={reply.ctx()}
            board={found.board}
            number={found.version.number}
            form={f}
          />,
          status,
        );
      if (found.state !== 'ja') {
        await failed(found.state);
        const message =
          found.state === 'al-besloten'
            ? 'De GMR heeft over deze versie al besloten. Een besluit wordt niet veranderd; over een gewijzigd plan besluit de GMR bij de nieuwe versie.'
            : 'Er is een nieuwere versie van het plan. De GMR besluit over de nieuwste versie.';
        return page({ values: req.body, errors: { besluit: message } }, 409);
      }
      if (!checked.value) {
        await failed('ongeldige-invoer');
        return page({ values: req.body, errors: checked.errors }, 400);
      }
      const value = checked.value;
      const recorded = await db.transaction().execute(async (trx) => {
        const ok = await versions.insertDecision(trx, {
          versionId: found.version.id,
          ...value,
          personId: personOf(req),
          now,
        });
        await audit(req, trx, {
          action: 'bovenschools.besluit.vastgelegd',
          result: ok ? 'ok' : 'mislukt',
          objectType: 'board_plan_version',
          objectId: found.version.id,
          organisationId: found.board.id,
          details: { versie: found.version.number, besluit: value.decision, vergaderdatum: value.meetingOn },
        });
        return ok;
      });
      if (!recorded)
        return page(
          { values: req.body, errors: { besluit: 'De GMR heeft over deze versie al besloten.' } },
          409,
        );
      return reply.redirect(
        `${boardPlanBase(found.board.id)}/versies/${found.version.number}?opgeslagen=besluit`,
        303,
      );
    },
  );
}
