// The board's page: per school and school year whether a scan exists, and the focus points of
// completed scans (domain, groups, seriousness, goal). Nothing else of a scan's contents.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import * as scans from '../repository/scans.ts';
import { boardFocusPoints } from '../repository/focus-points.ts';
import { BoardScansPage } from '../views/board.tsx';
import { boardExample } from './examples.ts';

export function registerBoardRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  app.get(
    '/besturen/:boardId/schoolscans',
    {
      config: { access: access.board(['bestuur']), page: true, examples: boardExample },
      schema: { params: params({ boardId: id }) },
    },
    async (req, reply) => {
      const board = await scans.findBoard(db, req.params.boardId);
      if (!board) throw notFound();
      const { schools, scans: rows } = await scans.boardScanStatus(db, board.id);
      return reply.page(
        <BoardScansPage
          ctx={reply.ctx()}
          board={board}
          years={await scans.schoolYears(db, platform.programme.id)}
          schools={schools}
          scans={rows}
          focusPoints={await boardFocusPoints(
            db,
            schools.map((s) => s.id),
          )}
        />,
      );
    },
  );
}
