// Every funding and import route with its declared examples: the allowed role gets the page,
// others are refused (403, or sign-in for visitors); a post with the example body succeeds
// (a redirect) and writes its declared audit action. Also the demo step.
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
import { sendToRoute } from '../../../../test/support/route-requests.ts';
import type { Database } from '../../../platform/db/database.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { fundingDemoStep } from '../demo.ts';

const mine = /^\/(bedragen|besturen\/:boardId\/bekostiging|beheer\/bekostiging|beheer\/imports)/;

eachEngine('funding routes', (database) => {
  describe('declared routes', () => suite(database));
});

function suite(database: () => Database) {
  let app: FastifyInstance;
  let fx: Fixtures;
  before(async () => {
    fx = await createFixtures(database());
    await fundingDemoStep.run(database().db, await seedDemoOrganisations(database().db));
    app = await createTestApp(database());
  });
  after(async () => {
    await app?.close();
  });

  test('the demo step computes amounts for the demo schools, once', async () => {
    const db = database().db;
    const runs = await db.selectFrom('allocation_run').select('id').execute();
    assert.equal(runs.length, 2, 'one run per year with an allocation');
    const again = await fundingDemoStep.run(db, await seedDemoOrganisations(db));
    assert.deepEqual(again, []);
    const bo = await db
      .selectFrom('allocation as a')
      .innerJoin('organisation as o', 'o.id', 'a.school_id')
      .select('a.total_cents')
      .where('o.code', '=', 'DEMO0100')
      .orderBy('a.run_id')
      .execute();
    assert.equal(bo[0]!.total_cents, 212 * 70116);
    assert.equal(bo[1]!.total_cents, 205 * 50000);
  });

  test('each route works for its role with its examples (writes redirect and audit their declared action) and refuses others', async () => {
    const routes = app.platform.routes.filter((r) => mine.test(r.url));
    assert.ok(routes.length >= 12, `routes: ${routes.length}`);
    const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
    for (const r of routes) {
      const a = r.config.access!;
      const params = (await r.config.examples?.params?.(tenant)) ?? {};
      let url = r.url.replace(/:(\w+)/g, (_, k: string) => String(params[k]));
      if (r.method === 'GET') url += r.config.examples?.query ?? '';
      let allowed: TestClient;
      let refused: TestClient | null = null;
      if (a.kind === 'public') allowed = new TestClient(app);
      else if (a.kind === 'platform') {
        allowed = new TestClient(app, (await signInAs(database(), a.roles[0]!, fx.ministryId)).cookie);
        refused = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
      } else {
        allowed = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
        refused = new TestClient(app, (await signInAs(database(), 'bestuur', fx.otherBoardId)).cookie);
      }
      // Writes go as the suites over all routes send them: bodyFor, and a file for the upload.
      const send = (c: TestClient) =>
        r.method === 'GET'
          ? c.get(url)
          : sendToRoute(app, r, { params, objects: tenant, cookie: c.cookieHeader });
      const declared = [r.config.audit ?? []].flat();
      const audited = async () => {
        if (declared.length === 0) return 0;
        const row = await database()
          .db.selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', 'in', declared)
          .where('result', '<>', 'mislukt')
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      const auditedBefore = await audited();
      const res = await send(allowed);
      if (r.method === 'GET') assert.equal(res.statusCode, 200, `${r.method} ${url}: ${res.statusCode}`);
      else {
        assert.equal(res.statusCode, 303, `${r.method} ${url}: ${res.statusCode}`);
        assert.ok(declared.length > 0, `${r.method} ${url} declares its audit action`);
        assert.ok((await audited()) > auditedBefore, `${r.method} ${url} wrote its declared audit action`);
      }
      if (r.config.page) assert.match(res.body, /<h1/, `${url} renders a page`);
      if (refused) assert.equal((await send(refused)).statusCode, 403, `${r.method} ${url} refused`);
      if (a.kind !== 'public' && r.method === 'GET')
        assert.equal((await new TestClient(app).get(url)).statusCode, 303, `${url} asks visitors to sign in`);
    }
  });

  test('a search of one letter asks for more; a school without allocation says so', async () => {
    const client = new TestClient(app);
    const one = await client.get('/bedragen?q=a');
    assert.match(one.body, /Typ minstens 2 tekens/);
    const code = (
      await database()
        .db.selectFrom('organisation')
        .select('code')
        .where('id', '=', fx.schoolId)
        .executeTakeFirstOrThrow()
    ).code!;
    const page = await client.get(`/bedragen/scholen/${encodeURIComponent(code)}`);
    assert.match(page.body, /geen bedrag berekend/);
    const demo = await client.get('/bedragen/scholen/DEMO0200');
    assert.match(demo.body, /het aantal CUMI-leerlingen per school is geen open data/);
    const english = new TestClient(app, 'npo_taal=en');
    const en = await english.get('/bedragen/scholen/DEMO0200');
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Amount per unit/);
    assert.match(en.body, /€89,747\.84/);
    assert.match((await english.get('/bedragen')).body, /<h1[^>]*>Amounts per school<\/h1>/);
    assert.match(demo.body, /€\s?89\.747,84/); // 64 x € 1.402,31
  });
}
