// Every menukaart route with its declared example, for a role it allows: pages answer, and
// every write records an audit action it declares.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { exampleBody, exampleQuery } from '../../../../test/support/route-requests.ts';

const now = () => new Date('2023-03-01T10:00:00Z');

eachEngine('menukaart route examples', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  before(async () => {
    app = await createTestApp(database(), { now });
    fx = await createFixtures(database());
  });
  after(async () => {
    await app.close();
  });

  test('every menukaart route works with its declared example, for a role it allows', async () => {
    const leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    const editor = new TestClient(app, (await signInAs(database(), 'redactie', fx.ministryId)).cookie);
    const visitor = new TestClient(app);
    const mine = app.platform.routes.filter((r) =>
      /^\/(menukaart|kennisplein|redactie\/(menukaart|kennisplein)|scholen\/:schoolId\/kennisplein|api\/v1\/(interventions|menukaart))/.test(
        r.url,
      ),
    );
    assert.ok(mine.length >= 30, `found ${mine.length} routes`);
    for (const r of mine) {
      const a = r.config.access!;
      const client = a.kind === 'public' ? visitor : a.kind === 'school' ? leader : editor;
      const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
      const params = (await r.config.examples?.params?.(tenant)) ?? {};
      let url = r.url.replace(/:(\w+)/g, (_, k: string) => String(params[k]));
      if (r.method === 'GET') url += await exampleQuery(r.config.examples, tenant);
      const lastAudit = await database()
        .db.selectFrom('audit_event')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const res =
        r.method === 'GET'
          ? await client.get(url)
          : await client.post(url, await exampleBody(r.config.examples, tenant));
      // The old address of the API description redirects permanently to the generated one.
      const expected = r.url === '/api/v1/menukaart/openapi.json' ? [308] : [200, 303];
      assert.ok(expected.includes(res.statusCode), `${r.method} ${url} gave ${res.statusCode}`);
      if (r.config.page && r.method === 'GET')
        assert.match(String(res.headers['content-type']), /text\/html/);
      if (r.method !== 'GET') {
        // A write works for real: it records an action it declares, not a failure or the safety net's row.
        const declared = [r.config.audit ?? []].flat();
        assert.ok(declared.length > 0, `${r.method} ${r.url} declares its audit actions`);
        const rows = await database()
          .db.selectFrom('audit_event')
          .select(['action', 'result'])
          .where('id', '>', Number(lastAudit.id ?? 0))
          .execute();
        assert.ok(
          rows.some((x) => declared.includes(x.action) && x.result === 'ok'),
          `${r.method} ${url} recorded ${JSON.stringify(rows)}`,
        );
      }
    }
  });
});
