// The database layer on both engines: migrations, types, transactions, the programme seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eachEngine } from './support/db.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, migrationFiles, migrationsDir } from '../src/platform/db/migrate.ts';

eachEngine('database', (database) => {
  test('migrations are applied and running them again changes nothing', async () => {
    const { applied } = await migrateToLatest(database().db);
    assert.deepEqual(applied, []);
  });

  test("a module's new migration that sorts before one already run is still applied", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-migrations-'));
    try {
      // A migration numbered in the first module range, written after every shipped one ran.
      fs.writeFileSync(
        path.join(dir, '0009_late_foundation_change.ts'),
        "export async function up(db) { await db.schema.createTable('late_change').addColumn('id', 'integer').execute(); }\n",
      );
      // Links, so the shipped files resolve their imports from where they live.
      for (const f of migrationFiles()) fs.symlinkSync(path.join(migrationsDir, f), path.join(dir, f));
      const { applied } = await migrateToLatest(database().db, dir);
      assert.deepEqual(applied, ['0009_late_foundation_change']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the programme and its four school years are seeded from resources', async () => {
    const { db } = database();
    const years = await db
      .selectFrom('school_year')
      .select(['label', 'teldatum', 'starts_on'])
      .orderBy('starts_on')
      .execute();
    assert.deepEqual(
      years.map((y) => y.label),
      ['2021-2022', '2022-2023', '2023-2024', '2024-2025'],
    );
    assert.equal(years[0]!.teldatum, '2020-10-01');
    const p = await db.selectFrom('programme').select(['code', 'spend_until']).executeTakeFirstOrThrow();
    assert.equal(p.spend_until, '2025-07-31');
  });

  test('bigint counts come back as numbers, dates as calendar strings', async () => {
    const { db } = database();
    const r = await sql<{
      n: number;
      d: string;
    }>`select count(*) as n, date '2021-08-01' as d from school_year`.execute(db);
    assert.equal(r.rows[0]!.n, 4);
    assert.equal(r.rows[0]!.d, '2021-08-01');
  });

  test('a failed transaction leaves nothing behind and the connection keeps working', async () => {
    const { db } = database();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('organisation').values({ kind: 'bestuur', code: 'TX1', name: 'Half' }).execute();
        await trx
          .insertInto('organisation')
          // parent_id is missing on purpose: the insert must fail and take the first one with it.
          .values({ kind: 'school', code: 'TX2', name: 'Geen bestuur', parent_id: null })
          .execute();
      }),
    );
    const left = await db
      .selectFrom('organisation')
      .select('id')
      .where('code', 'in', ['TX1', 'TX2'])
      .execute();
    assert.equal(left.length, 0);
    const ok = await sql<{ one: number }>`select 1 as one`.execute(db);
    assert.equal(ok.rows[0]!.one, 1);
  });

  test('Dutch full-text search and unaccent work', async () => {
    const { db } = database();
    const r = await sql<{
      v: string;
      u: string;
    }>`select to_tsvector('dutch', 'De leerlingen lezen boeken')::text as v, unaccent('coöperatie') as u`.execute(
      db,
    );
    assert.match(r.rows[0]!.v, /'leerling'/);
    assert.equal(r.rows[0]!.u, 'cooperatie');
  });
});
