// The beheerder creates and edits boards and schools; others cannot; bad input is refused.
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

eachEngine('organisations', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let beheerder: TestClient;
  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
  });
  after(() => app.close());

  const code = `${process.pid % 100000}`;

  test('the beheerder adds a board and a school under it; both are audited', async () => {
    const board = await beheerder.post('/beheer/organisaties/nieuw', {
      soort: 'bestuur',
      naam: 'Stichting Nieuw',
      code: `B${code}`,
    });
    assert.equal(board.statusCode, 303);
    const school = await beheerder.post('/beheer/organisaties/nieuw', {
      soort: 'school',
      naam: 'Nieuwe School',
      code: `S${code}`,
      bestuurscode: `B${code}`,
      sector: 'SO',
      gemeente: 'Utrecht',
    });
    assert.equal(school.statusCode, 303);
    const db = database().db;
    const row = await db
      .selectFrom('organisation')
      .selectAll()
      .where('code', '=', `S${code}`)
      .executeTakeFirstOrThrow();
    const parent = await db
      .selectFrom('organisation')
      .select('id')
      .where('code', '=', `B${code}`)
      .executeTakeFirstOrThrow();
    assert.equal(row.parent_id, parent.id);
    assert.equal(row.sector, 'SO');
    assert.equal(row.municipality_name, 'Utrecht');
    const audits = await db
      .selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'organisatie.aangemaakt')
      .where('result', '=', 'ok')
      .execute();
    assert.ok(audits.some((a) => a.object_id === String(row.id)));
    const list = await beheerder.get(`/beheer/organisaties?q=Nieuwe`);
    assert.match(list.body, /Nieuwe School/);
  });

  test('a duplicate code, a school without a known board and a missing sector are refused with values kept', async () => {
    const dup = await beheerder.post('/beheer/organisaties/nieuw', {
      soort: 'bestuur',
      naam: 'Dubbel',
      code: `B${code}`,
    });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /al in gebruik door Stichting Nieuw/);
    const orphan = await beheerder.post('/beheer/organisaties/nieuw', {
      soort: 'school',
      naam: 'Wees School',
      code: `W${code}`,
    });
    assert.equal(orphan.statusCode, 400);
    assert.match(orphan.body, /bestuursnummer in van een bestuur/);
    assert.match(orphan.body, /Kies de sector/);
    assert.match(orphan.body, /value="Wees School"/);
    const left = await database()
      .db.selectFrom('organisation')
      .select('id')
      .where('code', '=', `W${code}`)
      .execute();
    assert.equal(left.length, 0);
  });

  test('the beheerder edits a school (a made-up name becomes a real one); the ministry cannot be edited; other roles are refused', async () => {
    await database()
      .db.updateTable('organisation')
      .set({ name_provisional: true })
      .where('id', '=', fx.schoolId)
      .execute();
    const page = await beheerder.get(`/beheer/organisaties/${fx.schoolId}`);
    assert.equal(page.statusCode, 200);
    const boardCode = (
      await database()
        .db.selectFrom('organisation')
        .select('code')
        .where('id', '=', fx.boardId)
        .executeTakeFirstOrThrow()
    ).code!;
    const res = await beheerder.post(`/beheer/organisaties/${fx.schoolId}`, {
      naam: 'Testschool A (hernoemd)',
      code: `E${code}`,
      bestuurscode: boardCode,
      sector: 'BO',
    });
    assert.equal(res.statusCode, 303);
    const row = await database()
      .db.selectFrom('organisation')
      .select(['name', 'kind', 'name_provisional'])
      .where('id', '=', fx.schoolId)
      .executeTakeFirstOrThrow();
    assert.equal(row.name, 'Testschool A (hernoemd)');
    assert.equal(row.name_provisional, false);
    assert.equal(row.kind, 'school');
    assert.equal((await beheerder.get(`/beheer/organisaties/${fx.ministryId}`)).statusCode, 404);
    assert.equal((await beheerder.get('/beheer/organisaties/999999')).statusCode, 404);
    const bestuur = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    assert.equal((await bestuur.get('/beheer/organisaties')).statusCode, 403);
    assert.equal(
      (await bestuur.post(`/beheer/organisaties/${fx.schoolId}`, { naam: 'Gekaapt' })).statusCode,
      403,
    );
    const schools = await bestuur.get(`/besturen/${fx.boardId}/scholen`);
    assert.equal(schools.statusCode, 200);
    assert.match(schools.body, /Testschool A \(hernoemd\)/);
    assert.doesNotMatch(schools.body, /Testschool B/);
  });

  test('three identical posts of one new-board form at the same moment all show the first result, one board, one audit row', async () => {
    const page = await beheerder.get('/beheer/organisaties/nieuw');
    const key = /name="_sleutel" value="([\w-]+)"/.exec(page.body)?.[1];
    assert.ok(key, 'the form carries an idempotency key');
    const form = { _sleutel: key, soort: 'bestuur', naam: 'Stichting Dubbel', code: `D${code}` };
    const results = await Promise.all(
      [1, 2, 3].map(() => beheerder.post('/beheer/organisaties/nieuw', form)),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [303, 303, 303],
    );
    const rows = await database()
      .db.selectFrom('organisation')
      .select('id')
      .where('code', '=', `D${code}`)
      .execute();
    assert.equal(rows.length, 1);
    const audits = await database()
      .db.selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'organisatie.aangemaakt')
      .where('object_id', '=', String(rows[0]!.id))
      .execute();
    assert.equal(audits.length, 1);
  });
});
