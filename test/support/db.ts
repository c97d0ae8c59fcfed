// Fresh, migrated databases for tests: one per test file (or per describe block), on PGlite
// always and on the PostgreSQL server of DATABASE_URL when it is set. Both start from a
// template made once per version of the migrations, so a new database takes well under a
// second.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe } from 'node:test';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { fromPool, type Database, type Engine } from '../../src/platform/db/database.ts';
import { migrateToLatest, migrationFiles, migrationsDir } from '../../src/platform/db/migrate.ts';
import { pgliteOptions, poolFor } from '../../src/platform/db/pglite.ts';
import { startJobs } from '../../src/platform/jobs/jobs.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Changes whenever a migration or a seeded resource changes. */
function schemaVersion(): string {
  const h = crypto.createHash('sha256');
  for (const f of migrationFiles()) h.update(f).update(fs.readFileSync(path.join(migrationsDir, f)));
  const walk = (dir: string) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(e.name).update(fs.readFileSync(p));
    }
  };
  walk(path.join(root, 'resources'));
  h.update(require_version('@electric-sql/pglite')).update(require_version('pg-boss'));
  return h.digest('hex').slice(0, 16);
}

function require_version(pkg: string): string {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Migrates a new database and creates the job queue's schema, as the platform would. */
async function prepare(database: Database) {
  await migrateToLatest(database.db);
  const jobs = await startJobs(database.pool, { schedule: false });
  await jobs.stop();
}

async function pgliteTemplate(version: string): Promise<Blob> {
  const file = path.join(os.tmpdir(), `npo-test-pglite-${version}.tar.gz`);
  if (!fs.existsSync(file)) {
    const pglite = await PGlite.create({ ...pgliteOptions });
    const database = fromPool(poolFor(pglite), 'pglite', () => pglite.close(), pglite);
    await prepare(database);
    const blob = await pglite.dumpDataDir('gzip');
    await database.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: parallel test files never read half a file
  }
  return new Blob([fs.readFileSync(file)]);
}

async function freshPGlite(): Promise<Database> {
  const blob = await pgliteTemplate(schemaVersion());
  const pglite = await PGlite.create({ ...pgliteOptions, loadDataDir: blob });
  return fromPool(poolFor(pglite), 'pglite', () => pglite.close(), pglite);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freshPostgres(url: string): Promise<Database> {
  const version = schemaVersion();
  const template = `npo_test_tpl_${version}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // One test process makes the template; the others wait on the same advisory lock.
    await admin.query('select pg_advisory_lock(4711)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_bouw`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const pool = new pg.Pool({ connectionString: withDatabase(url, building), max: 2 });
      const database = fromPool(pool, 'postgres', async () => {});
      await prepare(database);
      await database.close();
      await admin.query(`alter database ${building} rename to ${template}`);
    }
    await admin.query('select pg_advisory_unlock(4711)');
    const name = `npo_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name} template ${template}`);
    const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 5 });
    // Dropping the database ends any connection still idle in the pool; that is expected.
    pool.on('error', () => {});
    return fromPool(pool, 'postgres', async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    });
  } finally {
    await admin.end();
  }
}

/** The engines the database tests run on here. */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

// Without DATABASE_URL each database test runs on PGlite only. Every test file counts what did
// not run on PostgreSQL into NPO_TEST_REPORT_DIR, and scripts/test.sh adds it up at the end, so
// `npm test` says how many PostgreSQL tests are missing instead of passing quietly.
let notRunOnPostgres = 0;
/** Counts `n` tests that would also have run on PostgreSQL with DATABASE_URL set. */
export function postgresNotRun(n = 1) {
  if (notRunOnPostgres === 0 && process.env.NPO_TEST_REPORT_DIR) {
    const file = path.join(process.env.NPO_TEST_REPORT_DIR, `postgres-not-run-${process.pid}`);
    process.on('exit', () => fs.writeFileSync(file, String(notRunOnPostgres)));
  }
  notRunOnPostgres += n;
}

export async function createTestDatabase(engine: Engine = 'pglite'): Promise<Database> {
  if (engine === 'pglite') return freshPGlite();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is niet gezet');
  return freshPostgres(url);
}

/**
 * Runs a suite once per engine, each with its own fresh database:
 *   eachEngine('funding', (database) => { test('…', async () => { database().db … }) })
 */
export function eachEngine(name: string, suite: (database: () => Database, engine: Engine) => void) {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let database: Database | undefined;
      before(async () => {
        database = await createTestDatabase(engine);
      });
      suite(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, engine);
      if (!testEngines().includes('postgres')) afterEach(() => postgresNotRun());
      // Registered after the suite's own hooks, so apps and job workers stop before the
      // database closes.
      after(async () => {
        await database?.close();
      });
    });
  }
}
