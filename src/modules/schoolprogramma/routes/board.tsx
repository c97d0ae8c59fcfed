// The board's overview of its schools' programmes, one school's drill-down, and the overview as
// an Excel workbook. Only the board's own open schools appear; another board's school is a 404.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import { findBoard } from '../repository/board-overview.ts';
import { loadBoardOverview, loadSchoolDrillDown } from '../services/board-data.ts';
import { boardWorkbook } from '../services/board-xlsx.ts';
import { BoardOverviewPage } from '../views/board-overview.tsx';
import { BoardSchoolPage } from '../views/board-school.tsx';
import { boardExample, boardSchoolExample } from './board-examples.ts';
import type { PageMemo } from '../services/page-memo.ts';
import { sendPageBytes } from '../../../platform/http/rendered-once.tsx';
import { todayIn } from '../../menukaart/services/menu.ts';

/** The board's own people; a ministry role never sees a school's plan (hard rule 1). */
const boardMembers = access.board(['bestuur']);
export const exportAuditAction = 'export.schoolprogrammas-bestuur';

export function registerBoardRoutes(app: App, platform: Platform, memo: PageMemo) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  app.get(
    '/besturen/:boardId/schoolprogrammas',
    {
      config: { access: boardMembers, page: true, examples: boardExample },
      schema: { params: params({ boardId: id }) },
    },
    async (req, reply) => {
      const board = await findBoard(db, req.params.boardId);
      if (!board) throw notFound();
      const now = platform.now();
      const data = await memo.get({ boardId: board.id }, `bestuur:${board.id}:${todayIn(now)}`, () =>
        loadBoardOverview(db, board.id, programmeId, now),
      );
      return sendPageBytes(reply, <BoardOverviewPage ctx={reply.ctx()} board={board} data={data} />);
    },
  );

  app.get(
    '/besturen/:boardId/schoolprogrammas.xlsx',
    {
      config: { access: boardMembers, audit: exportAuditAction, examples: boardExample },
      schema: { params: params({ boardId: id }) },
    },
    async (req, reply) => {
      const board = await findBoard(db, req.params.boardId);
      if (!board) throw notFound();
      const data = await loadBoardOverview(db, board.id, programmeId, platform.now());
      const body = await boardWorkbook(board.name, data);
      await audit(req, db, {
        action: exportAuditAction,
        objectType: 'bestuur',
        objectId: board.id,
        organisationId: board.id,
        details: { scholen: data.overview.schools.length },
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="schoolprogrammas-bestuur-${board.id}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.get(
    '/besturen/:boardId/schoolprogrammas/:schoolId',
    {
      config: { access: boardMembers, page: true, examples: boardSchoolExample },
      schema: { params: params({ boardId: id, schoolId: id }) },
    },
    async (req, reply) => {
      const board = await findBoard(db, req.params.boardId);
      if (!board) throw notFound();
      const now = platform.now();
      const { schoolId } = req.params;
      // Keyed by the board: the school's own writes forget their board's figures too.
      const data = await memo.get(
        { boardId: board.id },
        `bestuur:${board.id}:${schoolId}:${todayIn(now)}`,
        () => loadSchoolDrillDown(db, board.id, schoolId, programmeId, now),
      );
      if (!data) throw notFound();
      return sendPageBytes(reply, <BoardSchoolPage ctx={reply.ctx()} board={board} data={data} />);
    },
  );
}
