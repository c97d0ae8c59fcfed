// The organisations an import writes: schools and boards by code, inserted and updated in
// batches (unnest of arrays, one statement per batch), closed, and their change history.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import type { BoardRecord, SchoolRecord } from '../services/parse/parse.ts';

type Trx = Transaction<DB>;

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

export async function writeChanges(trx: Trx, importId: number, changes: Change[]) {
  if (changes.length === 0) return;
  await sql`insert into organisation_change (organisation_id, import_id, change, field, old_value, new_value)
    select u.org, ${importId}::int, u.change, u.field, u.old, u.new
    from unnest(${changes.map((c) => c.organisationId)}::int[], ${changes.map((c) => c.change)}::text[],
                ${changes.map((c) => c.field)}::text[], ${changes.map((c) => c.oldValue)}::text[],
                ${changes.map((c) => c.newValue)}::text[]) as u(org, change, field, old, new)`.execute(trx);
}

/** Every board with a code: code -> id. */
export async function boardIdsByCode(trx: Trx): Promise<Map<string, number>> {
  const existing = await trx
    .selectFrom('organisation')
    .select(['id', 'code'])
    .where('kind', '=', 'bestuur')
    .where('code', 'is not', null)
    .execute();
  return new Map(existing.map((b) => [b.code!, b.id]));
}

/** New boards known only by their number, with a provisional name. */
export async function insertProvisionalBoards(trx: Trx, codes: string[], names: string[]) {
  const rows = await sql<{
    id: number;
    code: string;
  }>`insert into organisation (kind, code, name, name_provisional, duo_seen_at)
    select 'bestuur', u.code, u.name, true, now() from unnest(${codes}::text[], ${names}::text[]) as u(code, name)
    returning id, code`.execute(trx);
  return rows.rows;
}

export async function loadSchools(trx: Trx): Promise<Map<string, SchoolRow>> {
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

/** seen: listed in a DUO school file (a snapshot that can later close it when it is gone). */
export async function insertSchools(
  trx: Trx,
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

/** A school file's values for known schools: every field, seen now, open again. */
export async function updateSchools(
  trx: Trx,
  updates: { id: number; rec: SchoolRecord; changed: boolean }[],
  boards: Map<string, number>,
) {
  if (updates.length === 0) return;
  const col = <T>(f: (u: (typeof updates)[number]) => T) => updates.map(f);
  await sql`update organisation o set
      name = u.name, parent_id = u.parent, sector = u.sector, instellingscode = u.inst, municipality_code = u.mun,
      municipality_name = u.munname, place = u.place, postcode = u.pc, denomination = u.den,
      onderwijsstructuur = u.struct, duo_soort = u.soort, duo_seen_at = now(),
      closed_on = null,
      updated_at = case when u.changed or o.closed_on is not null then now() else o.updated_at end
    from unnest(${col((u) => u.id)}::int[], ${col((u) => u.rec.name)}::text[], ${col((u) => boards.get(u.rec.boardCode)!)}::int[],
                ${col((u) => u.rec.sector)}::text[], ${col((u) => u.rec.instellingscode)}::text[], ${col((u) => u.rec.municipalityCode)}::text[],
                ${col((u) => u.rec.municipalityName)}::text[], ${col((u) => u.rec.place)}::text[], ${col((u) => u.rec.postcode)}::text[],
                ${col((u) => u.rec.denomination)}::text[], ${col((u) => u.rec.onderwijsstructuur)}::text[], ${col((u) => u.rec.duoSoort)}::text[],
                ${col((u) => u.changed)}::boolean[])
      as u(id, name, parent, sector, inst, mun, munname, place, pc, den, struct, soort, changed)
    where o.id = u.id`.execute(trx);
}

/** Closes these organisations on a date; `touch` also sets updated_at (a close found now). */
export async function setClosedOn(trx: Trx, ids: number[], on: string, touch: boolean) {
  if (ids.length === 0) return;
  await trx
    .updateTable('organisation')
    .set(touch ? { closed_on: on, updated_at: new Date() } : { closed_on: on })
    .where('id', 'in', ids)
    .execute();
}

/** The boards with these codes, with their name and whether it is provisional. */
export async function boardsByCodes(trx: Trx, codes: string[]) {
  return trx
    .selectFrom('organisation')
    .select(['id', 'code', 'name', 'name_provisional'])
    .where('kind', '=', 'bestuur')
    .where('code', 'in', codes.length ? codes : [''])
    .execute();
}

/** Real names for boards that had a provisional one. */
export async function renameBoards(trx: Trx, rename: { id: number; name: string }[]) {
  if (rename.length === 0) return;
  await sql`update organisation o set name = u.name, name_provisional = false, updated_at = now(), duo_seen_at = now()
    from unnest(${rename.map((r) => r.id)}::int[], ${rename.map((r) => r.name)}::text[]) as u(id, name) where o.id = u.id`.execute(
    trx,
  );
}

/** These boards' names are real (a person corrected them): no longer provisional. */
export async function markNamesReal(trx: Trx, ids: number[]) {
  if (ids.length === 0) return;
  await trx.updateTable('organisation').set({ name_provisional: false }).where('id', 'in', ids).execute();
}

/** New boards from the board file, with their real names. */
export async function insertBoards(trx: Trx, create: BoardRecord[]) {
  if (create.length === 0) return [];
  const res = await sql<{
    id: number;
    name: string;
  }>`insert into organisation (kind, code, name, name_provisional, place, municipality_code, municipality_name, denomination, duo_seen_at)
    select 'bestuur', u.code, u.name, false, u.place, u.mun, u.munname, u.den, now()
    from unnest(${create.map((b) => b.code)}::text[], ${create.map((b) => b.name)}::text[], ${create.map((b) => b.place)}::text[],
                ${create.map((b) => b.municipalityCode)}::text[], ${create.map((b) => b.municipalityName)}::text[], ${create.map((b) => b.denomination)}::text[])
      as u(code, name, place, mun, munname, den)
    returning id, name`.execute(trx);
  return res.rows;
}
