// The section page is rendered once per state and kept as a template (routes/answer.tsx,
// platform/http/page-template.tsx): on both engines, another person never gets the first
// person's name or form token, a save shows at once, a closed questionnaire shows read-only, and
// a page with a validation error or a notice is rendered for that request alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerSuite, inWindow, type AnswerKit } from './answer-kit.ts';

const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
const revisionOf = (body: string) => /name="revisie" value="(\d+)"/.exec(body)![1]!;
const firstSection = { 'v-schoolscan-gedaan': 'ja', 'v-bronnen': ['lvs'] };

/** A signed-in school leader with a name of their own. */
async function leader(t: AnswerKit, name: string) {
  const who = await t.as('schoolleider', t.fx.schoolId);
  await t.database().db.updateTable('person').set({ name }).where('id', '=', who.personId).execute();
  return who.client;
}

answerSuite('verantwoording: the section page kept as a template', (t) => {
  const url = () => `${t.schoolBase}/onderdelen/schoolscan`;

  test('another person gets their own name and form token, never the first person’s', async () => {
    const anna = await leader(t, 'Anna Eerste');
    const bram = await leader(t, 'Bram Tweede & Zn');
    const a1 = await anna.get(url());
    const b1 = await bram.get(url());
    const a2 = await anna.get(url());
    for (const r of [a1, b1, a2]) assert.equal(r.statusCode, 200);
    assert.match(a1.body, /Anna Eerste/);
    assert.match(b1.body, /Bram Tweede &amp; Zn/);
    assert.doesNotMatch(b1.body, /Anna Eerste/);
    assert.doesNotMatch(a2.body, /Bram Tweede/);
    const [ta, tb] = [tokenOf(a1.body), tokenOf(b1.body)];
    assert.ok(ta && tb, 'both pages have a form token');
    assert.notEqual(ta, tb);
    assert.ok(!b1.body.includes(ta!), 'the second person’s page holds no token of the first');
    // Apart from name and token the pages are the same bytes.
    const bare = (body: string, name: string, token: string) =>
      body.replaceAll(name, 'NAAM').replaceAll(token, 'TOKEN');
    assert.equal(bare(b1.body, 'Bram Tweede &amp; Zn', tb!), bare(a1.body, 'Anna Eerste', ta!));
  });

  test('a save by someone else shows at once (the response revision changes the page)', async () => {
    const anna = await leader(t, 'Anna Eerste');
    const bram = await leader(t, 'Bram Tweede');
    const before = await anna.get(url());
    assert.match(before.body, /value="nee" checked/);
    const revision = revisionOf(before.body);
    const saved = await bram.post(url(), {
      ...firstSection,
      revisie: revision,
      actie: 'klaar',
      'v-aandachtsgebieden': 'welbevinden',
    });
    assert.equal(saved.statusCode, 303);
    const after = await anna.get(url());
    assert.match(after.body, /value="ja" checked/);
    assert.doesNotMatch(after.body, /value="nee" checked/);
    assert.match(after.body, new RegExp(`name="revisie" value="${Number(revision) + 1}"`));
    assert.match(after.body, /Anna Eerste/);
  });

  test('after the close date the kept page is not served: the answers show read-only', async () => {
    const anna = await leader(t, 'Anna Eerste');
    const open = await anna.get(url());
    assert.match(open.body, /<form method="post" action="[^"]*onderdelen\/schoolscan"/);
    t.clock = new Date('2021-09-18T09:00:00Z');
    try {
      const closed = await anna.get(url());
      assert.equal(closed.statusCode, 200);
      assert.match(closed.body, /gesloten sinds/);
      assert.doesNotMatch(closed.body, /<form method="post" action="[^"]*onderdelen/);
      assert.match(closed.body, /Anna Eerste/);
    } finally {
      t.clock = inWindow;
    }
    assert.match((await anna.get(url())).body, /<form method="post" action="[^"]*onderdelen\/schoolscan"/);
  });

  test('a validation error shows its summary and the typed values; the next view is the plain page', async () => {
    const anna = await leader(t, 'Anna Eerste');
    await anna.get(url());
    const page = await anna.get(url());
    const refused = await anna.post(url(), {
      ...firstSection,
      revisie: revisionOf(page.body),
      actie: 'klaar',
      'v-aandachtsgebieden': [],
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Dit onderdeel is niet opgeslagen/);
    assert.match(refused.body, /value="ja" checked/);
    assert.match(refused.body, /value="lvs" checked/);
    assert.match(refused.body, /Anna Eerste/);
    const next = await anna.get(url());
    assert.equal(next.statusCode, 200);
    assert.doesNotMatch(next.body, /Dit onderdeel is niet opgeslagen/);
  });

  test('a page with a notice is rendered for that view only', async () => {
    const anna = await leader(t, 'Anna Eerste');
    const bram = await leader(t, 'Bram Tweede');
    const noticed = await anna.get(`${url()}?melding=opgeslagen`);
    assert.match(noticed.body, /tussentijds opgeslagen/);
    assert.match(noticed.body, /Anna Eerste/);
    const plain = await bram.get(url());
    assert.doesNotMatch(plain.body, /tussentijds opgeslagen/);
    assert.match(plain.body, /Bram Tweede/);
  });
});
