// The public open data of verantwoording: a page and two CSV files with the national aggregates
// (small cells hidden). Computed at most once per five minutes per process; an anonymous
// download is counted, a signed-in person's is audited (as the other open data).
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { loadOpenData, sharesCsv, spendingCsv, type OpenData } from '../services/monitoring-open-data.ts';
import { OpenDataPage, openDataBase } from '../views/monitoring-open-data.tsx';

export const openDataExportAction = 'export.open-data-verantwoording';
const freshForMs = 5 * 60_000;

export function registerOpenDataRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  let cached: { at: number; data: Promise<OpenData> } | null = null;
  const data = () => {
    if (!cached || Date.now() - cached.at > freshForMs) {
      const loading = loadOpenData(db, programmeId);
      cached = { at: Date.now(), data: loading };
      loading.catch(() => (cached = null));
    }
    return cached.data;
  };
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
