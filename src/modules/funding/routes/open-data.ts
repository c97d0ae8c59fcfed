// The open-data CSV of all amounts per school ("Bedragen per school"), cached per run; downloads are
// audited for signed-in people and counted for visitors.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { stringifySafeCsv } from '../../../platform/csv/safe-csv.ts';
import * as repo from '../repository.ts';
import { centsToDecimal } from '../services/money.ts';
import { notFound, runKey, str } from './shared.ts';

export function registerOpenDataRoute(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const csvCache = new Map<string, string>();
  const downloads = platform.metrics.counter(
    'npo_open_data_downloads_total',
    'Anonieme downloads van open data per bestand',
    ['bestand'],
  );

  app.get('/bedragen/open-data.csv', { config: { access: access.public() } }, async (req, reply) => {
    const label = str((req.query as Record<string, unknown>).schooljaar, 20);
    const years = (await repo.listFundingYears(db, programmeId)).filter(
      (y) => y.currentRunId && (!label || y.label === label),
    );
    if (label && years.length === 0) throw notFound();
    const key = `${label}|${runKey(years)}`;
    let body = csvCache.get(key);
    if (body === undefined) {
      const rows = await repo.openDataRows(
        db,
        years.map((y) => y.currentRunId!),
      );
      const money = (c: number | null) => (c === null ? '' : centsToDecimal(c));
      body =
        '\ufeff' +
        stringifySafeCsv(
          rows.map((r) => [
            r.label,
            r.code,
            r.name,
            r.place ?? '',
            r.municipality_code ?? '',
            r.municipality_name ?? '',
            r.board_code ?? '',
            r.sector ?? '',
            r.status,
            r.pupils ?? '',
            money(r.base_cents),
            money(r.supplement_cents),
            money(r.total_cents),
            r.base_status ?? '',
            r.supplement_status ?? '',
            // Why a line is estimated or unknown, in the words the school page uses.
            r.lines
              .filter((l) => l.note)
              .map((l) => `${l.label}: ${l.note}`)
              .join(' | '),
          ]),
          {
            delimiter: ';',
            header: true,
            columns: [
              'schooljaar',
              'vestigingscode',
              'naam',
              'plaats',
              'gemeentecode',
              'gemeente',
              'bevoegd_gezag_nummer',
              'soort',
              'status',
              'leerlingen',
              'basisbedrag_euro',
              'toeslagen_euro',
              'totaal_euro',
              'status_basisbedrag',
              'status_toeslag',
              'toelichting',
            ],
            record_delimiter: 'windows',
          },
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
  });
}
