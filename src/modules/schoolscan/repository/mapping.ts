// Column mappings of LVS exports per school (migration 0401). Kysely only. Every query names the
// school, so a mapping of another school is never read or changed.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { LvsMapping } from '../services/parse/lvs-mapping.ts';

type Db = Kysely<DB>;

export interface MappingRow {
  id: number;
  mapping: LvsMapping;
  signature: string;
  updatedAt: Date;
  updatedByName: string | null;
}

const base = (db: Db) =>
  db
    .selectFrom('lvs_mapping as m')
    .leftJoin('person as p', 'p.id', 'm.updated_by')
    .select([
      'm.id',
      'm.name',
      'm.provider',
      'm.signature',
      'm.headers',
      'm.columns',
      'm.value_map',
      'm.year_from_date',
      'm.updated_at',
      'p.name as updated_by_name',
    ]);

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRow = (r: Raw): MappingRow => ({
  id: r.id,
  signature: r.signature,
  updatedAt: new Date(r.updated_at),
  updatedByName: r.updated_by_name,
  mapping: {
    name: r.name,
    provider: r.provider,
    headers: r.headers,
    columns: r.columns,
    values: r.value_map,
    yearFromDate: r.year_from_date,
  },
});

export async function mappingsOfSchool(db: Db, schoolId: number): Promise<MappingRow[]> {
  const rows = await base(db).where('m.school_id', '=', schoolId).orderBy('m.name').orderBy('m.id').execute();
  return rows.map(toRow);
}

export async function findMapping(db: Db, schoolId: number, id: number): Promise<MappingRow | null> {
  const r = await base(db).where('m.school_id', '=', schoolId).where('m.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function mappingBySignature(
  db: Db,
  schoolId: number,
  signature: string,
): Promise<MappingRow | null> {
  const r = await base(db)
    .where('m.school_id', '=', schoolId)
    .where('m.signature', '=', signature)
    .executeTakeFirst();
  return r ? toRow(r) : null;
}

/** Inserts a mapping; null when the school already has one for this header (the unique index). */
export async function insertMapping(
  db: Db,
  schoolId: number,
  signature: string,
  m: LvsMapping,
  personId: number | null,
): Promise<number | null> {
  const row = await db
    .insertInto('lvs_mapping')
    .values({
      school_id: schoolId,
      name: m.name,
      provider: m.provider,
      signature,
      headers: m.headers,
      columns: JSON.stringify(m.columns),
      value_map: JSON.stringify(m.values),
      year_from_date: m.yearFromDate,
      created_by: personId,
      updated_by: personId,
    })
    .onConflict((oc) => oc.columns(['school_id', 'signature']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Changes a mapping (not its header); false when the school has no such mapping. */
export async function updateMapping(
  db: Db,
  schoolId: number,
  id: number,
  m: LvsMapping,
  personId: number | null,
): Promise<boolean> {
  const r = await db
    .updateTable('lvs_mapping')
    .set({
      name: m.name,
      provider: m.provider,
      columns: JSON.stringify(m.columns),
      value_map: JSON.stringify(m.values),
      year_from_date: m.yearFromDate,
      updated_at: new Date(),
      updated_by: personId,
    })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteMapping(db: Db, schoolId: number, id: number): Promise<string | null> {
  const r = await db
    .deleteFrom('lvs_mapping')
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .returning('name')
    .executeTakeFirst();
  return r?.name ?? null;
}

/** Records on an import which mapping read its file. */
export async function setImportMapping(db: Db, importId: number, name: string): Promise<void> {
  await db.updateTable('lvs_import').set({ mapping_name: name }).where('id', '=', importId).execute();
}

/** The mapping names of the school's imports, by import id (null: the flat format). */
export async function importMappingNames(
  db: Db,
  schoolId: number,
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('lvs_import')
    .select(['id', 'mapping_name'])
    .where('school_id', '=', schoolId)
    .where('id', 'in', ids)
    .where('mapping_name', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.mapping_name!]));
}
