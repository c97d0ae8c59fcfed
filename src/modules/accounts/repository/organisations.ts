// Organisations as accounts needs them: by id or code, a board's schools, the ministry.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrganisationKind } from '../../../platform/db/tables.ts';

type Db = Kysely<DB>;

export async function findOrganisation(db: Db, id: number) {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByCode(db: Db, kind: OrganisationKind, code: string) {
  return db
    .selectFrom('organisation')
    .selectAll()
    .where('kind', '=', kind)
    .where('code', '=', code.trim())
    .executeTakeFirst();
}

export async function schoolsOfBoard(db: Db, boardId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'code', 'sector', 'place'])
    .where('parent_id', '=', boardId)
    .where('kind', '=', 'school')
    .orderBy(sql`name collate "und-x-icu"`)
    .execute();
}

export async function ministry(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', 'ministerie')
    .orderBy('id')
    .executeTakeFirst();
}
