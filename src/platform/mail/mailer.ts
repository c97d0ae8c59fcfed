// Outgoing e-mail. With SMTP_URL set, mail goes out over SMTP (nodemailer); without it, each
// mail is written to an outbox folder in the data folder (config.dataDir/outbox), which the
// demo lists on /demo/mail. Mails are queued as a pg-boss job ('mail-versturen', retried
// with backoff) when the platform runs jobs; the job is sent in the caller's transaction, so
// a mail exists only when the change that caused it was committed.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Config } from '../../config.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { ownerOnly } from '../private-files.ts';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text, the primary form. */
  text: string;
  /** Simple HTML with the same content. */
  html: string;
}

export interface OutboxEntry extends Mail {
  id: string;
  sentAt: string;
}

export interface Mailer {
  /** Queues a mail (in the transaction, when given); delivers at once when there are no jobs. */
  send(mail: Mail, opts?: { trx?: Kysely<DB> }): Promise<void>;
  /** Delivers one mail now (the job's worker calls this). Throws when delivery fails. */
  deliver(mail: Mail): Promise<void>;
  /** The outbox folder, when mail is not sent over SMTP. */
  outboxDir: string | null;
  /** The newest mails in the outbox, newest first (empty when sending over SMTP). */
  outbox(limit?: number): Promise<OutboxEntry[]>;
}

export const mailQueue = 'mail-versturen';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A mail from paragraphs of plain text: the text part as is, the HTML part as escaped
 * paragraphs with links made clickable.
 */
export function composeMail(to: string, subject: string, paragraphs: string[]): Mail {
  const text = `${paragraphs.join('\n\n')}\n\n-- \nNationaal Programma Onderwijs\n`;
  const html =
    `<!doctype html><html lang="nl"><body>` +
    paragraphs
      .map(
        (p) =>
          `<p>${escapeHtml(p)
            .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
            .replace(/\n/g, '<br>')}</p>`,
      )
      .join('') +
    `<p>Nationaal Programma Onderwijs</p></body></html>`;
  return { to, subject, text, html };
}

export function createMailer(config: Config, jobs: () => Jobs | undefined): Mailer {
  const outboxDir = config.mail.smtpUrl ? null : path.join(config.dataDir, 'outbox');
  let transport: Transporter | undefined;
  // nodemailer is loaded on the first mail over SMTP, not at every start.
  const smtp = async () =>
    (transport ??= (await import('nodemailer')).default.createTransport(config.mail.smtpUrl));

  const mailer: Mailer = {
    outboxDir,
    async send(mail, opts = {}) {
      const j = jobs();
      if (j) {
        await j.send(mailQueue, mail, { retryLimit: 8, retryDelay: 30, retryBackoff: true, trx: opts.trx });
      } else {
        await mailer.deliver(mail);
      }
    },
    async deliver(mail) {
      if (!outboxDir) {
        await (
          await smtp()
        ).sendMail({
          from: config.mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        return;
      }
      // Mails hold sign-in and reset links: owner-only, like the rest of the data folder.
      await fs.mkdir(outboxDir, { recursive: true, mode: ownerOnly.dir });
      const sentAt = new Date().toISOString();
      const id = `${sentAt.replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}`;
      const entry: OutboxEntry = { ...mail, id, sentAt };
      const file = path.join(outboxDir, `${id}.json`);
      await fs.writeFile(`${file}.tmp`, JSON.stringify(entry, null, 2), { mode: ownerOnly.file });
      await fs.rename(`${file}.tmp`, file);
    },
    async outbox(limit = 50) {
      if (!outboxDir) return [];
      let files: string[];
      try {
        files = (await fs.readdir(outboxDir)).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
      files.sort().reverse();
      const out: OutboxEntry[] = [];
      for (const f of files.slice(0, limit)) {
        try {
          out.push(JSON.parse(await fs.readFile(path.join(outboxDir, f), 'utf8')));
        } catch {
          // A file being written by another process: skip it.
        }
      }
      return out;
    },
  };
  return mailer;
}
