// The analist's monitoring: the national dashboard (aggregates only, small cells hidden), the list
// of a round's submissions (monitoring-list.tsx), one submitted answer (audited as a read) and the
// CSV of all answers of a round (audited, streamed).
// Never a plan or a scan: those routes refuse ministry roles (hard rule 1).
import { sendTemplatePage } from '../../../platform/http/page-template.tsx';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, optionalId, optionalText, params, query, z } from '../../../platform/http/schemas.ts';
import { listDenominations, interventionNames } from '../repository/monitoring.ts';
import { findRoundDefinition, findSubmission } from '../repository/monitoring-submissions.ts';
import { answersCsvStream } from '../services/monitoring-csv.ts';
import {
  boardSizeValues,
  provinces,
  scoreBandValues,
  sectorValues,
  type MonitoringFilter,
} from '../services/monitoring-filters.ts';
import { loadMonitoring, type MonitoringData } from '../services/monitoring-load.ts';
import { MonitoringCache } from '../services/monitoring-cache.ts';
import { monitoringVersion } from '../repository/monitoring-version.ts';
import { MonitoringPage } from '../views/monitoring-dashboard.tsx';
import { SubmissionPage } from '../views/monitoring-submission.tsx';
import { analists } from './access.ts';
import { registerSubmissionListRoute } from './monitoring-list.tsx';
import { dashboardExample, roundCsvExample, submissionExample } from './monitoring-examples.ts';

export const submissionReadAction = 'monitoring.inzending-ingezien';
export const answersExportAction = 'export.vragenlijst-antwoorden';

/** A select with "all" as '': absent and '' both mean no filter. */
const blankOr = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(''), z.enum(values)])
    .optional()
    .transform((v) => (v ? v : undefined));

export const filterQuery = query({
  vragenlijst: optionalId,
  sector: blankOr(sectorValues),
  provincie: blankOr(provinces),
  denominatie: optionalText(200).transform((v) => (v ? v : undefined)),
  bestuursgrootte: blankOr(boardSizeValues),
  achterstand: blankOr(scoreBandValues),
});

export function registerMonitoringRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const dashboards = new MonitoringCache<MonitoringData>();
  const denominationLists = new MonitoringCache<string[]>(1);

  app.get(
    '/monitoring',
    {
      config: { access: analists, page: true, examples: dashboardExample },
      schema: { querystring: filterQuery },
    },
    async (req, reply) => {
      const { vragenlijst, ...filter } = req.query;
      const f: MonitoringFilter = filter;
      const version = await monitoringVersion(db);
      const key = JSON.stringify([vragenlijst ?? null, f]);
      const [data, denominations] = await Promise.all([
        dashboards.get(key, version, () => loadMonitoring(db, programmeId, f, vragenlijst)),
        denominationLists.get('', version, () => listDenominations(db)),
      ]);
      // Rendered once per cached figures and address (the filter is in the query string): a
      // dashboard of 90 KB costs several milliseconds to render, its bytes a copy.
      return sendTemplatePage(reply, data, denominations.join('|'), (ctx) => (
        <MonitoringPage ctx={ctx} data={data} filter={f} denominations={denominations} />
      ));
    },
  );

  registerSubmissionListRoute(app, platform, filterQuery, async () =>
    denominationLists.get('', await monitoringVersion(db), () => listDenominations(db)),
  );

  app.get(
    '/monitoring/inzendingen/:submissionId',
    {
      config: { access: analists, page: true, audit: submissionReadAction, examples: submissionExample },
      schema: { params: params({ submissionId: id }) },
    },
    async (req, reply) => {
      const submission = await findSubmission(db, req.params.submissionId);
      if (!submission) throw notFound();
      const round = await findRoundDefinition(db, programmeId, submission.questionnaire_id);
      if (!round) throw notFound();
      const chosen = round.definition.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.type === 'interventies')
        .flatMap((q) => {
          const v = submission.answers[q.key];
          return Array.isArray(v) ? v : [];
        });
      const names = await interventionNames(db, [...new Set(chosen)]);
      // Reading one school's answers is recorded, like an export (DESIGN §3, rule 7).
      await audit(req, db, {
        action: submissionReadAction,
        objectType: 'questionnaire_submission',
        objectId: submission.id,
        details: { vragenlijst: round.id },
      });
      reply.header('cache-control', 'private, no-store');
      return reply.page(
        <SubmissionPage ctx={reply.ctx()} round={round} submission={submission} names={names} />,
      );
    },
  );

  app.get(
    '/monitoring/vragenlijsten/:questionnaireId/antwoorden.csv',
    {
      config: { access: analists, audit: answersExportAction, examples: roundCsvExample },
      schema: { params: params({ questionnaireId: id }) },
    },
    async (req, reply) => {
      const round = await findRoundDefinition(db, programmeId, req.params.questionnaireId);
      if (!round) throw notFound();
      // Recorded before the first byte leaves: a download cut short was still a download.
      await audit(req, db, {
        action: answersExportAction,
        objectType: 'questionnaire',
        objectId: round.id,
        details: { vragenlijst: round.slug },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="antwoorden-${round.slug}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(answersCsvStream(db, round.id, round.definition));
    },
  );
}
