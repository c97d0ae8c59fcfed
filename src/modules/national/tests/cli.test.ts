// `generate-national` as a whole on PGlite: the arguments, the refusal in production, and the
// full national run (all shipped open data and an account set for every school and board):
// the counts of the shipped files and a second run that changes nothing; on PostgreSQL also
// the same fingerprint on a second empty database (on PGlite that would take too long here;
// people.test.ts checks it on a sample on both engines).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase, postgresNotRun, testEngines } from '../../../../test/support/db.ts';
import { loadConfig } from '../../../config.ts';
import type { CliContext } from '../../../platform/cli/command.ts';
import type { Database } from '../../../platform/db/database.ts';
import { generateNationalCommand, parseNationalArgs } from '../cli.ts';
import { nationalCounts, nationalDigest } from '../repository/digest.ts';

// As test/support/app.ts's testConfig, without loading the web app.
const testConfig = (overrides: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    JOBS: 'false',
    DATA_DIR: '/nonexistent',
    ...overrides,
  });
const production = () =>
  testConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'productie-geheim-van-minstens-32-tekens',
    TOTP_ENCRYPTION_KEY: 'ab'.repeat(32),
  });

function context(database: (() => Promise<Database>) | null, config = testConfig()) {
  const out: string[] = [];
  const ctx: CliContext = {
    config,
    database: async () => {
      if (!database) throw new Error('de database had niet geopend mogen worden');
      return database();
    },
    out: (l) => out.push(l),
    progress: () => {},
  };
  return { ctx, out };
}

test('arguments: seed, sample size, the production flag; clear Dutch messages otherwise', () => {
  assert.deepEqual(parseNationalArgs([]), { seed: 20210521, sure: false });
  assert.deepEqual(parseNationalArgs(['--zaad', '7', '--max-scholen=50', '--ik-weet-het-zeker']), {
    seed: 7,
    maxSchools: 50,
    sure: true,
  });
  assert.match(String(parseNationalArgs(['--zaad', 'abc'])), /moet een geheel getal zijn/);
  assert.match(String(parseNationalArgs(['--max-scholen', '0'])), /minstens 1/);
  assert.match(String(parseNationalArgs(['--zaad'])), /moet een geheel getal zijn/);
  assert.match(String(parseNationalArgs(['--snel'])), /Onbekend argument "--snel"/);
});

test('in production it refuses without --ik-weet-het-zeker and opens no database', async () => {
  const { ctx, out } = context(null, production());
  assert.equal(await generateNationalCommand.run(['--max-scholen', '5'], ctx), 2);
  assert.match(out.join('\n'), /productieomgeving.*--ik-weet-het-zeker/s);
  const bad = context(null);
  assert.equal(await generateNationalCommand.run(['--zaad', 'x'], bad.ctx), 2);
});

if (!testEngines().includes('postgres')) postgresNotRun();
for (const engine of testEngines()) {
  test(`the full national run [${engine}]: counts of the shipped files; a second run changes nothing${engine === 'postgres' ? '; the same rows on another database' : ''}`, async () => {
    const a = await createTestDatabase(engine);
    try {
      // In production with the flag it runs.
      const first = context(async () => a, production());
      assert.equal((await generateNationalCommand.run(['--ik-weet-het-zeker'], first.ctx)) ?? 0, 0);
      const text = first.out.join('\n');
      assert.match(text, /scholen \(open\): +8\.730 \(BO 6\.182, SBO 272, SO 470, VO 1\.619, VSO 187\)/);
      assert.match(text, /besturen: +1\.115 met open scholen/);
      assert.match(text, /leerlingen: +2\.455\.539 \(telling 2019-10-01\)/);
      assert.match(text, /duur: +\d+\.\d s/);

      const counts = await nationalCounts(a.db);
      assert.equal(counts.memberships.schoolleider, counts.schools);
      assert.equal(counts.memberships.bestuur, counts.boards);
      assert.equal(counts.memberships['gmr-lid'], counts.boards);
      assert.ok(
        counts.memberships.teamlid! >= counts.schools && counts.memberships.teamlid! <= 3 * counts.schools,
      );
      assert.ok(
        counts.memberships['mr-lid']! >= 2 * counts.schools &&
          counts.memberships['mr-lid']! <= 3 * counts.schools,
      );
      assert.equal(
        counts.people,
        Object.values(counts.memberships).reduce((s, n) => s + n, 0),
      );
      const digest = await nationalDigest(a.db);
      assert.notEqual(digest.organisations, 'leeg');
      assert.notEqual(digest.scores, 'leeg');
      assert.notEqual(digest.history, 'leeg');

      const again = context(async () => a);
      assert.equal((await generateNationalCommand.run([], again.ctx)) ?? 0, 0);
      assert.match(again.out.join('\n'), /0 nieuw, 0 nieuwe lidmaatschappen/);
      assert.deepEqual(await nationalDigest(a.db), digest);

      // Another seed is refused at once, before any file is read.
      const other = context(async () => a);
      assert.equal(await generateNationalCommand.run(['--zaad', '5'], other.ctx), 1);
      assert.match(other.out.join('\n'), /niet bij zaad 5 passen.*Gebruik hetzelfde zaad/s);
      assert.doesNotMatch(other.out.join('\n'), /regels/);
      assert.deepEqual(await nationalDigest(a.db), digest);

      // On PostgreSQL (fast enough): the whole dataset again on an empty database.
      if (engine === 'postgres') {
        const b = await createTestDatabase(engine);
        try {
          assert.equal((await generateNationalCommand.run([], context(async () => b).ctx)) ?? 0, 0);
          assert.deepEqual(await nationalDigest(b.db), digest);
        } finally {
          await b.close();
        }
      }
    } finally {
      await a.close();
    }
  });
}
