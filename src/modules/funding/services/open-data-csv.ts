// The open-data CSV "Bedragen per school": one line per school and school year, amounts as
// plain decimals, and why a line is estimated or unknown in the words the school page uses.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { stringifySafeCsv } from '../../../platform/csv/safe-csv.ts';
import { openDataRows } from '../repository/allocations.ts';
import { centsToDecimal } from './money.ts';

const columns = [
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
];

/** The CSV of these runs, with a BOM (so spreadsheet programs read it as UTF-8). */
export async function openDataCsv(db: Kysely<DB>, runIds: number[]): Promise<string> {
  const rows = await openDataRows(db, runIds);
  const money = (c: number | null) => (c === null ? '' : centsToDecimal(c));
  return (
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
        r.lines
          .filter((l) => l.note)
          .map((l) => `${l.label}: ${l.note}`)
          .join(' | '),
      ]),
      { delimiter: ';', header: true, columns, record_delimiter: 'windows' },
    )
  );
}
