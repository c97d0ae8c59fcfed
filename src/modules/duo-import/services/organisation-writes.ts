// Writing schools and boards for an import: loading them by code, inserting them, and their change history.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import type { SchoolRecord } from './parse/parse.ts';
import type { ImportSummary } from './import-summary.ts';

export function provisionalBoardName(code: string): string {
  return `Bestuur ${code} (naam nog onbekend)`;
}

export const schoolFields = [
  ['name', 'naam'],
  ['parent_id', 'bestuur'],
  ['sector', 'sector'],
  ['instellingscode', 'instellingscode'],
  ['municipality_code', 'gemeentecode'],
  ['municipality_name', 'gemeente'],
  ['place', 'plaats'],
  ['postcode', 'postcode'],
  ['denomination', 'denominatie'],
  ['onderwijsstructuur', 'onderwijsstructuur'],
  ['duo_soort', 'soort'],
] as const;

export type SchoolRow = {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  sector: Sector | null;
  instellingscode: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  place: string | null;
  postcode: string | null;
  denomination: string | null;
  onderwijsstructuur: string | null;
  duo_soort: string | null;
  closed_on: string | null;
  duo_seen_at: Date | null;
};

export interface Change {
  organisationId: number;
  change: 'nieuw' | 'gewijzigd' | 'gesloten' | 'heropend';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export async function writeChanges(trx: Transaction<DB>, importId: number, changes: Change[]) {
  if (changes.length === 0) return;
  await sql`insert into organisation_change (organisation_id, import_id, change, field, old_value, new_value)
    select u.org, ${importId}::int, u.change, u.field, u.old, u.new
    from unnest(${changes.map((c) => c.organisationId)}::int[], ${changes.map((c) => c.change)}::text[],
                ${changes.map((c) => c.field)}::text[], ${changes.map((c) => c.oldValue)}::text[],
                ${changes.map((c) => c.newValue)}::text[]) as u(org, change, field, old, new)`.execute(trx);
}

/** Makes sure every board number exists; returns code -> id. New boards get a provisional name. */
export async function ensureBoards(
  trx: Transaction<DB>,
  codes: Set<string>,
  changes: Change[],
  summary: ImportSummary,
) {
  const existing = await trx
    .selectFrom('organisation')
    .select(['id', 'code'])
    .where('kind', '=', 'bestuur')
    .where('code', 'is not', null)
    .execute();
  const byCode = new Map(existing.map((b) => [b.code!, b.id]));
  const missing = [...codes].filter((c) => !byCode.has(c)).sort();
  if (missing.length) {
    const rows = await sql<{
      id: number;
      code: string;
    }>`insert into organisation (kind, code, name, name_provisional, duo_seen_at)
      select 'bestuur', u.code, u.name, true, now() from unnest(${missing}::text[], ${missing.map(provisionalBoardName)}::text[]) as u(code, name)
      returning id, code`.execute(trx);
    for (const r of rows.rows) {
      byCode.set(r.code, r.id);
      changes.push({
        organisationId: r.id,
        change: 'nieuw',
        field: null,
        oldValue: null,
        newValue: provisionalBoardName(r.code),
      });
    }
    summary.boardsAdded += rows.rows.length;
  }
  return byCode;
}

export async function loadSchools(trx: Transaction<DB>): Promise<Map<string, SchoolRow>> {
  const rows = await trx
    .selectFrom('organisation')
    .select([
      'id',
      'code',
      'name',
      'parent_id',
      'sector',
      'instellingscode',
      'municipality_code',
      'municipality_name',
      'place',
      'postcode',
      'denomination',
      'onderwijsstructuur',
      'duo_soort',
      'closed_on',
      'duo_seen_at',
    ])
    .where('kind', '=', 'school')
    .where('code', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code!, r as SchoolRow]));
}

export function recordValues(r: SchoolRecord, boardId: number) {
  return {
    name: r.name,
    parent_id: boardId,
    sector: r.sector,
    instellingscode: r.instellingscode,
    municipality_code: r.municipalityCode,
    municipality_name: r.municipalityName,
    place: r.place,
    postcode: r.postcode,
    denomination: r.denomination,
    onderwijsstructuur: r.onderwijsstructuur,
    duo_soort: r.duoSoort,
  };
}

/** seen: listed in a DUO school file (a snapshot that can later close it when it is gone). */
export async function insertSchools(
  trx: Transaction<DB>,
  records: SchoolRecord[],
  boards: Map<string, number>,
  seen: boolean,
) {
  if (records.length === 0) return [] as { id: number; code: string }[];
  const col = <T>(f: (r: SchoolRecord) => T) => records.map(f);
  const res = await sql<{ id: number; code: string }>`insert into organisation
      (kind, code, name, parent_id, sector, instellingscode, municipality_code, municipality_name, place, postcode,
       denomination, onderwijsstructuur, duo_soort, duo_seen_at)
    select 'school', u.code, u.name, u.parent, u.sector, u.inst, u.mun, u.munname, u.place, u.pc, u.den, u.struct, u.soort, case when ${seen}::boolean then now() end
    from unnest(${col((r) => r.code)}::text[], ${col((r) => r.name)}::text[], ${col((r) => boards.get(r.boardCode)!)}::int[],
                ${col((r) => r.sector)}::text[], ${col((r) => r.instellingscode)}::text[], ${col((r) => r.municipalityCode)}::text[],
                ${col((r) => r.municipalityName)}::text[], ${col((r) => r.place)}::text[], ${col((r) => r.postcode)}::text[],
                ${col((r) => r.denomination)}::text[], ${col((r) => r.onderwijsstructuur)}::text[], ${col((r) => r.duoSoort)}::text[])
      as u(code, name, parent, sector, inst, mun, munname, place, pc, den, struct, soort)
    returning id, code`.execute(trx);
  return res.rows;
}
