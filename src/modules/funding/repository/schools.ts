// Schools and boards as the funding pages list them (with their board), and look-ups by code.
import { sql } from 'kysely';
import type { Db } from './db.ts';
import { organisationSearchCondition } from '../../../platform/search/organisation-search.ts';

export interface SchoolListRow {
  id: number;
  code: string;
  name: string;
  place: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  sector: string | null;
  boardId: number | null;
  boardCode: string | null;
  boardName: string | null;
  boardProvisional: boolean | null;
  closedOn: string | null;
}

const schoolListColumns = [
  'o.id',
  'o.code',
  'o.name',
  'o.place',
  'o.municipality_code',
  'o.municipality_name',
  'o.sector',
  'o.closed_on',
  'b.id as board_id',
  'b.code as board_code',
  'b.name as board_name',
  'b.name_provisional as board_provisional',
] as const;

type SchoolListSelect = Awaited<ReturnType<ReturnType<typeof schoolList>['execute']>>[number];

function toSchoolRow(r: SchoolListSelect): SchoolListRow {
  return {
    id: r.id,
    code: r.code ?? '',
    name: r.name,
    place: r.place,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    sector: r.sector,
    boardId: r.board_id,
    boardCode: r.board_code,
    boardName: r.board_name,
    boardProvisional: r.board_provisional,
    closedOn: r.closed_on,
  };
}

/** Schools with their board, as a SchoolListRow is made of. */
function schoolList(db: Db) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as b', 'b.id', 'o.parent_id')
    .select(schoolListColumns)
    .where('o.kind', '=', 'school');
}

/**
 * Schools by name, place, municipality, vestigingscode or postcode, ignoring case, accents and
 * punctuation, with everyday place names (organisation.search_text, trigram index); open schools
 * first, an exact vestigingscode before the rest; at most `limit`.
 */
export async function searchSchools(db: Db, q: string, limit: number): Promise<SchoolListRow[]> {
  const condition = organisationSearchCondition(q);
  if (!condition) return [];
  const code = q.trim().toUpperCase();
  const rows = await schoolList(db)
    .where(condition)
    .orderBy(sql`o.closed_on is not null`)
    .orderBy(sql`o.code = ${code}`, 'desc')
    .orderBy(sql`o.name collate "und-x-icu"`)
    .limit(limit)
    .execute();
  return rows.map(toSchoolRow);
}

export async function schoolsOfMunicipality(db: Db, code: string): Promise<SchoolListRow[]> {
  const rows = await schoolList(db)
    .where('o.municipality_code', '=', code)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .execute();
  return rows.map(toSchoolRow);
}

export async function schoolsOfBoard(db: Db, boardId: number): Promise<SchoolListRow[]> {
  const rows = await schoolList(db)
    .where('o.parent_id', '=', boardId)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .execute();
  return rows.map(toSchoolRow);
}

export async function findSchoolByCode(db: Db, code: string): Promise<SchoolListRow | undefined> {
  const r = await schoolList(db).where('o.code', '=', code).executeTakeFirst();
  return r ? toSchoolRow(r) : undefined;
}

/** Boards, with the columns the funding pages show. */
function boards(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['id', 'code', 'name', 'name_provisional', 'place'])
    .where('kind', '=', 'bestuur');
}

export async function findBoardByCode(db: Db, code: string) {
  return boards(db).where('code', '=', code).executeTakeFirst();
}

export async function findBoard(db: Db, id: number) {
  return boards(db).where('id', '=', id).executeTakeFirst();
}

/** The code of an organisation (for the route examples). */
export async function codeOf(db: Db, id: number): Promise<string> {
  const o = await db.selectFrom('organisation').select('code').where('id', '=', id).executeTakeFirstOrThrow();
  return o.code ?? '';
}

/** The municipality code of a school, given one (Amsterdam) if it had none (for the route examples). */
export async function exampleMunicipalityCode(db: Db, schoolId: number): Promise<string> {
  const s = await db
    .selectFrom('organisation')
    .select('municipality_code')
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  if (s.municipality_code) return s.municipality_code;
  await db
    .updateTable('organisation')
    .set({ municipality_code: '0363', municipality_name: 'Amsterdam' })
    .where('id', '=', schoolId)
    .execute();
  return '0363';
}
