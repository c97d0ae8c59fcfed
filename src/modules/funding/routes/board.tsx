// The board's funding routes: the overview of its schools' amounts, and reserving or withdrawing money for a board-level pool.
import type { FastifyRequest, FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import * as repo from '../repository.ts';
import { checkReservation } from '../services/recompute.ts';
import { parseEuroToCents } from '../services/money.ts';
import { BoardFundingPage, type BoardSchoolRow } from '../views/board.tsx';
import { notFound, str, formOf, pickYear } from './shared.ts';
import { parseId } from '../../../platform/input/strict.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';

export function registerBoardRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  const boardPage = async (
    req: FastifyRequest,
    boardId: number,
    label: string | undefined,
    form: FormState,
    saved?: string,
  ) => {
    const board = await repo.findBoard(db, boardId);
    if (!board) throw notFound();
    const years = await repo.listFundingYears(db, programmeId);
    const year = pickYear(years, label);
    if (!year) throw notFound();
    const schools = await repo.schoolsOfBoard(db, boardId);
    const runIds = [year.currentRunId, year.previousRunId].filter((x): x is number => x !== null);
    const allocs = await repo.allocationsFor(
      db,
      runIds,
      schools.map((s) => s.id),
    );
    const reserved = await repo.reservedPerSchool(db, boardId, year.schoolYearId);
    const rows: BoardSchoolRow[] = schools.map((s) => ({
      school: s,
      current: allocs.find((a) => a.runId === year.currentRunId && a.schoolId === s.id),
      previous: year.previousRunId
        ? allocs.find((a) => a.runId === year.previousRunId && a.schoolId === s.id)
        : undefined,
      reserved: reserved.get(s.id) ?? 0,
    }));
    const reservations = await repo.reservationsOfBoard(db, boardId, year.schoolYearId);
    return { board, years, year, rows, reservations, form, saved };
  };

  const boardExamples = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };

  app.get(
    '/besturen/:boardId/bekostiging',
    { config: { access: access.board(['bestuur']), page: true, examples: boardExamples } },
    async (req, reply) => {
      const boardId = Number((req.params as Record<string, string>).boardId);
      const q = req.query as Record<string, unknown>;
      const saved =
        q.opgeslagen === 'reservering'
          ? 'De reservering is vastgelegd.'
          : q.opgeslagen === 'ingetrokken'
            ? 'De reservering is ingetrokken.'
            : undefined;
      const data = await boardPage(req, boardId, str(q.schooljaar, 20), emptyForm, saved);
      return reply.page(<BoardFundingPage ctx={reply.ctx()} {...data} />);
    },
  );

  app.post(
    '/besturen/:boardId/bekostiging/reserveringen',
    {
      config: {
        access: access.board(['bestuur']),
        examples: {
          ...boardExamples,
          body: {
            schooljaar: '2021-2022',
            school: '0',
            bedrag: '100,00',
            doel: 'Bovenschoolse taalklas',
            mrInstemming: '2021-06-01',
          },
        },
      },
    },
    async (req, reply) => {
      const boardId = Number((req.params as Record<string, string>).boardId);
      const f = formOf(req);
      const years = await repo.listFundingYears(db, programmeId);
      const year = pickYear(years, f.schooljaar);
      if (!year) throw notFound();
      const input = {
        schoolId: parseId(f.school) ?? 0,
        amountCents: parseEuroToCents(f.bedrag ?? ''),
        purpose: (f.doel ?? '').trim(),
        mrConsentOn: (f.mrInstemming ?? '').trim(),
      };
      const today = platform.now().toISOString().slice(0, 10);
      let errors: Record<string, string> = {};
      const saved = `/besturen/${boardId}/bekostiging?schooljaar=${year.label}&opgeslagen=reservering`;
      // A repeat of the same form (double click, two tabs) creates nothing and shows the first result.
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, f, async () => {
          // Lock the school so two reservations at once cannot both take the last euro.
          await trx
            .selectFrom('organisation')
            .select('id')
            .where('id', '=', input.schoolId)
            .forUpdate()
            .execute();
          errors = await checkReservation(trx, boardId, year, input, today);
          if (Object.keys(errors).length) return null;
          const row = await trx
            .insertInto('board_reservation')
            .values({
              board_id: boardId,
              school_id: input.schoolId,
              school_year_id: year.schoolYearId,
              amount_cents: input.amountCents!,
              purpose: input.purpose,
              mr_consent_on: input.mrConsentOn,
              created_by: req.principal?.personId ?? null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit(req, trx, {
            action: 'bekostiging.reservering.vastgelegd',
            objectType: 'board_reservation',
            objectId: row.id,
            organisationId: boardId,
            details: { schoolId: input.schoolId, schooljaar: year.label, amountCents: input.amountCents! },
          });
          return saved;
        }),
      );
      if (outcome.location === null) {
        const data = await boardPage(req, boardId, year.label, { values: f, errors });
        return reply.page(<BoardFundingPage ctx={reply.ctx()} {...data} />, 422);
      }
      return reply.redirect(outcome.location, 303);
    },
  );

  app.post(
    '/besturen/:boardId/bekostiging/reserveringen/:reservationId/intrekken',
    {
      config: {
        access: access.board(['bestuur']),
        examples: {
          params: async ({ boardId, schoolId, db }) => {
            const y = await db
              .selectFrom('school_year')
              .select('id')
              .orderBy('starts_on')
              .executeTakeFirstOrThrow();
            const r = await db
              .insertInto('board_reservation')
              .values({
                board_id: boardId,
                school_id: schoolId,
                school_year_id: y.id,
                amount_cents: 100,
                purpose: 'Voorbeeldreservering',
                mr_consent_on: '2021-06-01',
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            return { boardId, reservationId: r.id };
          },
          body: { schooljaar: '2021-2022' },
        },
      },
    },
    async (req, reply) => {
      const p = req.params as Record<string, string>;
      const boardId = Number(p.boardId);
      const reservationId = Number(p.reservationId);
      if (!Number.isSafeInteger(reservationId)) throw notFound();
      const label = formOf(req).schooljaar;
      const done = await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('board_reservation')
          .set({ withdrawn_at: platform.now(), withdrawn_by: req.principal?.personId ?? null })
          .where('id', '=', reservationId)
          .where('board_id', '=', boardId)
          .where('withdrawn_at', 'is', null)
          .returning(['id', 'school_id'])
          .executeTakeFirst();
        if (!r) return false;
        await audit(req, trx, {
          action: 'bekostiging.reservering.ingetrokken',
          objectType: 'board_reservation',
          objectId: r.id,
          organisationId: boardId,
        });
        return true;
      });
      if (!done) {
        const exists = await db
          .selectFrom('board_reservation')
          .select('id')
          .where('id', '=', reservationId)
          .where('board_id', '=', boardId)
          .executeTakeFirst();
        if (!exists) throw notFound();
      }
      return reply.redirect(
        `/besturen/${boardId}/bekostiging?${label ? `schooljaar=${encodeURIComponent(label)}&` : ''}opgeslagen=ingetrokken`,
        303,
      );
    },
  );
}
