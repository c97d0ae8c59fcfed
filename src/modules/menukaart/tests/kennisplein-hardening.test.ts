// Issue 9, finding 5: one school leader must not be able to freeze the platform through the
// kennisplein. Texts are bounded in length and shape (a Dutch message next to the field, the
// value kept), rendered once at save, and submissions are rate-limited per person.
// Finding 15: a new example is created once per form, however often it is posted.
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
import { renderMarkdown } from '../services/markdown.ts';

const form = {
  titel: 'Lezen met tutoren',
  schooltype: 'Basisschool',
  interventies: 'B5',
  watGedaan: 'Groep 8 las met groep 4.',
  geleerd: 'Vaste duo’s werken.',
  actie: 'opslaan',
};

eachEngine('kennisplein hardening', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  const leader = async () =>
    new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
  });
  after(async () => {
    await app?.close();
  });

  const post = async (c: TestClient, fields: Record<string, string>) =>
    c.post(`/scholen/${fx.schoolId}/kennisplein/nieuw`, { ...form, ...fields });
  const stored = async () =>
    (
      await database()
        .db.selectFrom('kennisplein_item')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  test('3,000 nested quotes are refused next to the field with the text kept, not a 500', async () => {
    const c = await leader();
    const before = await stored();
    const res = await post(c, { watGedaan: '>'.repeat(3000) + ' diep' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /De tekst over wat uw school heeft gedaan is te diep genest/);
    assert.match(res.body, /&gt;&gt;&gt;&gt; diep<\/textarea>|>>>> diep<\/textarea>/);
    assert.equal(await stored(), before);
  });

  test('80 nested list levels are refused (500 took the parser 18 s)', async () => {
    const c = await leader();
    const list = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    assert.ok(list.length < 8000);
    const started = Date.now();
    const res = await post(c, { geleerd: list });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /De tekst over wat u heeft geleerd is te diep genest/);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });

  test('4,000 underscores (quadratic in to_tsvector) are refused with the number of markers', async () => {
    const c = await leader();
    const res = await post(c, { watGedaan: '_a'.repeat(4000) });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /bevat 4000 opmaaktekens \(\* _ ~\): gebruik er hoogstens 300/);
  });

  test('a word of more than 300 characters is refused with its first characters', async () => {
    const c = await leader();
    const res = await post(c, { watGedaan: `Zie ${'x'.repeat(301)}` });
    assert.equal(res.statusCode, 422);
    assert.match(
      res.body,
      /meer dan 300 tekens zonder spatie \(begint met &quot;xxxxxxxxxxxxxxxxxxxx…&quot;\)|meer dan 300 tekens zonder spatie \(begint met "xxxxxxxxxxxxxxxxxxxx…"\)/,
    );
  });

  test('a saved item keeps its sanitised HTML, and the redactie preview shows that HTML without rendering again', async () => {
    const c = await leader();
    const res = await post(c, {
      watGedaan: 'We **lazen** samen. <script>alert(1)</script>',
      kosten: 'Tijd',
      actie: 'indienen',
    });
    assert.equal(res.statusCode, 303);
    const item = await database()
      .db.selectFrom('kennisplein_item')
      .selectAll()
      .where('school_id', '=', fx.schoolId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(item.what_they_did_html, renderMarkdown(item.what_they_did));
    assert.match(item.what_they_did_html, /<strong>lazen<\/strong>/);
    assert.doesNotMatch(item.what_they_did_html, /<script/);
    assert.equal(item.cost_text_html, renderMarkdown('Tijd'));
    assert.equal(item.lessons_html, renderMarkdown(form.geleerd));
    // Change only the Markdown behind the platform's back: a view that rendered it again would show it.
    await database()
      .db.updateTable('kennisplein_item')
      .set({ what_they_did: '**anders**' })
      .where('id', '=', item.id)
      .execute();
    const editor = new TestClient(app, (await signInAs(database(), 'redactie', fx.ministryId)).cookie);
    const preview = await editor.get(`/redactie/kennisplein/${item.id}/voorbeeld`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<strong>lazen<\/strong>/);
    assert.doesNotMatch(preview.body, /<strong>anders<\/strong>/);
  });

  test('kennisplein submissions are limited per person: the 11th in a minute gets 429, a colleague behind the same address does not', async () => {
    const c = await leader();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(c, { titel: `Titel ${i}` })).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303));
    assert.equal(statuses[10], 429);
    const colleague = await leader();
    assert.equal((await post(colleague, { titel: 'Van een collega' })).statusCode, 303);
  });

  test('three identical posts of one new-example form at the same moment create one example', async () => {
    const c = await leader();
    const page = await c.get(`/scholen/${fx.schoolId}/kennisplein/nieuw`);
    const key = /name="_sleutel" value="([\w-]+)"/.exec(page.body)?.[1];
    assert.ok(key, 'the form carries an idempotency key');
    const before = await stored();
    const results = await Promise.all(
      [1, 2, 3].map(() => post(c, { _sleutel: key, titel: 'Drie keer verstuurd' })),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [303, 303, 303],
    );
    assert.equal(Number(await stored()), Number(before) + 1);
  });

  test('two identical posts of one research-summary form at the same moment publish one summary', async () => {
    const editor = new TestClient(app, (await signInAs(database(), 'redactie', fx.ministryId)).cookie);
    const page = await editor.get('/redactie/kennisplein/onderzoek');
    const key = /name="_sleutel" value="([\w-]+)"/.exec(page.body)?.[1];
    assert.ok(key, 'the form carries an idempotency key');
    const before = await stored();
    const form = {
      _sleutel: key,
      titel: 'Feedback in de praktijk',
      interventies: 'B6',
      watGedaan: 'Samenvatting.',
      bron: 'https://onderwijskennis.nl/',
    };
    const results = await Promise.all([1, 2].map(() => editor.post('/redactie/kennisplein/onderzoek', form)));
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [303, 303],
    );
    assert.equal(Number(await stored()), Number(before) + 1);
  });
});
