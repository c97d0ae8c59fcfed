// The board-level plan's history: numbered versions (frozen JSON), the GMR's one decision per
// version, the GMR's comments, and who the GMR members of a board are.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MrDecision } from '../tables.ts';

type Db = Kysely<DB>;

function versionsWithDecision(db: Db) {
  return db
    .selectFrom('board_plan_version as v')
    .leftJoin('board_plan_decision as d', 'd.version_id', 'v.id')
    .leftJoin('person as p', 'p.id', 'v.submitted_by')
    .select([
      'v.id',
      'v.plan_id',
      'v.number',
      'v.snapshot',
      'v.note',
      'v.submitted_at',
      'p.name as submitted_by_name',
      'd.decision',
      'd.reasons',
      'd.meeting_on',
      'd.recorded_at',
    ]);
}

/** All versions of the plans, newest first per plan, each with its decision (if any). */
export async function versionsOf(db: Db, planIds: number[]) {
  if (planIds.length === 0) return [];
  return versionsWithDecision(db).where('v.plan_id', 'in', planIds).orderBy('v.number', 'desc').execute();
}

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export async function versionByNumber(db: Db, planId: number, number: number) {
  return versionsWithDecision(db)
    .where('v.plan_id', '=', planId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export async function latestVersion(db: Db, planId: number) {
  return versionsWithDecision(db)
    .where('v.plan_id', '=', planId)
    .orderBy('v.number', 'desc')
    .executeTakeFirst();
}

/** Freezes a version with the next number (the plan row is locked by the caller's bump). */
export async function insertVersion(
  db: Db,
  v: { planId: number; snapshot: unknown; note: string; personId: number | null; now: Date },
) {
  const last = await db
    .selectFrom('board_plan_version')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('plan_id', '=', v.planId)
    .executeTakeFirst();
  const number = Number(last?.number ?? 0) + 1;
  const row = await db
    .insertInto('board_plan_version')
    .values({
      plan_id: v.planId,
      number,
      snapshot: JSON.stringify(v.snapshot),
      note: v.note,
      submitted_at: v.now,
      submitted_by: v.personId,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  return row;
}

/** Records the decision; false when the version already has one (one decision per version). */
export async function insertDecision(
  db: Db,
  d: {
    versionId: number;
    decision: MrDecision;
    reasons: string;
    meetingOn: string;
    personId: number | null;
    now: Date;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('board_plan_decision')
    .values({
      version_id: d.versionId,
      decision: d.decision,
      reasons: d.reasons,
      meeting_on: d.meetingOn,
      recorded_at: d.now,
      recorded_by: d.personId,
    })
    .onConflict((oc) => oc.column('version_id').doNothing())
    .returning('version_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function commentsOf(db: Db, versionId: number) {
  return db
    .selectFrom('board_plan_comment as c')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.body', 'c.created_at', 'p.name as person_name'])
    .where('c.version_id', '=', versionId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function insertComment(
  db: Db,
  c: { versionId: number; personId: number | null; body: string; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('board_plan_comment')
    .values({ version_id: c.versionId, person_id: c.personId, body: c.body, created_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The e-mail addresses of the board's GMR members who can still sign in. */
export async function gmrMembers(db: Db, boardId: number) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.email', 'p.name'])
    .where('m.organisation_id', '=', boardId)
    .where('m.role', '=', 'gmr-lid')
    .where('p.disabled_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

/** Submitted versions without a GMR decision or reminder, submitted before `before`. */
export async function boardVersionsDueForReminder(db: Db, before: Date) {
  return db
    .selectFrom('board_plan_version as v')
    .innerJoin('board_plan as p', 'p.id', 'v.plan_id')
    .innerJoin('organisation as o', 'o.id', 'p.board_id')
    .leftJoin('board_plan_decision as d', 'd.version_id', 'v.id')
    .leftJoin('board_plan_version_reminder as r', 'r.version_id', 'v.id')
    .select(['v.id', 'v.number', 'v.submitted_at', 'p.board_id', 'o.name as boardName'])
    .where('v.submitted_at', '<', before)
    .where('d.version_id', 'is', null)
    .where('r.version_id', 'is', null)
    .orderBy('v.id')
    .execute();
}

/** Claims the reminder of a board-plan version; false when another run already did (sent once). */
export async function claimBoardReminder(trx: Db, versionId: number, recipients: number, now: Date) {
  const r = await trx
    .insertInto('board_plan_version_reminder')
    .values({ version_id: versionId, recipients, sent_at: now })
    .onConflict((oc) => oc.column('version_id').doNothing())
    .returning('version_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The GMR members and the board's own people who can still sign in (the reminder's readers). */
export async function boardReminderRecipients(db: Db, boardId: number) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.email', 'p.name'])
    .distinct()
    .where('m.organisation_id', '=', boardId)
    .where('m.role', 'in', ['gmr-lid', 'bestuur'])
    .where('p.disabled_at', 'is', null)
    .orderBy('p.email')
    .execute();
}
