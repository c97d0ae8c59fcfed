// WCAG 3.1.2 (language of parts): with English chosen, every public page is either translated
// or marks its Dutch parts lang="nl". Checked by counting common Dutch words in the main
// content outside elements marked Dutch; names of schools and places are proper names and
// allowed. Also: every message has both languages, the same placeholders and no empty text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from './support/db.ts';
import { createFixtures, createTestApp, TestClient, type Fixtures } from './support/app.ts';
import { exampleQuery, fillPath } from './support/route-requests.ts';
import { allMessages } from '../src/platform/i18n/i18n.ts';
import '../src/modules/index.ts';
import '../src/ui/messages.ts';

/** Words that are common in Dutch sentences and do not occur in English ones. */
const dutchWords =
  /\b(de|het|een|van|voor|niet|zijn|wordt|worden|leerlingen|scholen|bij|naar|met|ook|dat|deze|uw|wij|zoeken|interventies)\b/gi;

/** The main content's text outside elements marked lang="nl" (our markup does not nest those). */
export function unmarkedDutch(html: string): string[] {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';
  if (/^<main[^>]*\blang="nl"/.test(main)) return [];
  const outside = main.replace(/<(\w+)[^>]*\blang="nl"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  return outside.replace(/<[^>]+>/g, ' ').match(dutchWords) ?? [];
}

test('a Dutch sentence outside lang="nl" is found; marked, it is not', () => {
  assert.ok(unmarkedDutch('<main><p>Dit is een zin van de school.</p></main>').length >= 3);
  assert.deepEqual(
    unmarkedDutch('<main><p lang="nl">Dit is een zin van de school.</p><p>Fine.</p></main>'),
    [],
  );
  assert.deepEqual(unmarkedDutch('<main lang="nl"><p>Dit is een zin.</p></main>'), []);
});

test('every message has a Dutch and an English text, with the same placeholders', () => {
  assert.ok(allMessages.length >= 6, 'the message modules registered themselves');
  for (const m of allMessages)
    for (const [key, nl] of Object.entries(m.nl)) {
      const en = (m.en as Record<string, string>)[key];
      assert.ok(typeof en === 'string' && en.trim(), `${key} has an English text`);
      assert.ok(nl.trim(), `${key} has a Dutch text`);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      assert.deepEqual(holes(en), holes(nl), `${key}: the same placeholders in both languages`);
    }
});

eachEngine('language of parts', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
  });
  after(() => app.close());

  test('with English chosen, no public page has Dutch sentences outside parts marked lang="nl"', async () => {
    const english = new TestClient(app, 'npo_taal=en');
    const problems: string[] = [];
    let checked = 0;
    for (const r of app.platform.routes) {
      if (r.method !== 'GET' || r.config.access?.kind !== 'public' || !r.config.page) continue;
      const ex = r.config.examples;
      const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
      const url =
        fillPath(r.url, ex?.params ? await ex.params(tenant) : {}) + (await exampleQuery(ex, tenant));
      const res = await english.get(url);
      if (res.statusCode >= 300 && res.statusCode < 400) continue;
      checked++;
      const found = unmarkedDutch(res.body);
      if (found.length > 2) problems.push(`${url}: ${found.slice(0, 6).join(', ')}`);
    }
    assert.ok(checked >= 15, `checked ${checked} pages`);
    assert.deepEqual(problems, []);
  });
});
