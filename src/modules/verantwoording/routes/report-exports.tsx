// The annual report's exports: tagged PDF, Excel workbook and a plain text block (a page to copy
// from and a .txt download). Each download is audited as an export; concept reports export the
// live figures and say so.
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

  type Loaded = Awaited<ReturnType<typeof load>>;
  // The three downloads differ only in format: each is audited as its own export.
  const downloads: {
    ext: string;
    type: string;
    action: string;
    render: (x: Loaded) => Promise<Buffer> | string;
  }[] = [
    {
      ext: 'pdf',
      type: 'application/pdf',
      action: pdfAuditAction,
      render: (x) => renderReportPdf(x.state.figures, x.state.texts, x.meta),
    },
    {
      ext: 'xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      action: xlsxAuditAction,
      render: (x) => reportWorkbook(x.state.figures, x.state.texts, x.meta),
    },
    {
      ext: 'txt',
      type: 'text/plain; charset=utf-8',
      action: textAuditAction,
      render: (x) => reportText(x.state.figures, x.state.texts, x.meta),
    },
  ];

  for (const d of downloads) {
    app.get(
      `/besturen/:boardId/jaarverslag/:jaar/jaarverslag.${d.ext}`,
      {
        config: { access: boardRespondents, audit: d.action, examples: reportYearExample },
        schema: { params: yearParams },
      },
      async (req, reply) => {
        const x = await load(req.params);
        const body = await d.render(x);
        await audit(req, c.db, {
          action: d.action,
          objectType: 'bestuur',
          objectId: x.board.id,
          organisationId: x.board.id,
          details: { jaar: x.year, status: x.state.confirmed ? 'bevestigd' : 'concept' },
        });
        return reply
          .type(d.type)
          .header(
            'content-disposition',
            `attachment; filename="jaarverslag-npo-${x.year}-bestuur-${x.board.id}.${d.ext}"`,
          )
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }

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
