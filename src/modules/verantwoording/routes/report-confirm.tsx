// Confirming an annual report (the figures are frozen with the saved texts) and reopening it
// (concept again, figures live again). Both ask first on a GET page at the address the action
// posts to; both are audited, refusals too.
import type { App, Platform } from '../../../platform/platform.ts';
import { form, text } from '../../../platform/http/schemas.ts';
import {
  confirmReport,
  confirmedAuditAction,
  loadReport,
  reopenReport,
  reopenedAuditAction,
  type ReportState,
} from '../services/report.ts';
import { ReportPage } from '../views/report-page.tsx';
import { CannotConfirmPage, ConfirmReportPage, ReopenReportPage } from '../views/report-confirm.tsx';
import { yearBase } from '../views/report-base.ts';
import { boardRespondents } from './access.ts';
import { confirmExample, confirmPageExample, reopenExample } from './report-examples.ts';
import { yearParams, type ReportContext } from './report-context.ts';

const confirmForm = form({ revisie: text(12) });

/** Why a report cannot be confirmed right now, in words; undefined when it can. */
function blocked(state: ReportState): string | undefined {
  if (state.confirmed) return `Jaarverslag ${state.year} is al bevestigd.`;
  if (!state.yearEnded)
    return `${state.year} is nog niet voorbij. U kunt het verslag bevestigen vanaf 1 januari ${state.year + 1}.`;
  if (!state.row)
    return 'Sla eerst de teksten van het bestuur op (ook als het platform ze al invulde); daarna kunt u bevestigen.';
  return undefined;
}

export function registerReportConfirmRoutes(app: App, platform: Platform, c: ReportContext) {
  app.get(
    '/besturen/:boardId/jaarverslag/:jaar/bevestigen',
    {
      config: { access: boardRespondents, page: true, examples: confirmPageExample },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const year = await c.year(req.params.jaar);
      const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
      const reason = blocked(state);
      if (reason)
        return reply.page(<CannotConfirmPage ctx={reply.ctx()} board={board} year={year} reason={reason} />);
      return reply.page(<ConfirmReportPage ctx={reply.ctx()} board={board} state={state} />);
    },
  );

  app.post(
    '/besturen/:boardId/jaarverslag/:jaar/bevestigen',
    {
      config: { access: boardRespondents, audit: confirmedAuditAction, examples: confirmExample },
      schema: { params: yearParams, body: confirmForm },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const year = await c.year(req.params.jaar);
      const revision = /^\d{1,9}$/.test(req.body.revisie) ? Number(req.body.revisie) : -1;
      const result = await confirmReport(c.db, c.who(req, board.id, year), revision);
      if (result.ok) return reply.redirect(`${yearBase(board.id, year)}?bevestigd=1`, 303);
      await c.refuse(req, confirmedAuditAction, board.id, year, result.reason);
      const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
      const values = { ...state.texts, revisie: String(state.revision) };
      if (result.reason === 'teksten-ontbreken')
        return reply.page(
          <ReportPage
            ctx={reply.ctx()}
            board={board}
            state={state}
            form={{ values, errors: result.errors }}
          />,
          400,
        );
      const failure =
        result.reason === 'gewijzigd-door-ander'
          ? 'Het verslag is niet bevestigd: iemand anders heeft het intussen gewijzigd of bevestigd. Bekijk het verslag zoals het nu is en bevestig opnieuw als het klopt.'
          : `Het verslag is niet bevestigd. ${blocked(state) ?? ''}`.trim();
      return reply.page(
        <ReportPage
          ctx={reply.ctx()}
          board={board}
          state={state}
          form={{ values, errors: {} }}
          failure={failure}
        />,
        409,
      );
    },
  );

  app.get(
    '/besturen/:boardId/jaarverslag/:jaar/heropenen',
    {
      config: { access: boardRespondents, page: true, examples: reopenExample },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const year = await c.year(req.params.jaar);
      const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
      if (!state.confirmed)
        return reply.page(
          <CannotConfirmPage
            ctx={reply.ctx()}
            board={board}
            year={year}
            reason={`Jaarverslag ${year} is een concept; er is niets te heropenen.`}
            action="heropenen"
          />,
        );
      return reply.page(<ReopenReportPage ctx={reply.ctx()} board={board} year={year} />);
    },
  );

  app.post(
    '/besturen/:boardId/jaarverslag/:jaar/heropenen',
    {
      config: { access: boardRespondents, audit: reopenedAuditAction, examples: reopenExample },
      schema: { params: yearParams, body: form({}) },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const year = await c.year(req.params.jaar);
      if (!(await reopenReport(c.db, c.who(req, board.id, year)))) {
        // Already concept (reopened by someone else): nothing to do; the page says where it stands.
        await c.refuse(req, reopenedAuditAction, board.id, year, 'niet-bevestigd');
        return reply.redirect(yearBase(board.id, year), 303);
      }
      return reply.redirect(`${yearBase(board.id, year)}?heropend=1`, 303);
    },
  );
}
