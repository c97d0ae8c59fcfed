// "Opslaan als concept" (issue 11, item 4): a school leader can save an unfinished kennisplein
// example; sending it to the redactie still needs every required field.
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
import { validateItem } from '../services/kennisplein.ts';

const codes = { interventionCodes: ['B5', 'C2'], kind: 'voorbeeld' as const };

describe('validateItem for a concept and for submitting', () => {
  const onlyTitle = { values: { titel: 'Half af' }, interventions: [] };

  test('a concept with only a title is valid; the same form to submit names every missing field', () => {
    assert.equal(validateItem(onlyTitle, { ...codes, draft: true }).ok, true);
    const full = validateItem(onlyTitle, codes);
    assert.equal(full.ok, false);
    assert.deepEqual(Object.keys(full.ok ? {} : full.errors).sort(), [
      'geleerd',
      'interventies',
      'schooltype',
      'watGedaan',
    ]);
  });

  test('a concept still needs a title, and what is filled in must be right', () => {
    const r = validateItem(
      {
        values: { titel: '', schooltype: 'Kasteel', kostenBedrag: 'veel' },
        interventions: ['Z9'],
      },
      { ...codes, draft: true },
    );
    assert.equal(r.ok, false);
    assert.deepEqual(Object.keys(r.ok ? {} : r.errors).sort(), [
      'interventies',
      'kostenBedrag',
      'schooltype',
      'titel',
    ]);
  });
});

eachEngine('saving an unfinished kennisplein example', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
  });
  after(async () => {
    await app?.close();
  });
  const items = () =>
    database()
      .db.selectFrom('kennisplein_item')
      .select(['id', 'title', 'status', 'lessons'])
      .where('school_id', '=', fx.schoolId)
      .orderBy('id')
      .execute();

  test('"Opslaan als concept" with only a title is stored as a concept and can be opened again', async () => {
    const c = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    const res = await c.post(`/scholen/${fx.schoolId}/kennisplein/nieuw`, {
      titel: 'Tutorlezen, nog niet af',
      actie: 'opslaan',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const [item] = (await items()).filter((i) => i.title === 'Tutorlezen, nog niet af');
    assert.ok(item);
    assert.equal(item.status, 'concept');
    const page = await c.get(`/scholen/${fx.schoolId}/kennisplein/${item.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="Tutorlezen, nog niet af"/);
  });

  test('sending the unfinished example to the redactie is refused and it stays a concept', async () => {
    const c = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    await c.post(`/scholen/${fx.schoolId}/kennisplein/nieuw`, { titel: 'Nog leeg', actie: 'opslaan' });
    const [item] = (await items()).filter((i) => i.title === 'Nog leeg');
    assert.ok(item);
    const res = await c.post(`/scholen/${fx.schoolId}/kennisplein/${item.id}`, {
      titel: 'Nog leeg',
      actie: 'indienen',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Fout: /);
    assert.match(res.body, /Beschrijf wat u heeft geleerd\./);
    assert.match(res.body, /Kies ten minste één interventie/);
    const after = (await items()).find((i) => i.id === item.id);
    assert.equal(after?.status, 'concept');
  });

  test('a concept without a title is refused with a message that says why', async () => {
    const c = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    const before = (await items()).length;
    const res = await c.post(`/scholen/${fx.schoolId}/kennisplein/nieuw`, {
      titel: '',
      geleerd: 'Iets geleerd',
      actie: 'opslaan',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /ook voor een concept/);
    assert.match(res.body, /Iets geleerd<\/textarea>/);
    assert.equal((await items()).length, before);
  });
});
