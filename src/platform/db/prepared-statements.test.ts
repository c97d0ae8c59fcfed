// preparingPool: texts run often are prepared on the server, a bounded number of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { sql } from 'kysely';
import { createTestDatabase, postgresNotRun, testEngines } from '../../../test/support/db.ts';
import { preparingPool } from './prepared-statements.ts';

/** A pg pool stand-in with one client that records what it is asked to run. */
function recordingPool() {
  const calls: unknown[][] = [];
  const released: unknown[] = [];
  const client = {
    query: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ rows: [], rowCount: 0, command: 'SELECT' });
    },
    release: (destroy?: unknown) => released.push(destroy),
  };
  const pool = { connect: async () => client, end: async () => {} } as unknown as pg.Pool;
  return { pool, calls, released };
}

test('a text gets a name from its fifth run on, and keeps the same name', async () => {
  const { pool, calls } = recordingPool();
  const client = await preparingPool(pool, { after: 5, max: 10 }).connect();
  for (let i = 0; i < 7; i++) await client.query('select $1', [i]);
  assert.deepEqual(
    calls.slice(0, 4),
    [0, 1, 2, 3].map((i) => ['select $1', [i]]),
  );
  assert.deepEqual(calls.slice(4), [
    [{ name: 'npo_1', text: 'select $1', values: [4] }],
    [{ name: 'npo_1', text: 'select $1', values: [5] }],
    [{ name: 'npo_1', text: 'select $1', values: [6] }],
  ]);
});

test('past the most names, further texts run unprepared', async () => {
  const { pool, calls } = recordingPool();
  const client = await preparingPool(pool, { after: 1, max: 2 }).connect();
  for (const text of ['select 1', 'select 2', 'select 3', 'select 1']) await client.query(text, []);
  assert.deepEqual(
    calls.map(([q]) => (typeof q === 'string' ? q : (q as { name: string }).name)),
    ['npo_1', 'npo_2', 'select 3', 'npo_1'],
  );
});

test('a cursor passes through, release passes on whether to destroy, and a client keeps one wrapper', async () => {
  const { pool, calls, released } = recordingPool();
  const preparing = preparingPool(pool);
  const a = await preparing.connect();
  const cursor = { read: async () => [], close: async () => {} };
  a.query(cursor);
  assert.equal(calls[0]![0], cursor);
  a.release(true);
  assert.deepEqual(released, [true]);
  // Kysely keys its connections by this object: the same pg client must give the same one.
  assert.equal(await preparing.connect(), a);
});

// The server's own list of prepared statements, on PostgreSQL only (PGlite runs unprepared).
if (!testEngines().includes('postgres')) postgresNotRun();
else
  test('on PostgreSQL a query run five times on a connection is prepared there', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const prepared = await database.db.connection().execute(async (c) => {
        for (let i = 0; i < 5; i++)
          await sql`select label from school_year where label <> ${'npo-test-' + i}`.execute(c);
        return sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(c);
      });
      assert.ok(
        prepared.rows.some((r) => r.statement.includes('select label from school_year where label <> $1')),
        JSON.stringify(prepared.rows),
      );
    } finally {
      await database.close();
    }
  });
