// Tests for the nightly purge of old sign-in attempts, throttle counts, reset links and invitations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountsSuite } from './accounts-test-kit.ts';
import { purgeAccountLeftovers } from '../repository/leftovers.ts';
import { insertInvitation, markInvitationAccepted, revokeInvitation } from '../repository/invitations.ts';
import { insertPasswordReset } from '../repository/password-resets.ts';
import { reserveTry } from '../repository/login-throttle.ts';
import { recordLoginAttempt } from '../repository/sign-in-attempts-and-sessions.ts';

accountsSuite('accounts: cleanup', (t) => {
  test('sign-in attempts older than a day, and reset links and invitations that ended more than 30 days ago, are purged; newer ones stay', async () => {
    const db = t.database().db;
    const daysAgo = (d: number) => new Date(t.clock.getTime() - d * 86400_000);
    await recordLoginAttempt(db, { email: 'oud@x.example', ip: null, success: false, at: daysAgo(2) });
    await recordLoginAttempt(db, { email: 'nieuw@x.example', ip: null, success: false, at: t.clock });

    // Reset links: one that expired 31 days ago goes; one that expired 29 days ago and an open one stay.
    const p = await t.person([]);
    const reset = async (tag: string, expiresAt: Date) => {
      await insertPasswordReset(db, {
        tokenHash: `opruimen-${tag}-${t.n}`,
        personId: p.id,
        createdAt: new Date(expiresAt.getTime() - 3600_000),
        expiresAt,
      });
      return `opruimen-${tag}-${t.n}`;
    };
    const oldReset = await reset('oud', daysAgo(31));
    const endedReset = await reset('recent-verlopen', daysAgo(29));
    const openReset = await reset('open', new Date(t.clock.getTime() + 3600_000));

    // Invitations: expired, accepted or withdrawn more than 30 days ago go; newer ones and open ones stay.
    const invitation = async (tag: string, expiresAt: Date) =>
      (
        await insertInvitation(db, {
          tokenHash: `opruimen-uitnodiging-${tag}-${t.n}`,
          email: `${tag}-${t.n}@x.example`,
          name: 'Uitgenodigd',
          organisationId: t.fx.schoolId,
          role: 'teamlid',
          invitedBy: null,
          createdAt: daysAgo(40),
          expiresAt,
        })
      ).id;
    const oldExpired = await invitation('oud-verlopen', daysAgo(31));
    const oldAccepted = await invitation('oud-aangenomen', t.clock);
    await markInvitationAccepted(db, oldAccepted, daysAgo(31));
    const oldRevoked = await invitation('oud-ingetrokken', t.clock);
    await revokeInvitation(db, oldRevoked, daysAgo(31));
    const recentExpired = await invitation('recent-verlopen', daysAgo(29));
    const recentAccepted = await invitation('recent-aangenomen', t.clock);
    await markInvitationAccepted(db, recentAccepted, daysAgo(29));
    const open = await invitation('open', new Date(t.clock.getTime() + 86400_000));

    const r = await purgeAccountLeftovers(db, t.clock);
    assert.ok(r.attempts >= 1);
    assert.ok(r.resets >= 1);
    assert.ok(r.invitations >= 3);

    const attemptsLeft = await db
      .selectFrom('login_attempt')
      .select('email')
      .where('email', 'in', ['oud@x.example', 'nieuw@x.example'])
      .execute();
    assert.deepEqual(
      attemptsLeft.map((x) => x.email),
      ['nieuw@x.example'],
    );
    const resetsLeft = await db
      .selectFrom('password_reset')
      .select('token_hash')
      .where('token_hash', 'in', [oldReset, endedReset, openReset])
      .orderBy('token_hash')
      .execute();
    assert.deepEqual(resetsLeft.map((x) => x.token_hash).sort(), [endedReset, openReset].sort());
    const invitationsLeft = await db
      .selectFrom('invitation')
      .select('id')
      .where('id', 'in', [oldExpired, oldAccepted, oldRevoked, recentExpired, recentAccepted, open])
      .execute();
    assert.deepEqual(
      invitationsLeft.map((x) => x.id).sort((a, b) => a - b),
      [recentExpired, recentAccepted, open].sort((a, b) => a - b),
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
