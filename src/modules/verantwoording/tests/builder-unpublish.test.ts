// Taking a published questionnaire back to concept, on both engines: a confirmation page without
// JavaScript, the change audited; refused (with what to do instead) once a school started
// answering; only the analist; and race-safe — on PostgreSQL a first answer saved at the same
// moment either makes the builder refuse or is refused itself (migration 0650), never orphaned.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  type Fixtures,
  type TestClient,
} from '../../../../test/support/app.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { findQuestionnaire } from '../repository/questionnaires.ts';
import { unpublishAction } from '../routes/builder-unpublish.tsx';
import { seedQuestionnaire } from './kit.ts';
import { builderClients } from './builder-kit.ts';

eachEngine('verantwoording builder: back to concept', (database, engine) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let clients: Map<Role, TestClient>;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    clients = await builderClients(app, database(), fx);
  });
  after(async () => {
    await app?.close();
  });

  const as = (role: Role) => clients.get(role)!;
  const db = () => database().db;
  const href = (id: number) => `/beheer/vragenlijsten/${id}/terugzetten`;
  const published = async () => (await seedQuestionnaire(db(), {})).id;
  const startAnswering = (questionnaireId: number, organisationId = fx.schoolId) =>
    db()
      .insertInto('questionnaire_response')
      .values({ questionnaire_id: questionnaireId, organisation_id: organisationId })
      .execute();
  const audits = (id: number) =>
    db()
      .selectFrom('audit_event')
      .select('result')
      .where('action', '=', unpublishAction)
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();
  const status = async (id: number) => (await findQuestionnaire(db(), id))!.status;

  test('nobody answered: the overview offers it, the page asks, confirming makes it a concept (audited)', async () => {
    const id = await published();
    const overview = await as('analist').get(`/beheer/vragenlijsten/${id}`);
    assert.match(overview.body, new RegExp(`<a[^>]*href="${href(id)}"`));
    const page = await as('analist').get(href(id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /terugzetten naar concept\?/);
    assert.match(page.body, new RegExp(`<form[^>]*method="post"[^>]*action="${href(id)}"`));
    assert.match(page.body, /name="_csrf"/);
    assert.equal(await status(id), 'gepubliceerd', 'showing the page changes nothing');

    const res = await as('analist').post(href(id), {
      revisie: String((await findQuestionnaire(db(), id))!.revision),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/beheer/vragenlijsten/${id}?gedaan=teruggezet`);
    const after = (await findQuestionnaire(db(), id))!;
    assert.equal(after.status, 'concept');
    assert.equal(after.published_at, null);
    assert.deepEqual(await audits(id), [{ result: 'ok' }]);
    assert.match((await as('analist').get(res.headers.location)).body, /weer een concept/);
    // A concept is not taken back again: the page leads to the questionnaire.
    assert.equal((await as('analist').get(href(id))).statusCode, 303);
  });

  test('once a school started answering: the page says why not and what to do, the post is refused and audited', async () => {
    const id = await published();
    await startAnswering(id);
    const page = await as('analist').get(href(id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /kan niet terug naar concept/);
    assert.match(page.body, /al begonnen met invullen/);
    assert.match(
      page.body,
      new RegExp(`href="/beheer/vragenlijsten/${id}/gegevens"`),
      'change the close date',
    );
    assert.doesNotMatch(page.body, new RegExp(`<form[^>]*action="${href(id)}"`));

    const res = await as('analist').post(href(id), {
      revisie: String((await findQuestionnaire(db(), id))!.revision),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /begonnen met invullen/);
    assert.equal(await status(id), 'gepubliceerd');
    assert.deepEqual(await audits(id), [{ result: 'mislukt' }]);
  });

  test('a stale revision is a 409 and changes nothing', async () => {
    const id = await published();
    const res = await as('analist').post(href(id), { revisie: '99' });
    assert.equal(res.statusCode, 409);
    assert.equal(await status(id), 'gepubliceerd');
  });

  test('only the analist: other roles are refused and nothing changes', async () => {
    const id = await published();
    for (const role of ['beheerder', 'helpdesk', 'schoolleider', 'bestuur'] as const) {
      assert.equal((await as(role).get(href(id))).statusCode, 403, role);
      assert.equal((await as(role).post(href(id), { revisie: '1' })).statusCode, 403, role);
    }
    assert.equal(await status(id), 'gepubliceerd');
  });

  test('a first answer on a concept is refused by the database (no working copy on a concept)', async () => {
    const { id } = await seedQuestionnaire(db(), { status: 'concept' });
    await assert.rejects(startAnswering(id), /niet gepubliceerd/);
  });

  if (engine === 'postgres')
    test('race: an answer saved while the builder decides is never orphaned, in either order', async () => {
      // Order 1: the first save is in flight (not committed) when the analist confirms. The
      // builder waits for it, then sees it and refuses.
      const first = await published();
      const rev = String((await findQuestionnaire(db(), first))!.revision);
      const saving = database().pool.connect();
      const c1 = await saving;
      try {
        await c1.query('begin');
        await c1.query(
          'insert into questionnaire_response (questionnaire_id, organisation_id) values ($1, $2)',
          [first, fx.schoolId],
        );
        const confirming = as('analist').post(href(first), { revisie: rev });
        await new Promise((r) => setTimeout(r, 200));
        await c1.query('commit');
        assert.equal((await confirming).statusCode, 400);
        assert.equal(await status(first), 'gepubliceerd');
      } finally {
        c1.release();
      }

      // Order 2: the builder holds the row lock and has made it a concept, not yet committed,
      // when the first save comes: the save waits, then is refused.
      const second = await published();
      const c2 = await database().pool.connect();
      try {
        await c2.query('begin');
        await c2.query('select id from questionnaire where id = $1 for update', [second]);
        await c2.query(`update questionnaire set status = 'concept', published_at = null where id = $1`, [
          second,
        ]);
        const answering = startAnswering(second).then(
          () => 'opgeslagen',
          (e: Error) => e.message,
        );
        await new Promise((r) => setTimeout(r, 200));
        await c2.query('commit');
        assert.match(await answering, /niet gepubliceerd/);
        const left = await db()
          .selectFrom('questionnaire_response')
          .select('id')
          .where('questionnaire_id', '=', second)
          .execute();
        assert.deepEqual(left, []);
      } finally {
        c2.release();
      }
    });
});
