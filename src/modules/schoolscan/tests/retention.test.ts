// Retention of LVS results on both engines: the purge deletes exactly the results of imports
// past their school's period (its own choice, else the default), nothing else and nothing of
// another school; it keeps the import record marked as purged and audits each purge as the
// system; the analysis cache does not serve purged data; the daily job is registered; and only
// the school leader changes the period (others are refused, bad input changes nothing).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import type { Platform } from '../../../platform/platform.ts';
import { checkLvsFile, storeLvsImport } from '../services/import.ts';
import {
  defaultRetentionMonths,
  parseRetentionChoice,
  purgeAuditAction,
  purgeExpiredResults,
  retentionPurgeQueue,
  settingAuditAction,
  systemActor,
} from '../services/retention.ts';
import { createAnalysisSource } from '../services/school-analysis.ts';
import { schoolscanModule } from '../index.ts';
import { file, line } from './kit.ts';

const now = new Date('2026-11-30T02:53:00Z');
/** `months` months before `now` (plus or minus some minutes). */
const monthsAgo = (months: number, minutes = 0) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return new Date(d.getTime() - minutes * 60_000);
};

test('a period is one of the allowed choices; anything else is refused with what to do', () => {
  assert.deepEqual(parseRetentionChoice('12'), { ok: true, months: 12 });
  assert.equal(defaultRetentionMonths, 24);
  for (const bad of ['', '7', '0', '-12', '12.0', 'twaalf', '999999', undefined]) {
    const r = parseRetentionChoice(bad);
    assert.equal(r.ok, false, String(bad));
    if (!r.ok) assert.match(r.message, /Kies een bewaartermijn uit de lijst: 6 maanden, 1 jaar, 2 jaar/);
  }
});

