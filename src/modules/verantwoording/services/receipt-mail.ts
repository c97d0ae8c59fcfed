// The mails of answering: the receipt after a submit and the reminder before the close date.
// Names are plain text; the only links are the questionnaire's own pages.
import { composeMail } from '../../../platform/mail/mailer.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { plainName } from '../../accounts/services/names.ts';
import { receiptSentence, type ReceiptMeta } from './receipt-pdf.ts';

export function receiptMail(
  baseUrl: string,
  to: { email: string; name: string },
  path: string,
  meta: ReceiptMeta,
) {
  return composeMail(
    to.email,
    `Ontvangstbevestiging: ${meta.questionnaireTitle} (inzending ${meta.number})`,
    [
      `Beste ${plainName(to.name)},`,
      receiptSentence({
        ...meta,
        orgName: plainName(meta.orgName),
        submittedBy: meta.submittedBy && plainName(meta.submittedBy),
      }),
      'Uw antwoorden en deze bevestiging als PDF vindt u hier:',
      `${baseUrl}${path}`,
      'Tot de sluitingsdatum kunt u uw antwoorden wijzigen en opnieuw indienen. Elke inzending blijft bewaard.',
    ],
  );
}

export function reminderMail(
  baseUrl: string,
  to: { email: string; name: string },
  v: { orgName: string; title: string; closesOn: string; path: string },
) {
  return composeMail(to.email, `Herinnering: vul "${v.title}" in vóór ${formatDate(v.closesOn)}`, [
    `Beste ${plainName(to.name)},`,
    `De vragenlijst "${v.title}" voor ${plainName(v.orgName)} sluit op ${formatDate(v.closesOn)}. Er is nog niets ingediend.`,
    'Veel antwoorden staan al klaar vanuit het platform. U controleert ze, vult aan en dient in via deze link:',
    `${baseUrl}${v.path}`,
    'U krijgt deze herinnering één keer per vragenlijst.',
  ]);
}
