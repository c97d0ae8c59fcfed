// The daily reminder: a version that waited more than six weeks for the MR's decision gets one
// mail to the MR members and the school leader; a version of a board-level plan that waited as
// long for the GMR's decision gets one mail to the GMR members and the board. The reminder row and the mails are written in
// one transaction, so a version is reminded exactly once, even when two runs overlap.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import * as versions from '../repository/versions.ts';
import * as boardVersions from '../repository/board-plan-versions.ts';
import { reminderAfterDays } from './consent.ts';
import { reminderMail } from './consent-mail.ts';
import { gmrReminderMail } from './board-plan-mail.ts';

export const reminderQueue = 'schoolprogramma-herinnering-besluit';
/** Every morning at seven (Europe/Amsterdam). */
export const reminderCron = '0 7 * * *';
export const reminderAuditAction = 'schoolprogramma.herinnering-verstuurd';
export const gmrReminderAuditAction = 'schoolprogramma.gmr-herinnering-verstuurd';

export async function sendDecisionReminders(
  db: Kysely<DB>,
  mail: { mailer: Mailer; baseUrl: string },
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - reminderAfterDays * 24 * 3600 * 1000);
  let sent = 0;
  for (const v of await versions.versionsDueForReminder(db, before)) {
    await db.transaction().execute(async (trx) => {
      const people = await versions.recipients(trx, v.school_id, ['mr-lid', 'schoolleider']);
      if (!(await versions.claimReminder(trx, v.id, people.length, now))) return;
      for (const p of people)
        await mail.mailer.send(
          reminderMail(mail.baseUrl, {
            to: p.email,
            name: p.name,
            schoolId: v.school_id,
            schoolName: v.schoolName,
            number: v.number,
            submittedAt: v.submitted_at,
          }),
          { trx },
        );
      await writeAudit(trx, {
        action: reminderAuditAction,
        objectType: 'schoolprogramma-versie',
        objectId: v.id,
        organisationId: v.school_id,
        actorLabel: 'taak',
        details: { versie: v.number, ontvangers: people.length },
      });
      sent++;
    });
  }
  return sent;
}

export async function sendGmrReminders(
  db: Kysely<DB>,
  mail: { mailer: Mailer; baseUrl: string },
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - reminderAfterDays * 24 * 3600 * 1000);
  let sent = 0;
  for (const v of await boardVersions.boardVersionsDueForReminder(db, before)) {
    await db.transaction().execute(async (trx) => {
      const people = await boardVersions.boardReminderRecipients(trx, v.board_id);
      if (!(await boardVersions.claimBoardReminder(trx, v.id, people.length, now))) return;
      for (const p of people)
        await mail.mailer.send(
          gmrReminderMail(mail.baseUrl, {
            to: p.email,
            name: p.name,
            boardId: v.board_id,
            boardName: v.boardName,
            number: v.number,
            submittedAt: v.submitted_at,
          }),
          { trx },
        );
      await writeAudit(trx, {
        action: gmrReminderAuditAction,
        objectType: 'board_plan_version',
        objectId: v.id,
        organisationId: v.board_id,
        actorLabel: 'taak',
        details: { versie: v.number, ontvangers: people.length },
      });
      sent++;
    });
  }
  return sent;
}
