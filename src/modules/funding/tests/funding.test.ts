// The real shipped DUO and CBS files imported once per engine, then: idempotent re-import,
// changed board and vanished vestiging with history, a broken file that changes nothing,
// the 2021-22 amounts, recompute with history (in a pg-boss job), reservations and sealing,
// and the public lookup with its CSV. The tests are in funding-tests/, in this order.
import path from 'node:path';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, type Fixtures } from '../../../../test/support/app.ts';
import { startJobs, type Jobs } from '../../../platform/jobs/jobs.ts';
import { importCbsFile, importDuoFile, linkScores } from '../../duo-import/services/importer.ts';
import { readShipped, shippedCbsFiles, shippedDuoFiles } from '../../duo-import/services/shipped.ts';
import { recomputeAll } from '../services/recompute.ts';
import { registerFundingWorkers } from '../workers.ts';
import { registerDuoImportWorkers } from '../../duo-import/workers.ts';
import { today, type FundingSuite } from './shared.ts';
import { importTests } from './imports.ts';
import { publicTests } from './public.ts';
import { reconcileTests } from './reconcile.ts';
import { rateTests } from './rates.ts';
import { reservationTests } from './reservations.ts';
import { uploadTests } from './upload.ts';

eachEngine('funding with the real DUO and CBS files', (database) => {
  // A nested suite, so its after() (jobs, app) runs before the database is closed.
  describe('shipped open data', () => suite(database));
});

function suite(database: () => import('../../../platform/db/database.ts').Database) {
  let fx: Fixtures;
  let app: FastifyInstance;
  let jobs: Jobs;
  const initial: Record<string, unknown>[] = [];

  before(async () => {
    const db = database().db;
    for (const f of shippedDuoFiles) {
      const s = await importDuoFile(db, readShipped(f), { fileName: path.basename(f), today });
      initial.push({ ...s, problems: s.problems.length });
    }
    for (const f of shippedCbsFiles)
      await importCbsFile(db, readShipped(f), { fileName: path.basename(f), today });
    await linkScores(db);
    await recomputeAll(db, 1, 'test');
    fx = await createFixtures(database());
    jobs = await startJobs(database().pool, { schedule: false, pollingIntervalSeconds: 0.5 });
    app = await createTestApp(database(), { jobs });
    // The upload tests need the import job (duo-import) and the recompute it asks for by event.
    await registerFundingWorkers(jobs, app.platform);
    await registerDuoImportWorkers(jobs, app.platform);
    await app.platform.events.work(jobs);
  });
  after(async () => {
    await app?.close();
    await jobs?.stop();
  });
  const ctx: FundingSuite = {
    database,
    get app() {
      return app;
    },
    get fx() {
      return fx;
    },
  };
  importTests(ctx);
  publicTests(ctx);
  reconcileTests(ctx);
  rateTests(ctx);
  reservationTests(ctx);
  uploadTests(ctx);
}
