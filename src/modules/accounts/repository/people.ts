// People: finding, creating and changing person rows (the account itself).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { escapeLike } from './like-pattern.ts';

type Db = Kysely<DB>;

export async function findPersonByEmail(db: Db, email: string) {
  return db
    .selectFrom('person')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** The person behind an address with what sign-in needs, in one query. */
export async function findPersonForSignIn(db: Db, email: string, mfaRoles: readonly Role[]) {
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.email', 'p.name', 'p.password_hash', 'p.disabled_at', 'p.totp_enabled_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('membership as m')
            .select('m.id')
            .whereRef('m.person_id', '=', 'p.id')
            .where('m.role', 'in', [...mfaRoles]),
        )
        .as('has_mfa_role'),
    )
    .where(sql<string>`lower(p.email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findPerson(db: Db, id: number) {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPerson(
  db: Db,
  v: { email: string; name: string; passwordHash: string | null; now: Date },
) {
  return db
    .insertInto('person')
    .values({
      email: v.email.trim(),
      name: v.name.trim(),
      password_hash: v.passwordHash,
      password_changed_at: v.passwordHash ? v.now : null,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function setPassword(db: Db, personId: number, passwordHash: string, now: Date) {
  await db
    .updateTable('person')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', personId)
    .execute();
}

export async function updatePerson(
  db: Db,
  id: number,
  set: Partial<{
    name: string;
    totp_secret: string | null;
    totp_pending_secret: string | null;
    totp_enabled_at: Date | null;
    totp_last_step: number | null;
    disabled_at: Date | null;
  }>,
) {
  await db.updateTable('person').set(set).where('id', '=', id).execute();
}

export async function searchPeople(db: Db, q: string, limit = 50) {
  let query = db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'disabled_at', 'totp_enabled_at', 'created_at'])
    .orderBy(sql`name collate "und-x-icu"`)
    .limit(limit);
  const term = q.trim();
  if (term) {
    const like = `%${escapeLike(term)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  return query.execute();
}
