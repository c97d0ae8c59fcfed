// Submitted versions, the MR's decisions and comments, who gets the MR's mail, and the reminders.
// Versions and decisions are only ever inserted (the database refuses updates). Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MrDecision } from '../tables.ts';

type Db = Kysely<DB>;

/** The plan's versions, newest first, each with its decision (one query, index on plan_id, number). */
export async function listVersions(db: Db, planId: number) {
  return db
    .selectFrom('school_plan_version as v')
    .leftJoin('school_plan_decision as d', 'd.version_id', 'v.id')
    .leftJoin('person as p', 'p.id', 'v.submitted_by')
    .select([
      'v.id',
      'v.number',
      'v.note',
      'v.submitted_at',
      'p.name as submittedByName',
      'd.decision',
      'd.meeting_on',
      'd.reasons',
    ])
    .where('v.plan_id', '=', planId)
    .orderBy('v.number', 'desc')
    .execute();
}

export type VersionListRow = Awaited<ReturnType<typeof listVersions>>[number];

/** One version of the plan with its decision and snapshot (undefined when it has no such number). */
export async function findVersion(db: Db, planId: number, number: number) {
  return db
    .selectFrom('school_plan_version as v')
    .leftJoin('school_plan_decision as d', 'd.version_id', 'v.id')
    .leftJoin('person as p', 'p.id', 'v.submitted_by')
    .leftJoin('person as r', 'r.id', 'd.recorded_by')
    .select([
      'v.id',
      'v.plan_id',
      'v.number',
      'v.snapshot',
      'v.note',
      'v.submitted_at',
      'p.name as submittedByName',
      'd.decision',
      'd.reasons',
      'd.meeting_on',
      'd.recorded_at',
      'r.name as recordedByName',
    ])
    .where('v.plan_id', '=', planId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** The newest version number of the plan (0 when none). */
export async function latestNumber(db: Db, planId: number): Promise<number> {
  const r = await db
    .selectFrom('school_plan_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Locks the plan row for the rest of the transaction: two submits are made one after the other. */
export async function lockPlan(trx: Db, planId: number) {
  await sql`select id from school_plan where id = ${planId} for update`.execute(trx);
}

export async function countInterventions(db: Db, planId: number): Promise<number> {
  const r = await db
    .selectFrom('school_plan_intervention')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertVersion(
  trx: Db,
  v: { planId: number; number: number; snapshot: unknown; note: string; personId: number | null; now: Date },
) {
  return trx
    .insertInto('school_plan_version')
    .values({
      plan_id: v.planId,
      number: v.number,
      snapshot: JSON.stringify(v.snapshot),
      note: v.note,
      submitted_at: v.now,
      submitted_by: v.personId,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/** Records the decision; false when the version already has one (the primary key says so). */
export async function insertDecision(
  trx: Db,
  d: {
    versionId: number;
    decision: MrDecision;
    reasons: string;
    meetingOn: string;
    personId: number | null;
    now: Date;
  },
): Promise<boolean> {
  const r = await trx
    .insertInto('school_plan_decision')
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
  return r !== undefined;
}

export async function commentsOf(db: Db, versionId: number) {
  return db
    .selectFrom('school_plan_comment as c')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.body', 'c.created_at', 'p.name as personName'])
    .where('c.version_id', '=', versionId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export type CommentRow = Awaited<ReturnType<typeof commentsOf>>[number];

export async function insertComment(
  trx: Db,
  c: { versionId: number; personId: number | null; body: string; now: Date },
) {
  return trx
    .insertInto('school_plan_comment')
    .values({ version_id: c.versionId, person_id: c.personId, body: c.body, created_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The people with one of the roles at the school who can receive mail (not disabled). */
export async function recipients(db: Db, schoolId: number, roles: Array<'mr-lid' | 'schoolleider'>) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.email', 'p.name', 'm.role'])
    .distinctOn('p.id')
    .where('m.organisation_id', '=', schoolId)
    .where('m.role', 'in', roles)
    .where('p.disabled_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

/** Versions without a decision, submitted before `before`, that got no reminder yet. */
export async function versionsDueForReminder(db: Db, before: Date) {
  return db
    .selectFrom('school_plan_version as v')
    .innerJoin('school_plan as p', 'p.id', 'v.plan_id')
    .innerJoin('organisation as o', 'o.id', 'p.school_id')
    .leftJoin('school_plan_decision as d', 'd.version_id', 'v.id')
    .leftJoin('school_plan_version_reminder as r', 'r.version_id', 'v.id')
    .select(['v.id', 'v.number', 'v.submitted_at', 'p.school_id', 'o.name as schoolName'])
    .where('v.submitted_at', '<', before)
    .where('d.version_id', 'is', null)
    .where('r.version_id', 'is', null)
    .orderBy('v.id')
    .execute();
}

/** Claims the reminder of a version; false when another run already did (sent once). */
export async function claimReminder(trx: Db, versionId: number, recipients: number, now: Date) {
  const r = await trx
    .insertInto('school_plan_version_reminder')
    .values({ version_id: versionId, recipients, sent_at: now })
    .onConflict((oc) => oc.column('version_id').doNothing())
    .returning('version_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The latest version of a school's plans and its decision (for the dashboard). */
export async function latestOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('school_plan_version as v')
    .innerJoin('school_plan as p', 'p.id', 'v.plan_id')
    .leftJoin('school_plan_decision as d', 'd.version_id', 'v.id')
    .select(['v.number', 'v.submitted_at', 'd.decision'])
    .where('p.school_id', '=', schoolId)
    .orderBy('p.programme_id', 'desc')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}
