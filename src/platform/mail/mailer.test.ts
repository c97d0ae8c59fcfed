// The mailer: mails are queued as jobs inside the caller's transaction (a rolled-back change
// sends nothing), delivered by the worker to the outbox, and retried when delivery fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eachEngine } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { composeMail, createMailer, mailQueue, type Mail } from './mailer.ts';

const waitFor = async (check: () => Promise<boolean>, ms = 15000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail('timed out');
};

test('composeMail escapes HTML and links URLs', () => {
  const m = composeMail('a@b.nl', 'Onderwerp', ['Beste <Jan>,', 'Klik: https://x.example/pad?token=abc']);
  assert.match(m.text, /Beste <Jan>,/);
  assert.match(m.html, /Beste &lt;Jan&gt;,/);
  assert.match(m.html, /<a href="https:\/\/x\.example\/pad\?token=abc">/);
});

eachEngine('mailer', (database) => {
  let jobs: Jobs;
  let dir: string;
  before(async () => {
    jobs = await startJobs(database().pool, { schedule: false, pollingIntervalSeconds: 0.5 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-mail-'));
  });
  after(async () => {
    await jobs.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a mail is a job in the transaction, delivered to the outbox by the worker', async () => {
    const mailer = createMailer(testConfig({ DATA_DIR: dir }), () => jobs);
    await jobs.work<Mail>(mailQueue, (m) => mailer.deliver(m));
    const db = database().db;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await mailer.send(composeMail('terug@x.example', 'Teruggedraaid', ['x']), { trx });
        throw new Error('rollback');
      }),
    );
    await db.transaction().execute(async (trx) => {
      await mailer.send(composeMail('echt@x.example', 'Verstuurd', ['Hallo']), { trx });
    });
    await waitFor(async () => (await mailer.outbox()).some((m) => m.to === 'echt@x.example'));
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(
      (await mailer.outbox()).some((m) => m.to === 'terug@x.example'),
      false,
    );
    const mail = (await mailer.outbox()).find((m) => m.to === 'echt@x.example')!;
    assert.equal(mail.subject, 'Verstuurd');
    assert.match(mail.html, /<p>Hallo<\/p>/);
  });

  test('a failed delivery is retried later (with backoff)', async () => {
    const failing = createMailer(testConfig({ SMTP_URL: 'smtp://127.0.0.1:9' }), () => jobs);
    await jobs.work<Mail>('mail-test-mislukt', (m) => failing.deliver(m));
    const id = await jobs.send('mail-test-mislukt', composeMail('x@x.example', 'Faalt', ['x']), {
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
    });
    await waitFor(async () => (await jobs.boss.getJobById('mail-test-mislukt', id!))?.state === 'retry');
    const job = await jobs.boss.getJobById('mail-test-mislukt', id!);
    assert.ok(new Date(job!.startAfter).getTime() > Date.now() + 30_000, 'next try later');
  });
});
