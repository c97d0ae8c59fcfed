// The analist's list of one round's submissions (issue 14): paged on the server, filtered like the
// dashboard, searchable by name or code. Only names, codes and dates: the answers themselves open
// one at a time on /monitoring/inzendingen/:id, which is audited.
import type { App, Platform } from '../../../platform/platform.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, optionalText, params, z } from '../../../platform/http/schemas.ts';
import { listRoundSubmissions } from '../repository/monitoring-list.ts';
import { findRoundDefinition } from '../repository/monitoring-submissions.ts';
import type { MonitoringFilter } from '../services/monitoring-filters.ts';
import { SubmissionListPage } from '../views/monitoring-submissions.tsx';
import { analists } from './access.ts';
import { roundCsvExample } from './monitoring-examples.ts';
import type { filterQuery as monitoringFilterQuery } from './monitoring.tsx';

type FilterQuery = typeof monitoringFilterQuery;

/** Rows per page: a screenful to scan, and ~175 pages for a national round. */
export const submissionPageSize = 50;

export function registerSubmissionListRoute(
  app: App,
  platform: Platform,
  filterQuery: FilterQuery,
  denominations: () => Promise<string[]>,
) {
  const db = platform.database.db;
  const listQuery = filterQuery.omit({ vragenlijst: true }).extend({
    zoek: optionalText(100).transform((v) => (v ?? '').trim()),
    pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  });

  app.get(
    '/monitoring/vragenlijsten/:questionnaireId/inzendingen',
    {
      config: { access: analists, page: true, examples: { ...roundCsvExample, query: '?sector=po' } },
      schema: { params: params({ questionnaireId: id }), querystring: listQuery },
    },
    async (req, reply) => {
      const round = await findRoundDefinition(db, platform.programme.id, req.params.questionnaireId);
      if (!round) throw notFound();
      const { zoek, pagina, ...rest } = req.query;
      // A board has no sector, province or board size: its round is searched, not filtered.
      const filter: MonitoringFilter = round.audience === 'school' ? rest : {};
      const load = (page: number) =>
        listRoundSubmissions(db, {
          questionnaireId: round.id,
          filter: round.audience === 'school' ? filter : undefined,
          search: zoek,
          offset: (page - 1) * submissionPageSize,
          limit: submissionPageSize,
        });
      const first = await load(pagina);
      const pages = Math.max(1, Math.ceil(first.total / submissionPageSize));
      // A page past the end (an old link after filtering) shows the last page instead.
      const page = Math.min(pagina, pages);
      const list = page === pagina ? first : await load(page);
      reply.header('cache-control', 'private, no-store');
      return reply.page(
        <SubmissionListPage
          ctx={reply.ctx()}
          v={{
            round,
            filter,
            search: zoek,
            page,
            pages,
            total: list.total,
            rows: list.rows,
            denominations: await denominations(),
          }}
        />,
      );
    },
  );
}
