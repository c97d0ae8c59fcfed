// The mails of the consent flow: a new version for the MR to decide on, and the reminder when a
// decision waits too long. Names are plain text; the only link is the version's own page.
import { composeMail } from '../../../platform/mail/mailer.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { plainName } from '../../accounts/services/names.ts';
import { planBase } from '../views/base.ts';
import { reminderAfterDays } from './consent.ts';

export const versionPath = (schoolId: number, number: number) => `${planBase(schoolId)}/versies/${number}`;

export function newVersionMail(
  baseUrl: string,
  v: { to: string; name: string; schoolId: number; schoolName: string; number: number; note: string },
) {
  const school = plainName(v.schoolName);
  return composeMail(v.to, `Schoolprogramma ${school}: versie ${v.number} wacht op het besluit van de MR`, [
    `Beste ${plainName(v.name)},`,
    `De schoolleiding van ${school} heeft versie ${v.number} van het schoolprogramma ingediend bij de medezeggenschapsraad. De MR beslist of zij instemt.`,
    ...(v.note.trim() ? [`Toelichting van de schoolleiding:\n${v.note.trim()}`] : []),
    'U leest de volledige versie, de verschillen met de vorige versie en de reacties via deze link:',
    `${baseUrl}${versionPath(v.schoolId, v.number)}`,
    'U ontvangt deze e-mail omdat u lid bent van de MR van deze school.',
  ]);
}

export function reminderMail(
  baseUrl: string,
  v: { to: string; name: string; schoolId: number; schoolName: string; number: number; submittedAt: Date },
) {
  const school = plainName(v.schoolName);
  return composeMail(v.to, `Herinnering: versie ${v.number} van het schoolprogramma wacht op een besluit`, [
    `Beste ${plainName(v.name)},`,
    `Versie ${v.number} van het schoolprogramma van ${school} is op ${formatDate(v.submittedAt)} ingediend bij de MR. Na ${reminderAfterDays / 7} weken is er nog geen besluit vastgelegd.`,
    'Bespreek de versie in de eerstvolgende MR-vergadering. Een MR-lid legt het besluit daarna vast via deze link:',
    `${baseUrl}${versionPath(v.schoolId, v.number)}/besluit`,
    'U ontvangt deze herinnering één keer, omdat u lid bent van de MR of schoolleider bent.',
  ]);
}
