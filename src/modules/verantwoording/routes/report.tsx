// The board's annual report pages: the list of calendar years, one year's report (figures and the
// board's texts) and saving the texts, guarded by the report's revision (a stale save is a 409
// that keeps the input and shows what is saved now).
import type { App, Platform } from '../../../platform/platform.ts';
import { form, query, text, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { listReports } from '../repository/report.ts';
import { loadReport, reportYears, saveReportTexts, savedAuditAction } from '../services/report.ts';
import { maxTextLength, parseTexts } from '../services/report-texts.ts';
import { ReportPage } from '../views/report-page.tsx';
import { ReportYearsPage, type YearStatus } from '../views/report-years.tsx';
import { yearBase } from '../views/report-base.ts';
import { boardRespondents } from './access.ts';
import { reportListExample, reportYearExample, saveTextsExample } from './report-examples.ts';
import { boardParams, reportContext, yearParams } from './report-context.ts';
import { registerReportConfirmRoutes } from './report-confirm.tsx';
import { registerReportExportRoutes } from './report-exports.tsx';

// Generous limits: a longer text gets the form's own message, with the values kept.
const textsForm = form({
  betrokkenheid: text(maxTextLength * 2),
  'eerste-resultaten': text(maxTextLength * 2),
  bovenschools: text(maxTextLength * 2),
  gmr: text(maxTextLength * 2),
  revisie: text(12),
});

const notice = query({
  opgeslagen: z.literal('1').optional().catch(undefined),
  bevestigd: z.literal('1').optional().catch(undefined),
  heropend: z.literal('1').optional().catch(undefined),
});

export function registerReportRoutes(app: App, platform: Platform) {
  const c = reportContext(platform);

  app.get(
    '/besturen/:boardId/jaarverslag',
    {
      config: { access: boardRespondents, page: true, examples: reportListExample },
      schema: { params: boardParams },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const saved = new Map(
        (await listReports(c.db, board.id, c.programmeId)).map((r) => [r.calendar_year, r]),
      );
      const now = platform.now().getTime();
      const years: YearStatus[] = (await reportYears(c.db, c.programmeId)).map((year) => {
        const r = saved.get(year);
        return {
          year,
          status: r ? r.status : 'nieuw',
          confirmedAt: r?.confirmed_at ? new Date(r.confirmed_at) : null,
          yearEnded: now >= new Date(`${year + 1}-01-01T00:00:00+01:00`).getTime(),
        };
      });
      return reply.page(<ReportYearsPage ctx={reply.ctx()} board={board} years={years} />);
    },
  );

  app.get(
    '/besturen/:boardId/jaarverslag/:jaar',
    {
      config: { access: boardRespondents, page: true, examples: reportYearExample },
      schema: { params: yearParams, querystring: notice },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const year = await c.year(req.params.jaar);
      const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
      const q = req.query;
      return reply.page(
        <ReportPage
          ctx={reply.ctx()}
          board={board}
          state={state}
          form={{ values: { ...state.texts, revisie: String(state.revision) }, errors: {} }}
          notice={
            q.bevestigd ? 'bevestigd' : q.heropend ? 'heropend' : q.opgeslagen ? 'opgeslagen' : undefined
          }
        />,
      );
    },
  );

  app.post(
    '/besturen/:boardId/jaarverslag/:jaar',
    {
      config: { access: boardRespondents, audit: savedAuditAction, examples: saveTextsExample },
      schema: { params: yearParams, body: textsForm },
    },
    async (req, reply) => {
      const board = await c.board(req.params.boardId);
      const year = await c.year(req.params.jaar);
      const { revisie, ...typed } = req.body;
      const values: FormState['values'] = {
        betrokkenheid: typed.betrokkenheid,
        'eerste-resultaten': typed['eerste-resultaten'],
        bovenschools: typed.bovenschools,
        gmr: typed.gmr,
      };
      const revision = /^\d{1,9}$/.test(revisie) ? Number(revisie) : -1;
      const parsed = parseTexts(values);
      if (!parsed.ok) {
        await c.refuse(req, savedAuditAction, board.id, year, 'ongeldige-invoer');
        const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
        return reply.page(
          <ReportPage
            ctx={reply.ctx()}
            board={board}
            state={state}
            form={{ values: { ...values, revisie }, errors: parsed.errors }}
          />,
          400,
        );
      }
      const saved =
        revision >= 0 && (await saveReportTexts(c.db, c.who(req, board.id, year), revision, parsed.texts));
      if (!saved) {
        // Someone saved or confirmed in between: keep this user's input, show what is saved now,
        // and take the new revision so saving again deliberately overwrites it.
        await c.refuse(req, savedAuditAction, board.id, year, 'gewijzigd-door-ander');
        const state = await loadReport(c.db, board.id, c.programmeId, year, platform.now());
        return reply.page(
          <ReportPage
            ctx={reply.ctx()}
            board={board}
            state={state}
            form={{ values: { ...values, revisie: String(state.revision) }, errors: {} }}
            conflict={state.confirmed ? undefined : (state.row?.texts ?? {})}
            failure={
              state.confirmed
                ? 'Iemand anders heeft dit verslag bevestigd terwijl u het wijzigde. Uw teksten zijn niet opgeslagen; ze staan hieronder. Heropen het verslag om ze toe te voegen.'
                : undefined
            }
            unsaved={state.confirmed ? parsed.texts : undefined}
          />,
          409,
        );
      }
      return reply.redirect(`${yearBase(board.id, year)}?opgeslagen=1#teksten`, 303);
    },
  );

  registerReportConfirmRoutes(app, platform, c);
  registerReportExportRoutes(app, platform, c);
}
