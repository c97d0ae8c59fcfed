// Tests for the nightly purge of old sign-in attempts, reset links and invitations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountsSuite } from './accounts-test-kit.ts';
import { purgeAccountLeftovers } from '../repository/leftovers.ts';
import { reserveTry } from '../repository/login-throttle.ts';
import { recordLoginAttempt } from '../repository/sign-in-attempts-and-sessions.ts';

accountsSuite('accounts: cleanup', (t) => {
  test('old sign-in attempts, reset links and invitations are purged; recent ones stay', async () => {
    const db = t.database().db;
    await recordLoginAttempt(db, {
      email: 'oud@x.example',
      ip: null,
      success: false,
      at: new Date(t.clock.getTime() - 2 * 86400_000),
    });
    await recordLoginAttempt(db, { email: 'nieuw@x.example', ip: null, success: false, at: t.clock });
    const r = await purgeAccountLeftovers(db, t.clock);
    assert.ok(r.attempts >= 1);
    const left = await db
      .selectFrom('login_attempt')
      .select('email')
      .where('email', 'in', ['oud@x.example', 'nieuw@x.example'])
      .execute();
    assert.deepEqual(
      left.map((x) => x.email),
      ['nieuw@x.example'],
    );
  });

  test('throttle counts a day after their last failure are purged; recent ones stay', async () => {
    const db = t.database().db;
    const old = new Date(t.clock.getTime() - 2 * 86400_000);
    const { throttleRules } = await import('../services/throttle.ts');
    await reserveTry(
      db,
      { scope: 'paar', subject: 'oud x', email: 'oud@x.example' },
      throttleRules.paar,
      old,
    );
    await reserveTry(
      db,
      { scope: 'paar', subject: 'nieuw x', email: 'nieuw@x.example' },
      throttleRules.paar,
      t.clock,
    );
    const r = await purgeAccountLeftovers(db, t.clock);
    assert.ok(r.throttles >= 1);
    const left = await db
      .selectFrom('login_throttle')
      .select('subject')
      .where('subject', 'in', ['oud x', 'nieuw x'])
      .execute();
    assert.deepEqual(
      left.map((x) => x.subject),
      ['nieuw x'],
    );
  });
});
