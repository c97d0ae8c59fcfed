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

type Trx = Kysely<DB>;
type MailSettings = { mailer: Mailer; baseUrl: string };

/** What one kind of reminder (the MR's, the GMR's) needs to be sent once per waiting version. */
interface ReminderKind<V extends { id: number; number: number }> {
  due(db: Trx, before: Date): Promise<V[]>;
  organisationId(v: V): number;
  recipients(trx: Trx, v: V): Promise<{ email: string; name: string }[]>;
  claim(trx: Trx, versionId: number, recipients: number, now: Date): Promise<boolean>;
  mail(baseUrl: string, v: V, to: { email: string; name: string }): ReturnType<typeof reminderMail>;
  action: string;
  objectType: string;
}

async function sendReminders<V extends { id: number; number: number }>(
  kind: ReminderKind<V>,
  db: Trx,
  mail: MailSettings,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - reminderAfterDays * 24 * 3600 * 1000);
  let sent = 0;
  for (const v of await kind.due(db, before)) {
    await db.transaction().execute(async (trx) => {
      const people = await kind.recipients(trx, v);
      if (!(await kind.claim(trx, v.id, people.length, now))) return;
      for (const p of people) await mail.mailer.send(kind.mail(mail.baseUrl, v, p), { trx });
      await writeAudit(trx, {
        action: kind.action,
        objectType: kind.objectType,
        objectId: v.id,
        organisationId: kind.organisationId(v),
        actorLabel: 'taak',
        details: { versie: v.number, ontvangers: people.length },
      });
      sent++;
    });
  }
  return sent;
}

type SchoolVersion = Awaited<ReturnType<typeof versions.versionsDueForReminder>>[number];
type BoardVersion = Awaited<ReturnType<typeof boardVersions.boardVersionsDueForReminder>>[number];

const mrReminder: ReminderKind<SchoolVersion> = {
  due: versions.versionsDueForReminder,
  organisationId: (v) => v.school_id,
  recipients: (trx, v) => versions.recipients(trx, v.school_id, ['mr-lid', 'schoolleider']),
  claim: versions.claimReminder,
  mail: (baseUrl, v, p) =>
    reminderMail(baseUrl, {
      to: p.email,
      name: p.name,
      schoolId: v.school_id,
      schoolName: v.schoolName,
      number: v.number,
      submittedAt: v.submitted_at,
    }),
  action: reminderAuditAction,
  objectType: 'schoolprogramma-versie',
};

const gmrReminder: ReminderKind<BoardVersion> = {
  due: boardVersions.boardVersionsDueForReminder,
  organisationId: (v) => v.board_id,
  recipients: (trx, v) => boardVersions.boardReminderRecipients(trx, v.board_id),
  claim: boardVersions.claimBoardReminder,
  mail: (baseUrl, v, p) =>
    gmrReminderMail(baseUrl, {
      to: p.email,
      name: p.name,
      boardId: v.board_id,
      boardName: v.boardName,
      number: v.number,
      submittedAt: v.submitted_at,
    }),
  action: gmrReminderAuditAction,
  objectType: 'board_plan_version',
};

export const sendDecisionReminders = (db: Trx, mail: MailSettings, now: Date) =>
  sendReminders(mrReminder, db, mail, now);

export const sendGmrReminders = (db: Trx, mail: MailSettings, now: Date) =>
  sendReminders(gmrReminder, db, mail, now);
