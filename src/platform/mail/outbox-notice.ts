// Without SMTP_URL every mail (password resets, invitations, unlock links) is written to a file
// instead of being sent. Fine for development; in production the operator must know, because
// nobody receives those mails and the files hold sign-in links.
import path from 'node:path';
import type { Config } from '../../config.ts';

/** The loud start-up notice for production without SMTP, or null when none is needed. */
export function outboxNotice(config: Config): string | null {
  if (config.env !== 'production' || config.mail.smtpUrl) return null;
  const outbox = path.join(config.dataDir, 'outbox');
  return [
    '!!! LET OP: SMTP_URL is niet ingesteld. Het platform verstuurt GEEN e-mail.',
    `!!! Alle e-mail (ook wachtwoordherstel en uitnodigingen) wordt als bestand bewaard in ${outbox}`,
    '!!! (alleen leesbaar voor deze gebruiker, modus 0600). Stel SMTP_URL in om e-mail te versturen.',
  ].join('\n');
}