eachEngine('schoolscan retention', (database) => {
  let fx: Fixtures;
  let thirdSchoolId: number;

  before(async () => {
    fx = await createFixtures(database());
    thirdSchoolId = (await createFixtures(database())).schoolId;
  });

  /** Imports `keys` (one rekenen result each) for a school, dated `at`; returns the import id. */
  const importAt = async (schoolId: number, keys: string[], at: Date, score = '40') => {
    const checked = checkLvsFile({
      name: 'export.csv',
      data: Buffer.from(file(...keys.map((k) => line({ leerlingsleutel: k, vaardigheidsscore: score })))),
    });
    assert.ok(checked.ok);
    const db = database().db;
    const stored = await db
      .transaction()
      .execute((trx) => storeLvsImport(trx, checked, { schoolId, personId: null }));
    await db.updateTable('lvs_import').set({ created_at: at }).where('id', '=', stored.importId).execute();
    return stored.importId;
  };
  const resultIds = async () =>
    (
      await database()
        .db.selectFrom('lvs_result')
        .select(['pupil_hash', 'import_id'])
        .where('school_id', 'in', [fx.schoolId, fx.otherSchoolId, thirdSchoolId])
        .orderBy('import_id')
        .orderBy('pupil_hash')
        .execute()
    ).map((r) => `${r.import_id}:${r.pupil_hash}`);

  test('the purge deletes exactly the results past each school’s period, keeps the import records marked, and audits as the system', async () => {
    const db = database().db;
    // School A: the default (24 months).
    const aOld = await importAt(fx.schoolId, ['A1', 'A2', 'A3'], monthsAgo(24, 1));
    const aYoung = await importAt(fx.schoolId, ['A4', 'A5'], monthsAgo(23));
    // A3 imported again yesterday: that result now belongs to the new import and stays.
    const aNew = await importAt(fx.schoolId, ['A3', 'A6'], monthsAgo(0, 24 * 60));
    // School B chose 36 months: an import of 25 months stays, one of 37 months goes.
    await db.insertInto('lvs_retention').values({ school_id: fx.otherSchoolId, months: 36 }).execute();
    const bKept = await importAt(fx.otherSchoolId, ['B1', 'B2'], monthsAgo(25));
    const bOld = await importAt(fx.otherSchoolId, ['B3'], monthsAgo(37));
    // School C chose 6 months: an import of 5 months stays.
    await db.insertInto('lvs_retention').values({ school_id: thirdSchoolId, months: 6 }).execute();
    const cKept = await importAt(thirdSchoolId, ['C1'], monthsAgo(5));

    const before = await resultIds();
    const expectedGone = before.filter((r) => r.startsWith(`${aOld}:`) || r.startsWith(`${bOld}:`));
    assert.equal(expectedGone.length, 3, 'A1, A2 of the old import (A3 moved on) and B3');

    const purged = await purgeExpiredResults(db, now);
    assert.deepEqual(
      purged.map((p) => [p.importId, p.results, p.months]).sort(),
      [
        [aOld, 2, 24],
        [bOld, 1, 36],
      ].sort(),
    );
    assert.deepEqual(
      await resultIds(),
      before.filter((r) => !expectedGone.includes(r)),
      'every other result is still there, of every school',
    );

    const imports = await db
      .selectFrom('lvs_import')
      .select(['id', 'purged_at', 'purged_rows', 'file_name', 'rows'])
      .where('id', 'in', [aOld, aYoung, aNew, bKept, bOld, cKept])
      .execute();
    for (const i of imports) {
      const gone = i.id === aOld || i.id === bOld;
      assert.equal(i.purged_at !== null, gone, `import ${i.id} marked purged: ${gone}`);
      if (gone) {
        assert.equal(new Date(i.purged_at!).getTime(), now.getTime());
        assert.equal(i.purged_rows, i.id === aOld ? 2 : 1);
        assert.equal(i.file_name, 'export.csv', 'the record itself is kept');
      }
    }

    const rows = await db
      .selectFrom('audit_event')
      .select(['object_id', 'organisation_id', 'actor_person_id', 'actor_label', 'result', 'details'])
      .where('action', '=', purgeAuditAction)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows
        .map((r) => [Number(r.object_id), r.organisation_id, r.actor_person_id, r.actor_label, r.result])
        .sort(),
      [
        [aOld, fx.schoolId, null, systemActor, 'ok'],
        [bOld, fx.otherSchoolId, null, systemActor, 'ok'],
      ].sort(),
    );

    // A second run the same night has nothing left to do.
    assert.deepEqual(await purgeExpiredResults(db, now), []);
    assert.equal((await resultIds()).length, before.length - 3);
  });

  test('the analysis is not served from memory after a purge deleted its results', async () => {
    const db = database().db;
    const school = (await createFixtures(database())).schoolId;
    const source = createAnalysisSource(db);
    const keys = Array.from({ length: 12 }, (_, i) => `P${i}`);
    await importAt(school, keys, monthsAgo(30));
    const first = await source(school, 2021);
    assert.equal(first!.comparisons[0]!.current!.n, 12);
    assert.equal(await source(school, 2021), first, 'cached');
    await purgeExpiredResults(db, now);
    assert.equal(await source(school, 2021), null, 'no results left: no analysis');

    // An older import purged while a newer one stays: the newest import id does not change.
    const school2 = (await createFixtures(database())).schoolId;
    await importAt(school2, keys.slice(0, 6), monthsAgo(1));
    await importAt(school2, keys.slice(6), monthsAgo(1));
    const both = await source(school2, 2021);
    assert.equal(both!.comparisons[0]!.current!.n, 12);
    const [firstImport] = await db
      .selectFrom('lvs_import')
      .select('id')
      .where('school_id', '=', school2)
      .orderBy('id')
      .execute();
    await db
      .updateTable('lvs_import')
      .set({ created_at: monthsAgo(30) })
      .where('id', '=', firstImport!.id)
      .execute();
    await purgeExpiredResults(db, now);
    const after = await source(school2, 2021);
    assert.notEqual(after, both);
    assert.equal(after!.comparisons[0]!.current!.n, 6, 'only the kept import’s pupils');
  });

  test('the module schedules the purge daily and its worker purges with the platform clock', async () => {
    const db = database().db;
    const school = (await createFixtures(database())).schoolId;
    const gone = await importAt(school, ['W1'], monthsAgo(25));
    const handlers = new Map<string, () => Promise<void>>();
    const schedules: [string, string][] = [];
    const jobs = {
      async work(name: string, handler: () => Promise<void>) {
        handlers.set(name, handler);
      },
      async schedule(name: string, cron: string) {
        schedules.push([name, cron]);
      },
    } as unknown as Jobs;
    const platform = {
      database: database(),
      now: () => now,
      log: { info() {}, error() {}, warn() {} },
    } as unknown as Platform;
    await schoolscanModule.workers!(jobs, platform);
    assert.deepEqual(schedules, [[retentionPurgeQueue, '53 2 * * *']]);
    await handlers.get(retentionPurgeQueue)!();
    const row = await db
      .selectFrom('lvs_import')
      .select('purged_at')
      .where('id', '=', gone)
      .executeTakeFirstOrThrow();
    assert.equal(new Date(row.purged_at!).getTime(), now.getTime());
  });

  describeRoutes(database, () => fx);
});

