// The daily reminder: the respondents of a published questionnaire that closes within seven days
// and that their school or board has not submitted get one mail. The reminder row, the mails and
// the audit row are written in one transaction, so each organisation is reminded exactly once
// per questionnaire, even when two runs overlap.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import * as responses from '../repository/responses.ts';
import { questionnaireBase } from '../views/answer-parts.tsx';
import { reminderMail } from './receipt-mail.ts';

export const reminderQueue = 'verantwoording-herinnering-vragenlijst';
/** Every morning at seven (Europe/Amsterdam). */
export const reminderCron = '0 7 * * *';
export const reminderAuditAction = 'verantwoording.herinnering-verstuurd';
export const reminderDays = 7;

/** The day `days` after a 'YYYY-MM-DD' date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function sendQuestionnaireReminders(
  db: Kysely<DB>,
  mail: { mailer: Mailer; baseUrl: string },
  now: Date,
): Promise<number> {
  const today = todayIn(now);
  let sent = 0;
  for (const due of await responses.dueForReminder(db, today, addDays(today, reminderDays))) {
    await db.transaction().execute(async (trx) => {
      const people = await responses.respondents(trx, due.orgId, due.audience);
      if (!people.length) return;
      if (!(await responses.claimReminder(trx, due.questionnaireId, due.orgId, people.length, now))) return;
      const path = questionnaireBase({ id: due.orgId, audience: due.audience }, due.questionnaireId);
      for (const p of people)
        await mail.mailer.send(
          reminderMail(mail.baseUrl, p, {
            orgName: due.orgName,
            title: due.title,
            closesOn: due.closes_on,
            path,
          }),
          { trx },
        );
      await writeAudit(trx, {
        action: reminderAuditAction,
        objectType: 'questionnaire',
        objectId: due.questionnaireId,
        organisationId: due.orgId,
        actorLabel: 'taak',
        details: { ontvangers: people.length },
      });
      sent++;
    });
  }
  return sent;
}
