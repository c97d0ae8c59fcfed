// The platform's hourly job deletes sessions that can no longer be used (platform/jobs/workers.ts
// calls purgeExpiredSessions): past their 12 hours, or 2 hours without a request. Sessions that
// still work stay, and so does the person signed in with them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSession, purgeExpiredSessions, sessionLifetimeMs } from '../../../platform/auth/session.ts';
import { accountsSuite } from './accounts-test-kit.ts';

accountsSuite('accounts: expired sessions', (t) => {
  test('purgeExpiredSessions deletes expired and idle sessions; live ones stay', async () => {
    const db = t.database().db;
    const now = t.clock;
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const hour = 3600_000;
    const p = await t.person([['teamlid', t.fx.schoolId]]);

    // Started 13 hours ago and seen a minute ago: past its 12 hours.
    const expired = await createSession(db, p.id, { now: ago(13 * hour) });
    await db
      .updateTable('session')
      .set({ last_seen_at: ago(60_000) })
      .where('id', '=', expired.id)
      .execute();
    // Started 3 hours ago, never seen since: idle for more than 2 hours.
    const idle = await createSession(db, p.id, { now: ago(3 * hour) });
    // Started 11 hours ago and seen 5 minutes ago: still valid.
    const busy = await createSession(db, p.id, { now: ago(11 * hour) });
    await db
      .updateTable('session')
      .set({ last_seen_at: ago(5 * 60_000) })
      .where('id', '=', busy.id)
      .execute();
    // Started 1 hour 50 minutes ago, not seen since: idle, but not yet 2 hours.
    const quiet = await createSession(db, p.id, { now: ago(110 * 60_000) });
    // Just started.
    const fresh = await createSession(db, p.id, { now });
    assert.ok(sessionLifetimeMs < 13 * hour && sessionLifetimeMs > 11 * hour);

    const deleted = await purgeExpiredSessions(db, now);
    assert.ok(deleted >= 2, `${deleted} sessies verwijderd`);

    const left = await db.selectFrom('session').select('id').where('person_id', '=', p.id).execute();
    assert.deepEqual(
      left.map((s) => s.id).sort(),
      [busy.id, quiet.id, fresh.id].sort(),
      'alleen de bruikbare sessies blijven',
    );
    assert.ok(!left.some((s) => s.id === expired.id || s.id === idle.id));
    const person = await db.selectFrom('person').select('id').where('id', '=', p.id).executeTakeFirst();
    assert.equal(person?.id, p.id, 'de persoon blijft');
  });
});
