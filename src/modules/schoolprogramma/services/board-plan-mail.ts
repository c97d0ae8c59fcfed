// The mail to the GMR members when the board submits a version of its board-level plan. Names
// are plain text (no mail client turns them into links); the only link is the version's page.
import { composeMail } from '../../../platform/mail/mailer.ts';
import { plainName } from '../../accounts/services/names.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { reminderAfterDays } from './consent.ts';

export function gmrVersionMail(
  baseUrl: string,
  v: { to: string; name: string; boardName: string; boardId: number; number: number; note: string },
) {
  const board = plainName(v.boardName);
  return composeMail(v.to, `Bovenschools plan ${board}: versie ${v.number} wacht op het besluit van de GMR`, [
    `Beste ${plainName(v.name)},`,
    `Het bestuur van ${board} heeft versie ${v.number} van het bovenschools plan voor het Nationaal Programma Onderwijs aan de GMR voorgelegd. Het plan beschrijft welke interventies het bestuur voor meerdere scholen samen uitvoert, en welk deel van het geld van elke school daarvoor is gereserveerd.`,
    ...(v.note.trim() ? [`Toelichting van het bestuur: ${plainName(v.note)}`] : []),
    'U leest de versie en wat er veranderd is, kunt reageren, en legt na de vergadering het besluit van de GMR vast:',
    `${baseUrl}/besturen/${v.boardId}/bovenschools/versies/${v.number}`,
  ]);
}

/** The one reminder when a version waited more than six weeks for the GMR's decision. */
export function gmrReminderMail(
  baseUrl: string,
  v: { to: string; name: string; boardName: string; boardId: number; number: number; submittedAt: Date },
) {
  const board = plainName(v.boardName);
  return composeMail(v.to, `Herinnering: versie ${v.number} van het bovenschools plan wacht op een besluit`, [
    `Beste ${plainName(v.name)},`,
    `Versie ${v.number} van het bovenschools plan van ${board} is op ${formatDate(v.submittedAt)} aan de GMR voorgelegd. Na ${reminderAfterDays / 7} weken is er nog geen besluit vastgelegd.`,
    'Bespreek de versie in de eerstvolgende GMR-vergadering. Een GMR-lid legt het besluit daarna vast via deze link:',
    `${baseUrl}/besturen/${v.boardId}/bovenschools/versies/${v.number}`,
    'U ontvangt deze herinnering één keer, omdat u lid bent van de GMR of namens het bestuur werkt.',
  ]);
}
