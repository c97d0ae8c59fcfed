// Memberships: who has which role at which organisation.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrganisationKind, Role } from '../../../platform/db/tables.ts';

type Db = Kysely<DB>;

export interface MembershipRow {
  id: number;
  personId: number;
  personName: string;
  personEmail: string;
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  parentId: number | null;
  role: Role;
  createdAt: Date;
}

function membershipQuery(db: Db) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.person_id as personId',
      'p.name as personName',
      'p.email as personEmail',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.kind as organisationKind',
      'o.parent_id as parentId',
      'm.role',
      'm.created_at as createdAt',
    ]);
}

export async function membershipsOfOrganisations(db: Db, orgIds: number[]): Promise<MembershipRow[]> {
  if (orgIds.length === 0) return [];
  return membershipQuery(db)
    .where('m.organisation_id', 'in', orgIds)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .orderBy('m.role')
    .orderBy(sql`p.name collate "und-x-icu"`)
    .execute() as Promise<MembershipRow[]>;
}

export async function membershipsOfPerson(db: Db, personId: number): Promise<MembershipRow[]> {
  return membershipQuery(db)
    .where('m.person_id', '=', personId)
    .orderBy(sql`o.name collate "und-x-icu"`)
    .execute() as Promise<MembershipRow[]>;
}

export async function findMembership(db: Db, id: number): Promise<MembershipRow | undefined> {
  return membershipQuery(db).where('m.id', '=', id).executeTakeFirst() as Promise<MembershipRow | undefined>;
}

/** Locks the organisation row, so two removals of school leaders cannot both pass the count. */
export async function lockOrganisation(trx: Db, id: number) {
  await sql`select id from organisation where id = ${id} for update`.execute(trx);
}

export async function countRole(db: Db, organisationId: number, role: Role): Promise<number> {
  const r = await db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('m.organisation_id', '=', organisationId)
    .where('m.role', '=', role)
    .where('p.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteMembership(db: Db, id: number) {
  await db.deleteFrom('membership').where('id', '=', id).execute();
}

export async function hasMembership(db: Db, personId: number, organisationId: number, role: Role) {
  const r = await db
    .selectFrom('membership')
    .select('id')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertMembership(db: Db, personId: number, organisationId: number, role: Role) {
  return db
    .insertInto('membership')
    .values({ person_id: personId, organisation_id: organisationId, role })
    .onConflict((oc) => oc.columns(['person_id', 'organisation_id', 'role']).doNothing())
    .returning('id')
    .executeTakeFirst();
}
