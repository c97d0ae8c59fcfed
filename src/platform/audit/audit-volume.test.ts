// The audit trail records what people did and does not grow without bound: anonymous open-data
// downloads are counted, not audited; a signed-in person's export is audited; rows older than
// AUDIT_RETENTION_DAYS are purged, and only those.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, TestClient } from '../../../test/support/app.ts';
import { purgeAuditEvents } from './retention.ts';
import { writeAudit } from './audit.ts';

const downloadCount = async (app: FastifyInstance) => {
  const text = await app.platform.metrics.registry.metrics();
  return Number(/npo_open_data_downloads_total\{bestand="bedragen-per-school"\} (\d+)/.exec(text)?.[1] ?? 0);
};

eachEngine('audit volume', (database) => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp(database());
  });
  after(async () => {
    await app?.close();
  });

  const exportRows = () =>
    database()
      .db.selectFrom('audit_event')
      .select(['actor_person_id'])
      .where('action', '=', 'export.bedragen-per-school')
      .execute();

  test('an anonymous open-data download writes no audit row and increments the download counter', async () => {
    const before = await downloadCount(app);
    const res = await app.inject('/bedragen/open-data.csv');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(await exportRows(), []);
    assert.equal(await downloadCount(app), before + 1);
  });

  test('an open-data export by a signed-in person is audited with that person', async () => {
    const fx = await createFixtures(database());
    const person = await signInAs(database(), 'schoolleider', fx.schoolId);
    const client = new TestClient(app, person.cookie);
    const res = await client.get('/bedragen/open-data.csv');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      (await exportRows()).map((r) => r.actor_person_id),
      [person.personId],
    );
  });

  test('the audit purge removes rows older than the retention period and keeps newer ones', async () => {
    const db = database().db;
    const now = new Date('2026-06-01T12:00:00Z');
    const day = 86_400_000;
    await db.deleteFrom('audit_event').execute();
    for (const [action, ageDays] of [
      ['oud.1', 800],
      ['oud.2', 731],
      ['nieuw.1', 729],
      ['nieuw.2', 1],
    ] as const) {
      await writeAudit(db, { action });
      await db
        .updateTable('audit_event')
        .set({ at: new Date(now.getTime() - ageDays * day) })
        .where('action', '=', action)
        .execute();
    }
    // A batch of 1 makes the loop go round more than once.
    assert.equal(await purgeAuditEvents(db, now, 730, 1), 2);
    const left = await db.selectFrom('audit_event').select('action').orderBy('action').execute();
    assert.deepEqual(
      left.map((r) => r.action),
      ['nieuw.1', 'nieuw.2'],
    );
  });
});
