// The annual report routes as the suites over all routes send them (their config.examples): each
// succeeds for the board member of the own board — also when sent again, as the matrix does —
// and a write leaves an audit row with its declared action; another board's member and the
// ministry roles are refused (hard rules 1 and 3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, signInAs, type Fixtures } from '../../../../test/support/app.ts';
import { sendToRoute } from '../../../../test/support/route-requests.ts';

eachEngine('verantwoording annual report examples', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
  });
  after(async () => {
    await app?.close();
  });

  test('every report route succeeds with its example for the own board, twice; writes are audited as declared', async () => {
    const routes = app.platform.routes.filter((r) => r.url.startsWith('/besturen/:boardId/jaarverslag'));
    assert.equal(routes.length, 11);
    const own = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
    const cookie = (await signInAs(database(), 'bestuur', fx.boardId)).cookie;
    const wrong: string[] = [];
    // Writes after pages, as a page may prepare what a write needs; then everything again.
    const ordered = [...routes].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const round of [1, 2])
      for (const route of ordered) {
        const params = await route.config.examples!.params!(own);
        const before = await database()
          .db.selectFrom('audit_event')
          .select('id')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        const res = await sendToRoute(app, route, { params, objects: own, cookie });
        if (res.statusCode >= (route.method === 'GET' ? 300 : 400))
          wrong.push(`${round}: ${route.method} ${route.url}: ${res.statusCode}`);
        const declared = route.config.audit;
        if (declared) {
          const rows = await database()
            .db.selectFrom('audit_event')
            .select(['action', 'result'])
            .where('id', '>', before?.id ?? 0)
            .execute();
          if (!rows.some((r) => r.action === declared && r.result === 'ok'))
            wrong.push(`${round}: ${route.method} ${route.url}: no audit row ${String(declared)}`);
        }
      }
    assert.deepEqual(wrong, []);
  });

  test('another board’s member and the ministry roles get none of the report routes', async () => {
    const routes = app.platform.routes.filter((r) => r.url.startsWith('/besturen/:boardId/jaarverslag'));
    const own = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
    const cookies = [
      (await signInAs(database(), 'bestuur', fx.otherBoardId)).cookie,
      (await signInAs(database(), 'gmr-lid', fx.boardId)).cookie,
      ...(await Promise.all(
        (['analist', 'helpdesk', 'redactie', 'beheerder'] as const).map(
          async (r) => (await signInAs(database(), r, fx.ministryId)).cookie,
        ),
      )),
    ];
    const wrong: string[] = [];
    for (const route of routes)
      for (const [i, cookie] of cookies.entries()) {
        const params = await route.config.examples!.params!(own);
        const res = await sendToRoute(app, route, { params, objects: own, cookie });
        if (res.statusCode !== 403) wrong.push(`${route.method} ${route.url} as #${i}: ${res.statusCode}`);
      }
    assert.deepEqual(wrong, []);
  });
});
