// The board's funding routes: the overview of its schools' amounts, and reserving or withdrawing money for a board-level pool.
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, optionalText, params, query, text } from '../../../platform/http/schemas.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { parseId } from '../../../platform/input/strict.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { listFundingYears } from '../repository/years.ts';
import {
  ensureExampleAmount,
  insertExampleReservation,
  reservationOfBoard,
} from '../repository/reservations.ts';
import { boardOverview, reserve, withdraw } from '../services/reservations.ts';
import { parseEuroToCents } from '../services/money.ts';
import { pickYear } from '../services/years.ts';
import { loadPurposeChoices } from '../services/reservation-purpose.ts';
import { BoardFundingPage, WithdrawReservationConfirm } from '../views/board.tsx';

const bestuur = access.board(['bestuur']);
const boardParams = params({ boardId: id });
const boardExamples = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };

// What the reservation form sends; the rules (own school, known amount, MR consent) are in the service.
const reservationFields = {
  schooljaar: text(100),
  school: text(50),
  bedrag: text(100),
  doel: text(5000),
  mrInstemming: text(100),
  // What the money funds (checked against the menu in force and the board's plan in the service).
  categorie: text(10),
  interventie: text(20),
  bovenschoolsPlan: text(20),
};

export function registerBoardRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  const renderBoard = async (
    reply: FastifyReply,
    boardId: number,
    label: string | undefined,
    form: FormState,
    saved?: string,
    status?: number,
  ) => {
    const data = await boardOverview(db, programmeId, boardId, label);
    if (!data) throw notFound();
    const choices = await loadPurposeChoices(db, boardId, programmeId, platform.now());
    return reply.page(
      <BoardFundingPage ctx={reply.ctx()} {...data} choices={choices} form={form} saved={saved} />,
      status,
    );
  };

  app.get(
    '/besturen/:boardId/bekostiging',
    {
      config: { access: bestuur, page: true, examples: boardExamples },
      schema: {
        params: boardParams,
        querystring: query({
          // An unknown year shows the current one; an unknown message shows none.
          schooljaar: optionalText(20).catch(undefined),
          opgeslagen: choice(['reservering', 'ingetrokken']).catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const { schooljaar, opgeslagen } = req.query;
      const saved =
        opgeslagen === 'reservering'
          ? 'De reservering is vastgelegd.'
          : opgeslagen === 'ingetrokken'
            ? 'De reservering is ingetrokken.'
            : undefined;
      return renderBoard(reply, req.params.boardId, schooljaar, emptyForm, saved);
    },
  );

  app.post(
    '/besturen/:boardId/bekostiging/reserveringen',
    {
      config: {
        access: bestuur,
        audit: 'bekostiging.reservering.vastgelegd',
        examples: {
          ...boardExamples,
          body: {
            schooljaar: '2021-2022',
            school: '0',
            bedrag: '100,00',
            doel: 'Bovenschoolse taalklas',
            mrInstemming: '2021-06-01',
          },
          // A school of the tenant's board, with a known amount to reserve from.
          bodyFor: async ({ db, schoolId, boardId }) => {
            await ensureExampleAmount(db, schoolId, boardId);
            return {
              schooljaar: '2021-2022',
              school: String(schoolId),
              bedrag: '100,00',
              doel: 'Bovenschoolse taalklas',
              mrInstemming: '2021-06-01',
            };
          },
        },
      },
      schema: { params: boardParams, body: form(reservationFields) },
    },
    async (req, reply) => {
      const { boardId } = req.params;
      const f = req.body;
      const years = await listFundingYears(db, programmeId);
      const year = pickYear(years, f.schooljaar);
      if (!year) throw notFound();
      const input = {
        schoolId: parseId(f.school) ?? 0,
        amountCents: parseEuroToCents(f.bedrag),
        purpose: f.doel.trim(),
        mrConsentOn: f.mrInstemming.trim(),
        funds: {
          categoryCode: f.categorie,
          interventionCode: f.interventie,
          planInterventionId:
            f.bovenschoolsPlan.trim() === '' ? null : (parseId(f.bovenschoolsPlan) ?? ('ongeldig' as const)),
        },
      };
      const choices = await loadPurposeChoices(db, boardId, programmeId, platform.now());
      const today = platform.now().toISOString().slice(0, 10);
      let errors: Record<string, string> = {};
      const saved = `/besturen/${boardId}/bekostiging?schooljaar=${year.label}&opgeslagen=reservering`;
      // A repeat of the same form (double click, two tabs) creates nothing and shows the first result.
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, f, async () => {
          const r = await reserve(trx, boardId, year, input, today, req.principal?.personId ?? null, choices);
          if (!r.ok) {
            errors = r.errors;
            return null;
          }
          await audit(req, trx, {
            action: 'bekostiging.reservering.vastgelegd',
            objectType: 'board_reservation',
            objectId: r.id,
            organisationId: boardId,
            details: {
              schoolId: input.schoolId,
              schooljaar: year.label,
              amountCents: input.amountCents,
              categorie: r.funds.categoryCode,
              interventieId: r.funds.interventionId,
              bovenschoolseInterventieId: r.funds.planInterventionId,
            },
          });
          return saved;
        }),
      );
      if (outcome.location === null)
        return renderBoard(reply, boardId, year.label, { values: f, errors }, undefined, 422);
      return reply.redirect(outcome.location, 303);
    },
  );

  // Withdrawing asks first: this page says what happens and posts to the route below.
  app.get(
    '/besturen/:boardId/bekostiging/reserveringen/:reservationId/intrekken',
    {
      config: {
        access: bestuur,
        page: true,
        examples: {
          params: async ({ boardId, schoolId, db }) => ({
            boardId,
            reservationId: await insertExampleReservation(db, boardId, schoolId),
          }),
        },
      },
      schema: { params: params({ boardId: id, reservationId: id }) },
    },
    async (req, reply) => {
      const { boardId, reservationId } = req.params;
      const r = await reservationOfBoard(db, boardId, reservationId);
      if (!r) throw notFound();
      if (r.withdrawn_at)
        return reply.redirect(
          `/besturen/${boardId}/bekostiging?schooljaar=${encodeURIComponent(r.school_year)}`,
          303,
        );
      return reply.page(<WithdrawReservationConfirm ctx={reply.ctx()} boardId={boardId} reservation={r} />);
    },
  );

  app.post(
    '/besturen/:boardId/bekostiging/reserveringen/:reservationId/intrekken',
    {
      config: {
        access: bestuur,
        audit: 'bekostiging.reservering.ingetrokken',
        examples: {
          params: async ({ boardId, schoolId, db }) => ({
            boardId,
            reservationId: await insertExampleReservation(db, boardId, schoolId),
          }),
          body: { schooljaar: '2021-2022' },
        },
      },
      schema: {
        params: params({ boardId: id, reservationId: id }),
        body: form({ schooljaar: text(100) }),
      },
    },
    async (req, reply) => {
      const { boardId, reservationId } = req.params;
      const label = req.body.schooljaar;
      const result = await db.transaction().execute(async (trx) => {
        const r = await withdraw(
          trx,
          boardId,
          reservationId,
          platform.now(),
          req.principal?.personId ?? null,
        );
        if (r === 'ingetrokken')
          await audit(req, trx, {
            action: 'bekostiging.reservering.ingetrokken',
            objectType: 'board_reservation',
            objectId: reservationId,
            organisationId: boardId,
          });
        return r;
      });
      if (result === 'onbekend') throw notFound();
      return reply.redirect(
        `/besturen/${boardId}/bekostiging?${label ? `schooljaar=${encodeURIComponent(label)}&` : ''}opgeslagen=ingetrokken`,
        303,
      );
    },
  );
}
