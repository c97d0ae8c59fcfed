// The open-data CSV of all amounts per school ("Bedragen per school"), cached per run; downloads are
// audited for signed-in people and counted for visitors.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { query, text } from '../../../platform/http/schemas.ts';
import { listFundingYears } from '../repository/years.ts';
import { openDataCsv } from '../services/open-data-csv.ts';
import { runKey } from '../services/years.ts';

export function registerOpenDataRoute(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const csvCache = new Map<string, string>();
  platform.caches.onInvalidate('funding', () => csvCache.clear());
  const downloads = platform.metrics.counter(
    'npo_open_data_downloads_total',
    'Anonieme downloads van open data per bestand',
    ['bestand'],
  );

  app.get(
    '/bedragen/open-data.csv',
    {
      config: { access: access.public(), audit: 'export.bedragen-per-school' },
      // A year that does not exist is a 404 below.
      schema: { querystring: query({ schooljaar: text(1000).transform((s) => s.slice(0, 20)) }) },
    },
    async (req, reply) => {
      const label = req.query.schooljaar;
      const years = (await listFundingYears(db, programmeId)).filter(
        (y) => y.currentRunId && (!label || y.label === label),
      );
      if (label && years.length === 0) throw notFound();
      const key = `${label}|${runKey(years)}`;
      let body = csvCache.get(key);
      if (body === undefined) {
        body = await openDataCsv(
          db,
          years.map((y) => y.currentRunId!),
        );
        if (csvCache.size > 20) csvCache.clear();
        csvCache.set(key, body);
      }
      // An export by a signed-in person is audited; an anonymous download of open data says
      // nothing about a person and would let anyone grow the audit table, so it is only counted.
      if (req.principal)
        await audit(req, db, {
          action: 'export.bedragen-per-school',
          objectType: 'open-data',
          objectId: label || 'alle-jaren',
        });
      else downloads.inc({ bestand: 'bedragen-per-school' });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="npo-bedragen-per-school${label ? `-${label}` : ''}.csv"`,
        )
        .header('cache-control', 'public, max-age=60')
        .send(body);
    },
  );
}
