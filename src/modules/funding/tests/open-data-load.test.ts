// The first-start load of the shipped open data: off by a setting, its progress on the public
// lookup, and (the whole load, in a pg-boss job) every real school found with its amounts,
// beside the demo organisations, which change no real school's amount.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createTestApp, testConfig, TestClient } from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import { startJobs, type Jobs } from '../../../platform/jobs/jobs.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { fundingDemoStep } from '../demo.ts';
import { registerFundingWorkers } from '../workers.ts';
import { openDataLoadStatus, requestOpenDataLoad, shippedFiles } from '../services/open-data-load.ts';
import { allocationsFor, runTotals } from '../repository/allocations.ts';
import { findSchoolByCode } from '../repository/schools.ts';
import { listFundingYears } from '../repository/years.ts';

eachEngine('loading the shipped open data at first start', (database) => {
  describe('first start', () => suite(database));
});

function suite(database: () => Database) {
  let app: FastifyInstance;
  let jobs: Jobs;
  before(async () => {
    // The demo organisations come first, as with `npm start`.
    await fundingDemoStep.run(database().db, await seedDemoOrganisations(database().db));
    // The default polling interval: on PGlite every poll waits for the one connection the import holds.
    jobs = await startJobs(database().pool, { schedule: false, pollingIntervalSeconds: 2 });
    app = await createTestApp(database(), { jobs, config: testConfig({ OPEN_DATA_AUTOLOAD: 'true' }) });
    await registerFundingWorkers(jobs, app.platform);
  });
  after(async () => {
    await app?.close();
    await jobs?.stop();
  });

  test('OPEN_DATA_AUTOLOAD=false queues nothing', async () => {
    const off = await createTestApp(database(), { jobs, config: testConfig() });
    try {
      assert.equal(off.platform.config.openDataAutoload, false);
      assert.equal(await requestOpenDataLoad(off.platform), false);
      assert.equal(await openDataLoadStatus(database().db), null);
    } finally {
      await off.close();
    }
  });

  test('the public lookup shows the progress "3 van 6 bestanden", and what happens after a failed load', async () => {
    const db = database().db;
    const row = await db
      .insertInto('open_data_load')
      .values({ status: 'bezig', files_total: shippedFiles().length, files_done: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const client = new TestClient(app);
    const busy = await client.get('/bedragen');
    assert.match(busy.body, new RegExp(`worden geladen: 3 van ${shippedFiles().length} bestanden`));
    await db.updateTable('open_data_load').set({ status: 'mislukt' }).where('id', '=', row.id).execute();
    app.platform.caches.invalidate('funding');
    const failed = await client.get('/bedragen');
    assert.match(failed.body, /Het laden van de open data is mislukt/);
  });

  test('the job loads every shipped file, computes the amounts and the lookup finds every real school; demo schools change nothing', async () => {
    const db = database().db;
    const started = performance.now();
    assert.equal(await requestOpenDataLoad(app.platform), true, 'a failed load is queued again');
    assert.equal(await requestOpenDataLoad(app.platform), false, 'queued once');
    let status = await openDataLoadStatus(db);
    for (let i = 0; i < 1200 && status?.status !== 'klaar' && status?.status !== 'mislukt'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = await openDataLoadStatus(db);
    }
    assert.equal(status?.status, 'klaar', status?.message ?? 'not finished');
    assert.equal(status!.filesDone, shippedFiles().length);
    process.stdout.write(`# shipped open data loaded in ${Math.round(performance.now() - started)} ms\n`);

    const schools = await db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'school')
      .where('duo_seen_at', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.ok(Number(schools.n) > 8000, `${schools.n} real schools`);
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const total = await runTotals(db, y.currentRunId!);
    assert.ok(
      total.totalCents > 190_000_000_000 && total.totalCents < 200_000_000_000,
      `${total.totalCents}`,
    );
    const real = await findSchoolByCode(db, '00AP00');
    const [a] = await allocationsFor(db, [y.currentRunId!], [real!.id]);
    assert.equal(a!.totalCents, 8_051_278, 'the demo schools beside it change no real amount');
    const demo = await findSchoolByCode(db, 'DEMO0100');
    const [d] = await allocationsFor(db, [y.currentRunId!], [demo!.id]);
    assert.equal(d!.totalCents, 212 * 70116);

    const page = await new TestClient(app).get('/bedragen?q=wereldwijs');
    assert.match(page.body, /WereldWijs/);
    assert.doesNotMatch(page.body, /worden geladen/);
    assert.equal(await requestOpenDataLoad(app.platform), false, 'never loaded twice');
  });
}
