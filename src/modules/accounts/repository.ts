// Database access for accounts: people, memberships, invitations, reset links, sign-in
// attempts, recovery codes. Kysely only; the rules live in service.ts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { OrganisationKind, Role } from '../../platform/db/tables.ts';

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
    .select(['p.id', 'p.password_hash', 'p.disabled_at', 'p.totp_enabled_at'])
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

export async function recordLoginAttempt(
  db: Db,
  a: { email: string; ip: string | null; success: boolean; at: Date },
) {
  await db
    .insertInto('login_attempt')
    .values({ email: a.email.trim().toLowerCase().slice(0, 320), ip: a.ip, success: a.success, at: a.at })
    .execute();
}

/** Failed attempts since a moment, for an address and for an IP address. */
export async function countFailures(db: Db, email: string, ip: string | null, since: Date) {
  const r = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where email = ${email.trim().toLowerCase()})`.as('by_email'),
      sql<number>`count(*) filter (where ip = ${ip})`.as('by_ip'),
    ])
    .where('success', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email.trim().toLowerCase()), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(r.by_email), byIp: Number(r.by_ip) };
}

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

export interface InvitationRow {
  id: number;
  email: string;
  name: string;
  organisationId: number;
  organisationName: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

function invitationQuery(db: Db) {
  return db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.email',
      'i.name',
      'i.organisation_id as organisationId',
      'o.name as organisationName',
      'i.role',
      'i.created_at as createdAt',
      'i.expires_at as expiresAt',
      'i.accepted_at as acceptedAt',
      'i.revoked_at as revokedAt',
    ]);
}

export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  return invitationQuery(db).where('i.token_hash', '=', tokenHash).executeTakeFirst() as Promise<
    InvitationRow | undefined
  >;
}

export async function openInvitations(db: Db, orgIds: number[], now: Date): Promise<InvitationRow[]> {
  if (orgIds.length === 0) return [];
  return invitationQuery(db)
    .where('i.organisation_id', 'in', orgIds)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', now)
    .orderBy('i.created_at', 'desc')
    .execute() as Promise<InvitationRow[]>;
}

export async function hasOpenInvitation(
  db: Db,
  email: string,
  organisationId: number,
  role: Role,
  now: Date,
) {
  const r = await db
    .selectFrom('invitation')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertInvitation(
  db: Db,
  v: {
    tokenHash: string;
    email: string;
    name: string;
    organisationId: number;
    role: Role;
    invitedBy: number | null;
    createdAt: Date;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('invitation')
    .values({
      token_hash: v.tokenHash,
      email: v.email.trim(),
      name: v.name.trim(),
      organisation_id: v.organisationId,
      role: v.role,
      invited_by: v.invitedBy,
      created_at: v.createdAt,
      expires_at: v.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Marks an invitation accepted, only if it still was open; false when someone was first. */
export async function markInvitationAccepted(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invitation')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
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

export async function insertMembership(db: Db, personId: number, organisationId: number, role: Role) {
  return db
    .insertInto('membership')
    .values({ person_id: personId, organisation_id: organisationId, role })
    .onConflict((oc) => oc.columns(['person_id', 'organisation_id', 'role']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function setPassword(db: Db, personId: number, passwordHash: string, now: Date) {
  await db
    .updateTable('person')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', personId)
    .execute();
}

export async function insertPasswordReset(
  db: Db,
  v: { tokenHash: string; personId: number; createdAt: Date; expiresAt: Date },
) {
  await db
    .insertInto('password_reset')
    .values({
      token_hash: v.tokenHash,
      person_id: v.personId,
      created_at: v.createdAt,
      expires_at: v.expiresAt,
    })
    .execute();
}

export async function findPasswordReset(db: Db, tokenHash: string) {
  return db.selectFrom('password_reset').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markPasswordResetUsed(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every open reset link of a person stops working (after a reset or a password change). */
export async function expirePasswordResets(db: Db, personId: number, now: Date) {
  await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute();
}

export async function replaceRecoveryCodes(db: Db, personId: number, hashes: string[], now: Date) {
  await db.deleteFrom('recovery_code').where('person_id', '=', personId).execute();
  if (hashes.length) {
    await db
      .insertInto('recovery_code')
      .values(hashes.map((h) => ({ person_id: personId, code_hash: h, created_at: now })))
      .execute();
  }
}

/** Uses a recovery code once: true only for an unused code of this person. */
export async function useRecoveryCode(db: Db, personId: number, hash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, personId: number): Promise<number> {
  const r = await db
    .selectFrom('recovery_code')
    .select(sql<number>`count(*)`.as('n'))
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Accepts a TOTP step only if it is newer than the last one (atomic: no replay in a race). */
export async function claimTotpStep(db: Db, personId: number, step: number): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ totp_last_step: step })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
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

export async function countSessions(db: Db, personId: number): Promise<number> {
  const r = await db
    .selectFrom('session')
    .select(sql<number>`count(*)`.as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function endOtherSessions(db: Db, personId: number, keepSessionId: string) {
  await db.deleteFrom('session').where('person_id', '=', personId).where('id', '!=', keepSessionId).execute();
}

export async function searchPeople(db: Db, q: string, limit = 50) {
  let query = db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'disabled_at', 'totp_enabled_at', 'created_at'])
    .orderBy(sql`name collate "und-x-icu"`)
    .limit(limit);
  const term = q.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  return query.execute();
}

/**
 * Removes what accounts no longer need: sign-in attempts older than a day (throttling looks
 * back 15 minutes), and reset links and invitations that ended more than 30 days ago.
 */
export async function purgeAccountLeftovers(db: Db, now: Date) {
  const day = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const month = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000);
  const a = await db.deleteFrom('login_attempt').where('at', '<', day).executeTakeFirst();
  const r = await db.deleteFrom('password_reset').where('expires_at', '<', month).executeTakeFirst();
  const i = await db
    .deleteFrom('invitation')
    .where((eb) =>
      eb.or([eb('expires_at', '<', month), eb('accepted_at', '<', month), eb('revoked_at', '<', month)]),
    )
    .executeTakeFirst();
  return {
    attempts: Number(a.numDeletedRows),
    resets: Number(r.numDeletedRows),
    invitations: Number(i.numDeletedRows),
  };
}
