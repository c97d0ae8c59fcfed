// The board-level plan as its pages need it: the draft with the contributions of the schools,
// the versions with the GMR's decisions, and submitting a new version (freeze, mail the GMR).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import * as repo from '../repository/board-plan.ts';
import * as versions from '../repository/board-plan-versions.ts';
import { gmrVersionMail } from './board-plan-mail.ts';
import { buildSnapshot, readSnapshot, sameContent, type BoardPlanSnapshot } from './board-plan-snapshot.ts';

type Db = Kysely<DB>;

/** The draft of the board's plan as a snapshot (what a submit would freeze now). */
export async function draftSnapshot(db: Db, planId: number): Promise<BoardPlanSnapshot> {
  const interventions = await repo.draftInterventions(db, planId);
  const rows = await repo.contributions(
    db,
    interventions.map((i) => i.id),
  );
  return buildSnapshot(interventions, rows);
}

/** Everything the plan's home page shows; undefined when the board does not exist. */
export async function loadBoardPlan(db: Db, boardId: number, programmeId: number) {
  const board = await repo.findBoard(db, boardId);
  if (!board) return undefined;
  const plan = await repo.findBoardPlan(db, boardId, programmeId);
  const interventions = plan ? await repo.draftInterventions(db, plan.id) : [];
  const rows = await repo.contributions(
    db,
    interventions.map((i) => i.id),
  );
  const list = plan ? await versions.versionsOf(db, [plan.id]) : [];
  const draft = buildSnapshot(interventions, rows);
  const newest = list[0];
  return {
    board,
    plan,
    interventions,
    draft,
    versions: list,
    /** The draft differs from the newest version: a new version (and new consent) is needed. */
    changedSinceNewest: newest
      ? !sameContent(readSnapshot(newest.snapshot), draft)
      : interventions.length > 0,
  };
}

export type SubmitOutcome =
  { ok: true; number: number; mailed: number } | { ok: false; reason: 'verouderd' | 'leeg' | 'ongewijzigd' };

/**
 * Freezes the draft as the next version and mails the GMR members, in the caller's transaction.
 * Refused when the draft changed since the submitter saw it, is empty, or equals the newest version.
 */
export async function submitVersion(
  trx: Transaction<DB>,
  mail: { mailer: Mailer; baseUrl: string },
  v: {
    board: { id: number; name: string };
    planId: number;
    revision: number;
    note: string;
    personId: number | null;
    now: Date;
  },
): Promise<SubmitOutcome> {
  // The plan row stays locked until the end: two submits at once cannot both take a number.
  if ((await repo.lockPlan(trx, v.planId)) !== v.revision) return { ok: false, reason: 'verouderd' };
  const snapshot = await draftSnapshot(trx, v.planId);
  if (snapshot.interventions.length === 0) return { ok: false, reason: 'leeg' };
  const newest = await versions.latestVersion(trx, v.planId);
  if (newest && sameContent(readSnapshot(newest.snapshot), snapshot))
    return { ok: false, reason: 'ongewijzigd' };
  await repo.bumpPlan(trx, v.planId, v.revision, v.personId, v.now);
  const version = await versions.insertVersion(trx, {
    planId: v.planId,
    snapshot,
    note: v.note,
    personId: v.personId,
    now: v.now,
  });
  const members = await versions.gmrMembers(trx, v.board.id);
  for (const m of members)
    await mail.mailer.send(
      gmrVersionMail(mail.baseUrl, {
        to: m.email,
        name: m.name,
        boardName: v.board.name,
        boardId: v.board.id,
        number: version.number,
        note: v.note,
      }),
      { trx },
    );
  return { ok: true, number: version.number, mailed: members.length };
}
