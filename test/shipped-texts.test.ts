// Every shipped text that reaches a page is written for its reader: no research notes (what we
// did or did not find while compiling the data) and one form of address, "u". Scans the files
// (praktijkkaarten, the menukaart catalogue, the funding rates, the programme, every message file,
// the views and the demo data) and the rendered public pages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from './support/db.ts';
import { createTestApp, TestClient } from './support/app.ts';
import { importPraktijkkaarten } from '../src/modules/menukaart/services/praktijkkaart-import.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Phrases of research notes: about the compiling of the data, not for a reader. */
export const researchNotePhrases: RegExp[] = [
  /bedrag niet gevonden/i,
  /scores? (op de [\w-]+ )?niet gevonden/i,
  /staat null/i,
  /wij volgen nponderwijs/i,
  /geen symbool/i,
  /opgeslagen pagina/i,
  /bewaarde kopie/i,
  /(pagina)?tekst (is|was) afgekapt/i,
  /afgeleid:\s*afgeleid/i,
  /niet vastgelegd/i,
  /onbevestigd/i,
  /niet als NPO-waarde bevestigd/i,
  /nog niet nagegaan/i,
  /secundaire bron/i,
  /datum is niet (gevonden|bekend)/i,
];
/** In resource data a bare "niet gevonden" is a search result, never a fact for a reader. */
const resourceOnlyPhrases: RegExp[] = [/niet gevonden/i];

/** The informal address; a reader is addressed as "u". */
const informalAddress = /\b(je|jij|jou|jouw|jullie)\b/i;

/** Quoted speech (an example of what a teacher says to a pupil) may use "je". */
function withoutQuotes(text: string): string {
  return text.replace(/"[^"\n]*"/g, '""').replace(/“[^”\n]*”/g, '“”');
}

function files(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel, test));
    else if (test(e.name)) out.push(rel);
  }
  return out.sort();
}

/** Every string value in a JSON document. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

interface Finding {
  file: string;
  problem: string;
  text: string;
}

function scan(file: string, texts: string[], opts: { resource: boolean; quotes: boolean }): Finding[] {
  const found: Finding[] = [];
  const phrases = opts.resource ? [...researchNotePhrases, ...resourceOnlyPhrases] : researchNotePhrases;
  for (const text of texts) {
    for (const p of phrases) {
      const m = p.exec(text);
      if (m) found.push({ file, problem: `research note ${p}`, text: context(text, m.index) });
    }
    const plain = opts.quotes ? withoutQuotes(text) : text;
    const m = informalAddress.exec(plain);
    if (m) found.push({ file, problem: `"${m[0]}" instead of "u"`, text: context(plain, m.index) });
  }
  return found;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ');
}

/** The shipped texts that reach a page, by kind. */
function shippedTexts() {
  const markdown = files('resources/menukaart/praktijkkaarten', (n) => n.endsWith('.md'));
  const data = [
    'resources/menukaart/catalogus.json',
    'resources/funding/rates.json',
    'resources/funding/envelopes.json',
    ...files('resources/programmes', (n) => n.endsWith('.json')),
  ];
  const code = [
    ...files('src/modules', (n) => n === 'messages.ts' || n === 'demo.ts' || n.endsWith('.tsx')),
    ...files('src/ui', (n) => n.endsWith('.ts') || n.endsWith('.tsx')),
    ...files('src/platform/i18n', (n) => n.endsWith('.ts') && !n.endsWith('.test.ts')),
  ].filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'));
  return { markdown, data, code };
}

test('the scan covers the praktijkkaarten, the catalogue, the rates, every message file and the views', () => {
  const { markdown, data, code } = shippedTexts();
  assert.equal(markdown.length, 31);
  assert.ok(data.includes('resources/menukaart/catalogus.json'));
  for (const m of ['src/modules/site/messages.ts', 'src/modules/menukaart/messages.ts', 'src/ui/messages.ts'])
    assert.ok(code.includes(m), m);
  assert.ok(code.includes('src/modules/site/views/site.tsx'));
});

test('the scan finds a research note and the informal address, but not "je" in quoted speech', () => {
  const found = scan(
    'voorbeeld.md',
    [
      'Het ene €-teken is afgeleid (geen symbool op de opgeslagen pagina).',
      'Bepaal wat je wilt bereiken.',
      'Zeg niet "je bent slim", maar benoem de aanpak.',
      'Bestaat, bedrag niet gevonden.',
    ],
    { resource: true, quotes: true },
  );
  assert.deepEqual(
    found.map((f) => f.problem),
    [
      'research note /geen symbool/i',
      'research note /opgeslagen pagina/i',
      '"je" instead of "u"',
      'research note /bedrag niet gevonden/i',
      'research note /niet gevonden/i',
    ],
  );
});

test('no shipped text that reaches a page carries a research note or addresses the reader as "je"', () => {
  const { markdown, data, code } = shippedTexts();
  const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
  const found = [
    ...markdown.flatMap((f) => scan(f, [read(f)], { resource: true, quotes: true })),
    ...data.flatMap((f) => scan(f, jsonStrings(JSON.parse(read(f))), { resource: true, quotes: true })),
    ...code.flatMap((f) => scan(f, [read(f)], { resource: false, quotes: false })),
  ];
  assert.deepEqual(
    found.map((f) => `${f.file}: ${f.problem}: …${f.text}…`),
    [],
  );
});

eachEngine('rendered public pages', (database) => {
  let app: FastifyInstance;
  let visitor: TestClient;
  before(async () => {
    await importPraktijkkaarten(database().db, { strict: true });
    app = await createTestApp(database(), { now: () => new Date('2023-03-01T10:00:00Z') });
    visitor = new TestClient(app);
  });
  after(async () => {
    await app.close();
  });

  test('no public page shows a research note', async () => {
    const interventions = (
      JSON.parse(fs.readFileSync(path.join(root, 'resources/menukaart/catalogus.json'), 'utf8')) as {
        interventions: { code: string; versions: string[] }[];
      }
    ).interventions;
    const codes = interventions.map((i) => i.code);
    const codes2021 = interventions.filter((i) => i.versions.includes('2021-05')).map((i) => i.code);
    const pages = [
      '/',
      '/toegankelijkheid',
      '/privacy',
      '/menukaart',
      '/menukaart/uitleg',
      '/menukaart/versies',
      '/menukaart/verschil?van=2021-05&naar=2022-04',
      '/menukaart/api',
      ...codes.map((c) => `/menukaart/${c}`),
      ...codes2021.map((c) => `/menukaart/${c}?versie=2021-05`),
    ];
    const found: string[] = [];
    for (const url of pages) {
      const res = await visitor.get(url);
      assert.equal(res.statusCode, 200, url);
      const text = res.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, ' ');
      for (const p of researchNotePhrases) {
        const m = p.exec(text);
        if (m) found.push(`${url}: ${p}: …${context(text, m.index)}…`);
      }
    }
    assert.deepEqual(found, []);
  });
});
