// The national test people: who is there, the schools they belong to, and writing them and their
// memberships in batches (one statement per few thousand rows).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** One person of the domain whose password hash is not this one, or undefined. */
export async function personWithOtherHash(db: Kysely<DB>, domain: string, passwordHash: string) {
  return db
    .selectFrom('person')
    .select('email')
    .where(sql<string>`lower(email)`, 'like', `%@${domain}`)
    .where((eb) => eb.or([eb('password_hash', '<>', passwordHash), eb('password_hash', 'is', null)]))
    .limit(1)
    .executeTakeFirst();
}

export interface SchoolRow {
  id: number;
  code: string;
  board_id: number;
  board_code: string | null;
}

/** Open schools that belong to a board, in code order. */
export async function openSchoolsWithBoard(db: Kysely<DB>): Promise<SchoolRow[]> {
  const rows = await db
    .selectFrom('organisation as s')
    .innerJoin('organisation as b', 'b.id', 's.parent_id')
    .select(['s.id', 's.code', 'b.id as board_id', 'b.code as board_code'])
    .where('s.kind', '=', 'school')
    .where('s.closed_on', 'is', null)
    .where('b.kind', '=', 'bestuur')
    .orderBy('s.code')
    // Schools always have a code (DUO's vestigingscode, or the one the organisations form requires).
    .$narrowType<{ code: string }>()
    .execute();
  return rows;
}

/** Serialises concurrent runs until the transaction ends: the second waits and then finds the accounts present. */
export async function lockNationalPeople(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(4712021)`.execute(trx);
}

/** The people of the domain by lower-case e-mail address. */
export async function peopleOfDomain(db: Kysely<DB>, domain: string) {
  const rows = await db
    .selectFrom('person')
    .select(['email', 'name', 'totp_secret', 'password_hash'])
    .where(sql<string>`lower(email)`, 'like', `%@${domain}`)
    .execute();
  return new Map(rows.map((p) => [p.email.toLowerCase(), p]));
}

/** Inserts people (an existing e-mail address is skipped); returns how many were added. */
export async function insertPeople(
  db: Kysely<DB>,
  people: { email: string; name: string; totpSecret: string | null }[],
  passwordHash: string,
  at: Date,
): Promise<number> {
  const r = await sql`
    insert into person (email, name, password_hash, password_changed_at, totp_secret, totp_enabled_at, created_at)
    select x.e, x.n, ${passwordHash}, ${at}, x.t, case when x.t is null then null else ${at}::timestamptz end, ${at}
    from unnest(${people.map((p) => p.email)}::text[], ${people.map((p) => p.name)}::text[], ${people.map((p) => p.totpSecret)}::text[])
      with ordinality as x(e, n, t, i)
    order by x.i
    on conflict ((lower(email))) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Inserts memberships by e-mail address (an existing one is skipped); returns how many were added. */
export async function insertMemberships(
  db: Kysely<DB>,
  memberships: { email: string; organisationId: number; role: string }[],
  at: Date,
): Promise<number> {
  const r = await sql`
    insert into membership (person_id, organisation_id, role, created_at)
    select p.id, x.o, x.r, ${at}
    from unnest(${memberships.map((p) => p.email)}::text[], ${memberships.map((p) => p.organisationId)}::int[], ${memberships.map((p) => p.role)}::text[])
      with ordinality as x(e, o, r, i)
    join person p on lower(p.email) = x.e
    order by x.i
    on conflict (person_id, organisation_id, role) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
