// The public open data of verantwoording: a page and two CSV files with the national aggregates
// (small cells hidden). Computed again only when the data changed (the same version check as the
// dashboard); an anonymous download is counted, a signed-in person's is audited (as the other
// open data).
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { loadOpenData, sharesCsv, spendingCsv, type OpenData } from '../services/monitoring-open-data.ts';
import { MonitoringCache } from '../services/monitoring-cache.ts';
import { monitoringVersion } from '../repository/monitoring-version.ts';
import { OpenDataPage, openDataBase } from '../views/monitoring-open-data.tsx';

export const openDataExportAction = 'export.open-data-verantwoording';

export function registerOpenDataRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const cache = new MonitoringCache<OpenData>(1);
  const data = async () => cache.get('', await monitoringVersion(db), () => loadOpenData(db, programmeId));
  const downloads = platform.metrics.counter(
    'npo_open_data_verantwoording_downloads_total',
    'Anonieme downloads van de open data over verantwoording per bestand',
    ['bestand'],
  );

  app.get(openDataBase, { config: { access: access.public(), page: true } }, async (_req, reply) =>
    reply.page(<OpenDataPage ctx={reply.ctx()} data={await data()} />),
  );

  const files = { 'aandelen.csv': sharesCsv, 'besteding.csv': spendingCsv } as const;
  for (const [file, render] of Object.entries(files)) {
    app.get(
      `${openDataBase}/${file}`,
      { config: { access: access.public(), audit: openDataExportAction } },
      async (req, reply) => {
        const body = render(await data());
        if (req.principal)
          await audit(req, db, { action: openDataExportAction, objectType: 'open-data', objectId: file });
        else downloads.inc({ bestand: file });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="npo-verantwoording-${file}"`)
          .header('cache-control', 'public, max-age=60')
          .send(body);
      },
    );
  }
}
