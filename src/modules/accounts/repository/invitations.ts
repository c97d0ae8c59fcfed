// Invitations: open ones per organisation, by token, creating and accepting them once.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';

type Db = Kysely<DB>;

export interface InvitationRow {
  id: number;
  invitedBy: number | null;
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
      'i.invited_by as invitedBy',
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

export async function findInvitation(db: Db, id: number): Promise<InvitationRow | undefined> {
  return invitationQuery(db).where('i.id', '=', id).executeTakeFirst() as Promise<InvitationRow | undefined>;
}

/** An open invitation (not accepted, withdrawn or expired) for one of these organisations. */
export async function openInvitationIn(
  db: Db,
  id: number,
  orgIds: number[],
  now: Date,
): Promise<InvitationRow | undefined> {
  const i = await findInvitation(db, id);
  if (!i || !orgIds.includes(i.organisationId)) return undefined;
  if (i.acceptedAt || i.revokedAt || i.expiresAt <= now) return undefined;
  return i;
}

/** Notes one invitation mail (first send or resend), for throttling. */
export async function recordInvitationMail(
  db: Db,
  v: { invitationId: number; sentBy: number; organisationId: number; at: Date },
) {
  await db
    .insertInto('invitation_mail')
    .values({
      invitation_id: v.invitationId,
      sent_by: v.sentBy,
      organisation_id: v.organisationId,
      sent_at: v.at,
    })
    .execute();
}

/** Invitation mails since a moment: by one person (anywhere) and to one organisation. */
export async function countInvitationMails(db: Db, personId: number, organisationId: number, since: Date) {
  const r = await db
    .selectFrom('invitation_mail')
    .select([
      sql<number>`count(*) filter (where sent_by = ${personId})`.as('by_person'),
      sql<number>`count(*) filter (where organisation_id = ${organisationId})`.as('to_organisation'),
    ])
    .where('sent_at', '>', since)
    .where((eb) => eb.or([eb('sent_by', '=', personId), eb('organisation_id', '=', organisationId)]))
    .executeTakeFirstOrThrow();
  return { byPerson: Number(r.by_person), toOrganisation: Number(r.to_organisation) };
}

/** Withdraws an open invitation; false when it was no longer open. */
export async function revokeInvitation(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invitation')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A new link for an open invitation: the old token stops working, the validity starts again. */
export async function renewInvitation(db: Db, id: number, tokenHash: string, expiresAt: Date, now: Date) {
  const r = await db
    .updateTable('invitation')
    .set({ token_hash: tokenHash, expires_at: expiresAt })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Withdraws the open invitations a person made for these organisations (when the membership
 * that allowed them ends); returns their ids.
 */
export async function revokeInvitationsBy(db: Db, personId: number, orgIds: number[] | 'all', now: Date) {
  let q = db
    .updateTable('invitation')
    .set({ revoked_at: now })
    .where('invited_by', '=', personId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  if (orgIds !== 'all') {
    if (orgIds.length === 0) return [];
    q = q.where('organisation_id', 'in', orgIds);
  }
  return (await q.returning('id').execute()).map((r) => r.id);
}
