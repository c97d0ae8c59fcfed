// Form keys are forgotten after a day by the hourly purge, also for people who never post again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../test/support/db.ts';
import { createFixtures, signInAs } from '../../../test/support/app.ts';
import { purgeIdempotencyKeys } from './idempotency.ts';

eachEngine('idempotency keys', (database) => {
  test('the purge forgets keys older than a day and keeps younger ones', async () => {
    const db = database().db;
    const fx = await createFixtures(database());
    const { personId } = await signInAs(database(), 'schoolleider', fx.schoolId);
    const now = new Date('2026-06-01T12:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600 * 1000);
    await db
      .insertInto('idempotency_key')
      .values([
        { key: 'oud-oud-oud-oud-oud1', person_id: personId, route: '/x', created_at: hoursAgo(49) },
        { key: 'oud-oud-oud-oud-oud2', person_id: personId, route: '/x', created_at: hoursAgo(25) },
        { key: 'nieuw-nieuw-nieuw-n1', person_id: personId, route: '/x', created_at: hoursAgo(23) },
      ])
      .execute();
    assert.equal(await purgeIdempotencyKeys(db, now), 2);
    const left = await db
      .selectFrom('idempotency_key')
      .select('key')
      .where('person_id', '=', personId)
      .execute();
    assert.deepEqual(
      left.map((r) => r.key),
      ['nieuw-nieuw-nieuw-n1'],
    );
  });
});
