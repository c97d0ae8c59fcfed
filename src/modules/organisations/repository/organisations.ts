// Organisations: boards and schools (the ministry exists from the start). Kysely only.
import { organisationSearchCondition } from '../../../platform/search/organisation-search.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrganisationKind, Sector } from '../../../platform/db/tables.ts';

type Db = Kysely<DB>;

export interface OrganisationInput {
  kind: 'bestuur' | 'school';
  name: string;
  code: string;
  parentId: number | null;
  sector: Sector | null;
  instellingscode: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  place: string | null;
  denomination: string | null;
}

export async function listOrganisations(
  db: Db,
  opts: { q?: string; kind?: OrganisationKind; limit?: number },
) {
  let query = db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.kind', 'o.name', 'o.code', 'o.sector', 'o.place', 'p.name as parent_name'])
    .orderBy(sql`o.name collate "und-x-icu"`)
    .limit(opts.limit ?? 50);
  if (opts.kind) query = query.where('o.kind', '=', opts.kind);
  // Name, place, code or postcode; case, accents and punctuation do not matter (search_text).
  const condition = opts.q ? organisationSearchCondition(opts.q) : null;
  if (condition) query = query.where(condition);
  return query.execute();
}

export async function findOrganisation(db: Db, id: number) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .selectAll('o')
    .select(['p.code as parent_code', 'p.name as parent_name'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function findByCode(db: Db, kind: OrganisationKind, code: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', kind)
    .where('code', '=', code)
    .executeTakeFirst();
}

function row(v: OrganisationInput) {
  return {
    kind: v.kind,
    name: v.name,
    code: v.code,
    parent_id: v.parentId,
    sector: v.sector,
    instellingscode: v.instellingscode,
    municipality_code: v.municipalityCode,
    municipality_name: v.municipalityName,
    place: v.place,
    denomination: v.denomination,
  };
}

export async function insertOrganisation(db: Db, v: OrganisationInput) {
  return db.insertInto('organisation').values(row(v)).returning('id').executeTakeFirstOrThrow();
}

export async function updateOrganisation(db: Db, id: number, v: OrganisationInput, now: Date) {
  await db
    .updateTable('organisation')
    // A name the beheerder typed is a real name, no longer one the DUO import made up.
    .set({ ...row(v), name_provisional: false, updated_at: now })
    .where('id', '=', id)
    .execute();
}