function describeRoutes(
  database: () => import('../../../platform/db/database.ts').Database,
  fixtures: () => Fixtures,
) {
  let app: FastifyInstance;
  const clients = new Map<string, TestClient>();
  before(async () => {
    app = await createTestApp(database());
    const fx = fixtures();
    for (const [who, role, org] of [
      ['schoolleider', 'schoolleider', fx.schoolId],
      ['teamlid', 'teamlid', fx.schoolId],
      ['mr-lid', 'mr-lid', fx.schoolId],
      ['bestuur', 'bestuur', fx.boardId],
      ['analist', 'analist', fx.ministryId],
      ['other-leider', 'schoolleider', fx.otherSchoolId],
    ] as const)
      clients.set(who, new TestClient(app, (await signInAs(database(), role, org)).cookie));
  });
  after(async () => {
    await app?.close();
  });
  const as = (who: string) => clients.get(who)!;
  const url = () => `/scholen/${fixtures().schoolId}/schoolscan/bewaartermijn`;
  const stored = async () =>
    (
      await database()
        .db.selectFrom('lvs_retention')
        .select('months')
        .where('school_id', '=', fixtures().schoolId)
        .executeTakeFirst()
    )?.months ?? null;
  const audits = (result: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['details', 'actor_person_id'])
      .where('action', '=', settingAuditAction)
      .where('result', '=', result as 'ok')
      .orderBy('id')
      .execute();

  test('staff read the period and what is deleted when; only the leader sees the form', async () => {
    const leader = await as('schoolleider').get(url());
    assert.equal(leader.statusCode, 200);
    assert.match(leader.body, /Wat wordt verwijderd, en wanneer/);
    assert.match(leader.body, /2 jaar<\/strong> \(de standaardtermijn/);
    assert.match(leader.body, /name="bewaartermijn"/);
    const team = await as('teamlid').get(url());
    assert.equal(team.statusCode, 200);
    assert.doesNotMatch(team.body, /name="bewaartermijn"/);
    assert.match(team.body, /Alleen de schoolleider kan de bewaartermijn wijzigen/);
    for (const who of ['mr-lid', 'bestuur', 'analist', 'other-leider'])
      assert.equal((await as(who).get(url())).statusCode, 403, who);
  });

  test('the period is refused for everyone but the school’s own leader, and nothing is stored', async () => {
    for (const who of ['teamlid', 'mr-lid', 'bestuur', 'analist', 'other-leider']) {
      const res = await as(who).post(url(), { bewaartermijn: '6' });
      assert.equal(res.statusCode, 403, who);
    }
    assert.equal(await stored(), null);
    assert.equal((await audits('ok')).length, 0);
  });

  test('a choice outside the list gives 400 with the message and the value back; nothing changes', async () => {
    const res = await as('schoolleider').post(url(), { bewaartermijn: '7' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /De bewaartermijn is niet opgeslagen/);
    assert.match(res.body, /Kies een bewaartermijn uit de lijst/);
    assert.match(res.body, /href="#bewaartermijn"/);
    assert.equal(await stored(), null);
    assert.equal((await audits('mislukt')).length, 1);
  });

  test('the leader sets the period: stored, audited with old and new value, and shown after the redirect', async () => {
    const res = await as('schoolleider').post(url(), { bewaartermijn: '12' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${url()}?opgeslagen=1`);
    assert.equal(await stored(), 12);
    await as('schoolleider').post(url(), { bewaartermijn: '60' });
    assert.equal(await stored(), 60);
    const rows = await audits('ok');
    assert.deepEqual(
      rows.map((r) => r.details),
      [
        { van_maanden: null, naar_maanden: 12 },
        { van_maanden: 12, naar_maanden: 60 },
      ],
    );
    const page = await as('schoolleider').get(`${url()}?opgeslagen=1`);
    assert.match(page.body, /De bewaartermijn is opgeslagen: 5 jaar/);
    assert.match(page.body, /<option[^>]*value="60"[^>]*selected/);
    // The period is the school's own: another school's choice is untouched.
    const other = await sql<{
      months: number;
    }>`select months from lvs_retention where school_id = ${fixtures().otherSchoolId}`.execute(database().db);
    assert.ok(other.rows.every((r) => r.months !== 60));
  });
}
