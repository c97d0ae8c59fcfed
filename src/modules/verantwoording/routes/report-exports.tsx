// The annual report's exports: tagged PDF, Excel workbook and a plain text block (a page to copy
// from and a .txt download). Each download is audited as an export; concept reports export the
// live figures and say so.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import {
  loadReport,
  pdfAuditAction,
  textAuditAction,
  xlsxAuditAction,
  type ReportState,
} from '../services/report.ts';
import { reportText, type TextMeta } from '../services/report-text.ts';
import { renderReportPdf } from '../services/report-pdf.ts';
import { reportWorkbook } from '../services/report-xlsx.ts';
import { ReportTextPage } from '../views/report-text.tsx';
import { boardRespondents } from './access.ts';
import { reportYearExample } from './report-examples.ts';
import { yearParams, type ReportContext } from './report-context.ts';

const metaOf = (board: { name: string }, s: ReportState): TextMeta => ({
  boardName: board.name,
  confirmedAt: s.confirmed && s.row?.confirmed_at ? new Date(s.row.confirmed_at) : null,
});

export function registerReportExportRoutes(app: App, platform: Platform, c: ReportContext) {
  const load = async (params: { boardId: number; jaar: string }) => {
    const board = await c.board(params.boardId);
    const year = await c.year(params.jaar);
    const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
    return { board, year, state, meta: metaOf(board, state) };
  };

  const send = async (
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
    x: { board: { id: number }; year: number; state: ReportState },
    file: { type: string; name: string; body: Buffer | string },
  ) => {
    await audit(req, c.db, {
      action,
      objectType: 'bestuur',
      objectId: x.board.id,
      organisationId: x.board.id,
      details: { jaar: x.year, status: x.state.confirmed ? 'bevestigd' : 'concept' },
    });
    return reply
      .type(file.type)
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .header('cache-control', 'private, no-store')
      .send(file.body);
  };

  const fileName = (boardId: number, year: number, ext: string) =>
    `jaarverslag-npo-${year}-bestuur-${boardId}.${ext}`;

  app.get(
    '/besturen/:boardId/jaarverslag/:jaar/jaarverslag.pdf',
    {
      config: { access: boardRespondents, audit: pdfAuditAction, examples: reportYearExample },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const x = await load(req.params);
      const body = await renderReportPdf(x.state.figures, x.state.texts, x.meta);
      return send(req, reply, pdfAuditAction, x, {
        type: 'application/pdf',
        name: fileName(x.board.id, x.year, 'pdf'),
        body,
      });
    },
  );

  app.get(
    '/besturen/:boardId/jaarverslag/:jaar/jaarverslag.xlsx',
    {
      config: { access: boardRespondents, audit: xlsxAuditAction, examples: reportYearExample },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const x = await load(req.params);
      const body = await reportWorkbook(x.state.figures, x.state.texts, x.meta);
      return send(req, reply, xlsxAuditAction, x, {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        name: fileName(x.board.id, x.year, 'xlsx'),
        body,
      });
    },
  );

  app.get(
    '/besturen/:boardId/jaarverslag/:jaar/jaarverslag.txt',
    {
      config: { access: boardRespondents, audit: textAuditAction, examples: reportYearExample },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const x = await load(req.params);
      return send(req, reply, textAuditAction, x, {
        type: 'text/plain; charset=utf-8',
        name: fileName(x.board.id, x.year, 'txt'),
        body: reportText(x.state.figures, x.state.texts, x.meta),
      });
    },
  );

  app.get(
    '/besturen/:boardId/jaarverslag/:jaar/tekst',
    {
      config: { access: boardRespondents, page: true, examples: reportYearExample },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const x = await load(req.params);
      return reply.page(
        <ReportTextPage
          ctx={reply.ctx()}
          board={x.board}
          year={x.year}
          text={reportText(x.state.figures, x.state.texts, x.meta)}
          confirmed={x.state.confirmed}
        />,
      );
    },
  );
}
