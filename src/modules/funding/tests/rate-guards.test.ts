// Guards on rates: an implausible amount (a forgotten comma) is refused next to the field with
// the typed value kept, and a recompute job that fails is logged at error level and shown on
// the analist's page as "mislukt" with what to do, until a later recompute succeeds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { fundingDemoStep } from '../demo.ts';
import { runRecomputeJob } from '../workers.ts';
import { findRate, listRates } from '../repository/rates.ts';
import { listFundingYears } from '../repository/years.ts';
import { boundsMessage } from '../services/rate-bounds.ts';

eachEngine('funding rate guards', (database) => {
  describe('rates', () => suite(database));
});

function suite(database: () => Database) {
  let app: FastifyInstance;
  let fx: Fixtures;
  let analist: TestClient;
  before(async () => {
    fx = await createFixtures(database());
    await fundingDemoStep.run(database().db, await seedDemoOrganisations(database().db));
    app = await createTestApp(database());
    analist = new TestClient(app, (await signInAs(database(), 'analist', fx.ministryId)).cookie);
  });
  after(async () => {
    await app?.close();
  });

  const boRate = async () => {
    const db = database().db;
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    return { y, rate: (await listRates(db, [y.schoolYearId])).find((r) => r.code === 'BO')! };
  };

  test('a rate of 70116 typed for 701,16 is refused next to the field, suggests the comma and keeps the typed value', async () => {
    const { rate } = await boRate();
    const res = await analist.post(`/beheer/bekostiging/tarieven/${rate.id}`, {
      bedrag: '70116',
      status: 'definitief',
      reden: 'Bedrag uit de regeling overgenomen',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /niet aannemelijk/);
    assert.match(res.body, /Bedoelde u €\s?701,16\? Controleer de komma\./);
    assert.match(res.body, /value="70116"/, 'the typed value stays in the field');
    assert.match(res.body, /id="bedrag-error"|aria-describedby="[^"]*bedrag/);
    const still = await findRate(database().db, rate.id);
    assert.equal(still!.amountCents, 70116, 'nothing was saved');
  });

  test('plausible bounds accept every published amount and refuse amounts far outside them', () => {
    for (const cents of [50000, 70116, 82000, 105174, 140231])
      assert.equal(boundsMessage('leerlingen', cents), null);
    for (const cents of [25116, 46378, 103863])
      assert.equal(boundsMessage('achterstandsscore-po', cents), null);
    assert.equal(boundsMessage('cumi', 54856), null);
    assert.notEqual(boundsMessage('leerlingen', 7_011_600), null);
    assert.notEqual(boundsMessage('leerlingen', 701), null, '7,01 per pupil is not plausible either');
    assert.notEqual(boundsMessage('achterstandsscore-vo', 10_386_300), null);
  });

  test('a failed recompute job is logged at error level and the rates page says "mislukt" with what to do, until a recompute succeeds', async () => {
    const db = database().db;
    const { y, rate } = await boRate();
    // An absurd amount written past the form (as an old value could be): the computation overflows.
    await db
      .updateTable('funding_rate')
      .set({ amount_cents: 10_000_000_000_000 })
      .where('id', '=', rate.id)
      .execute();
    const logged: { obj: unknown; msg: string }[] = [];
    const log = Object.assign(Object.create(app.platform.log), {
      error: (obj: unknown, msg: string) => logged.push({ obj, msg }),
    });
    const platform = { ...app.platform, log };
    await assert.rejects(
      runRecomputeJob(platform, { schoolYearId: y.schoolYearId, reason: 'test', personId: null }),
    );
    assert.equal(logged.length, 1);
    assert.match(logged[0]!.msg, /Herberekening van de bedragen mislukt/);
    const page = await analist.get('/beheer/bekostiging?opgeslagen=1');
    assert.match(page.body, /De herberekening van de bedragen van 2021-2022 is mislukt/);
    assert.match(page.body, /sla het gewijzigde bedrag opnieuw op/);
    assert.doesNotMatch(page.body, /worden opnieuw berekend\. Vernieuw/);

    await db.updateTable('funding_rate').set({ amount_cents: 70116 }).where('id', '=', rate.id).execute();
    await runRecomputeJob(platform, { schoolYearId: y.schoolYearId, reason: 'test', personId: null });
    const after = await analist.get('/beheer/bekostiging');
    assert.doesNotMatch(after.body, /is mislukt/);
  });
}
