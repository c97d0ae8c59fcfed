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

/** The board's own people; a ministry role never sees a school's plan (hard rule 1). */
const boardMembers = access.board(['bestuur']);
export const exportAuditAction = 'export.schoolprogrammas-bestuur';

export function registerBoardRoutes(app: App, platform: Platform) {
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
      const data = await loadBoardOverview(db, board.id, programmeId, platform.now());
      return reply.page(<BoardOverviewPage ctx={reply.ctx()} board={board} data={data} />);
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
      const data = await loadSchoolDrillDown(db, board.id, req.params.schoolId, programmeId, platform.now());
      if (!data) throw notFound();
      return reply.page(<BoardSchoolPage ctx={reply.ctx()} board={board} data={data} />);
    },
  );
}
