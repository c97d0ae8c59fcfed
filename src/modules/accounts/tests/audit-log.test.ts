// The audit log reads in words (actions, the people and schools entries are about, results),
// pages through the whole log newest first without gaps or repeats, and downloads what was
// found as CSV; a board's page and download hold only its own organisations' entries.
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
import { writeAudit } from '../../../platform/audit/audit.ts';

eachEngine('audit log in words, paged, as CSV', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let beheerder: TestClient;
  let bestuur: TestClient;
  let subjectId: number;
  const tag = `zoek-${process.pid}`;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
    bestuur = new TestClient(app, (await signInAs(database(), 'bestuur', fx.boardId)).cookie);
    subjectId = (await signInAs(database(), 'teamlid', fx.schoolId)).personId;
    const db = database().db;
    await db.updateTable('person').set({ name: 'Tessa Teamlid' }).where('id', '=', subjectId).execute();
    for (let i = 0; i < 120; i++)
      await writeAudit(db, {
        action: 'schoolscan.aandachtspunt-gewijzigd',
        objectType: 'person',
        objectId: subjectId,
        organisationId: i % 2 ? fx.schoolId : fx.otherSchoolId,
        actorPersonId: subjectId,
        actorLabel: `${tag}-${i}@test.example`,
      });
  });
  after(() => app.close());

  const ids = (html: string) => [...html.matchAll(/title="schoolscan\.aandachtspunt-gewijzigd"/g)].length;

  test('entries read in words: the action, the person it is about by name, the actor by name and e-mail, the result', async () => {
    const res = await beheerder.get(`/beheer/audit?wie=${tag}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Schoolscan: aandachtspunt gewijzigd/);
    assert.match(res.body, /persoon Tessa Teamlid/);
    assert.match(res.body, new RegExp(`Tessa Teamlid \\(${tag}-119@test\\.example\\)`));
    assert.match(res.body, /<td[^>]*>Gelukt<\/td>/);
    assert.doesNotMatch(res.body, /<td[^>]*>ok<\/td>/);
  });

  test('pages of 50 go through all 120 entries newest first and back again, keeping the search', async () => {
    const seen: number[] = [];
    let url = `/beheer/audit?wie=${tag}`;
    const pages: string[] = [];
    for (let n = 0; n < 5 && url; n++) {
      const body = (await beheerder.get(url)).body;
      pages.push(body);
      for (const m of body.matchAll(new RegExp(`${tag}-(\\d+)@`, 'g'))) seen.push(Number(m[1]));
      const older = /href="([^"]+)">\s*Oudere regels/.exec(body)?.[1];
      url = older ? older.replaceAll('&amp;', '&') : '';
      if (url) assert.match(url, new RegExp(`wie=${tag}`), 'the next page keeps the search');
    }
    assert.equal(pages.length, 3);
    assert.deepEqual(
      [...new Set(seen)],
      Array.from({ length: 120 }, (_, i) => 119 - i),
    );
    assert.equal(ids(pages[0]!), 50);
    assert.equal(ids(pages[2]!), 20);
    assert.doesNotMatch(pages[0]!, /Nieuwere regels/);
    const newer = /href="([^"]+)">\s*Nieuwere regels/.exec(pages[2]!)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(newer, 'the last page links back to newer entries');
    const back = (await beheerder.get(newer)).body;
    const backSeen = [...back.matchAll(new RegExp(`${tag}-(\\d+)@`, 'g'))].map((m) => Number(m[1]));
    assert.deepEqual(
      [...new Set(backSeen)],
      Array.from({ length: 50 }, (_, i) => 69 - i),
    );
  });

  test('the CSV holds every match in words with the action code, formula-safe, semicolon-separated', async () => {
    const res = await beheerder.get(`/beheer/audit.csv?wie=${tag}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="auditlog\.csv"/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(lines[0], 'Wanneer;Wie;Actie;Actiecode;Object;Organisatie;Resultaat;Adres');
    assert.equal(lines.length, 121);
    assert.match(
      lines[1]!,
      /Schoolscan: aandachtspunt gewijzigd;schoolscan\.aandachtspunt-gewijzigd;persoon Tessa Teamlid;/,
    );
  });

  test("a board's page and CSV hold only entries about its own organisations", async () => {
    const page = (await bestuur.get(`/besturen/${fx.boardId}/audit?wie=${tag}`)).body;
    const nums = [...page.matchAll(new RegExp(`${tag}-(\\d+)@`, 'g'))].map((m) => Number(m[1]));
    assert.ok(nums.length > 0);
    assert.ok(
      nums.every((n) => n % 2 === 1),
      'only the own school (odd entries)',
    );
    const csv = (await bestuur.get(`/besturen/${fx.boardId}/audit.csv?wie=${tag}`)).body.trim().split('\n');
    assert.equal(csv.length, 61);
    assert.ok(!csv[0]!.includes('Adres'), 'a board does not see addresses');
    assert.equal((await bestuur.get(`/besturen/${fx.otherBoardId}/audit.csv`)).statusCode, 403);
    assert.equal((await bestuur.get('/beheer/audit.csv')).statusCode, 403);
  });
});
