// What the pages say about the helpdesk: the published facts (the free number, open on workdays)
// and, only when the operator set them, the opening hours and the answer time (HELPDESK_HOURS,
// HELPDESK_ANSWER_WORKDAYS). Nothing is invented when they are not set.
import { format, type Locale } from '../platform/i18n/i18n.ts';
import type { HelpdeskSettings } from '../config.ts';
import { shellText } from './messages.ts';

/** '09:00' as Dutch '9.00' or English '9:00'. */
function clock(hhmm: string, locale: Locale): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)}${locale === 'nl' ? '.' : ':'}${m}`;
}

/** How to reach the helpdesk by phone, with the opening hours when they are set. */
export function helpdeskPhoneText(settings: HelpdeskSettings, locale: Locale): string {
  const t = shellText(locale);
  return settings.hours
    ? format(t.helpdeskTextHours, {
        from: clock(settings.hours.from, locale),
        to: clock(settings.hours.to, locale),
      })
    : t.helpdeskText;
}

/** When the helpdesk answers, or null when the operator did not set it. */
export function helpdeskAnswerText(settings: HelpdeskSettings, locale: Locale): string | null {
  const t = shellText(locale);
  if (!settings.answerWorkdays) return null;
  return settings.answerWorkdays === 1
    ? t.helpdeskAnswerOne
    : format(t.helpdeskAnswer, { n: String(settings.answerWorkdays) });
}
