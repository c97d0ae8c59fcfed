// The open-data CSV of all amounts per school ("Bedragen per school"), cached per run and audited.
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Platform } from '../../../app.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import * as repo from '../repository.ts';
import { centsToDecimal } from '../money.ts';
import { notFound, runKey, str } from './shared.ts';

export function registerOpenDataRoute(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const csvCache = new Map<string, string>();

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
        stringify(
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
    // An export, so it is audited (open data: no person is identified by it).
    await audit(req, db, {
      action: 'export.bedragen-per-school',
      objectType: 'open-data',
      objectId: label || 'alle-jaren',
    });
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
