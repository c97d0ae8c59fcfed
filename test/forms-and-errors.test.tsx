// Forms and errors (issue 11, item 4): after a failed submit the error summary takes focus and
// the page title starts with "Fout: ", from one place (ui/components.tsx + http/render.ts); and
// every form carries `novalidate`, so the browser shows no (English) bubbles of its own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { renderDocument } from '../src/platform/http/render.ts';
import { Layout } from '../src/ui/layout.tsx';
import { ErrorSummary, FailedSubmitMessage, emptyForm } from '../src/ui/components.tsx';
import type { ViewContext } from '../src/ui/context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createTestDatabase } from './support/db.ts';
import { createTestApp, TestClient } from './support/app.ts';

const root = path.resolve(import.meta.dirname, '..');

function ctx(locale: 'nl' | 'en' = 'nl'): ViewContext {
  return {
    locale,
    principal: null,
    csrfToken: () => 'token',
    path: '/proef',
    themeClass: 'rhc-theme',
    asset: (name) => `/assets/${name}`,
    programme: { name: 'Nationaal Programma Onderwijs', shortName: 'NPO' },
    nav: [],
    demo: false,
    helpdesk: {} as ViewContext['helpdesk'],
  };
}

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const summaryTag = (html: string) => /<div[^>]*data-foutoverzicht[^>]*>/.exec(html)?.[0];

describe('the error summary and the page title', () => {
  test('a page with an error summary has a title starting "Fout: " and a summary that takes focus', () => {
    const html = renderDocument(
      <Layout ctx={ctx()} title="Proefformulier">
        <h1>Proefformulier</h1>
        <ErrorSummary form={{ values: {}, errors: { naam: 'Vul uw naam in.' } }} title="Verbeter dit:" />
      </Layout>,
    );
    assert.equal(titleOf(html), 'Fout: Proefformulier | NPO');
    const tag = summaryTag(html);
    assert.ok(tag, 'the summary is marked data-foutoverzicht');
    assert.match(tag, /\sautofocus[\s>]/);
    assert.match(tag, /\stabindex="-1"/);
    assert.match(html, /<a class="nl-link rhc-link" href="#naam">Vul uw naam in\.<\/a>/);
  });

  test('a page whose form has no errors keeps its title and has no summary', () => {
    const html = renderDocument(
      <Layout ctx={ctx()} title="Proefformulier">
        <ErrorSummary form={emptyForm} title="Verbeter dit:" />
      </Layout>,
    );
    assert.equal(titleOf(html), 'Proefformulier | NPO');
    assert.equal(summaryTag(html), undefined);
  });

  test('a single failed-submit message also takes focus and marks the title', () => {
    const html = renderDocument(
      <Layout ctx={ctx()} title="Team">
        <FailedSubmitMessage>U kunt uw eigen toegang hier niet beëindigen.</FailedSubmitMessage>
      </Layout>,
    );
    assert.equal(titleOf(html), 'Fout: Team | NPO');
    assert.match(summaryTag(html) ?? '', /autofocus/);
  });

  test('an English page says "Error: " and the next page rendered is not marked', () => {
    const html = renderDocument(
      <Layout ctx={ctx('en')} title="Sign in">
        <ErrorSummary form={{ values: {}, errors: { email: 'Enter your e-mail address.' } }} title="Check:" />
      </Layout>,
    );
    assert.equal(titleOf(html), 'Error: Sign in | NPO');
    const next = renderDocument(
      <Layout ctx={ctx()} title="Home">
        {null}
      </Layout>,
    );
    assert.equal(titleOf(next), 'Home | NPO');
  });
});

describe('a failed submit through the app', () => {
  let database: Database;
  let app: FastifyInstance;
  before(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  test('signing in with empty fields answers 400, title "Fout: Inloggen" and a focused summary', async () => {
    const client = new TestClient(app);
    const res = await client.post('/inloggen', { email: '', wachtwoord: '', terug: '/' });
    assert.equal(res.statusCode, 400);
    assert.match(titleOf(res.body) ?? '', /^Fout: Inloggen \|/);
    assert.match(summaryTag(res.body) ?? '', /autofocus/);
  });

  test('a wrong password gives the message the focus and "Fout: " in the title', async () => {
    const client = new TestClient(app);
    const res = await client.post('/inloggen', {
      email: 'niemand@voorbeeld.nl',
      wachtwoord: 'geen-goed-wachtwoord',
      terug: '/',
    });
    assert.ok(res.statusCode >= 400, `status ${res.statusCode}`);
    assert.match(titleOf(res.body) ?? '', /^Fout: /);
    assert.ok(summaryTag(res.body));
  });

  test('the sign-in page before any submit has no "Fout: " and no autofocus', async () => {
    const res = await new TestClient(app).get('/inloggen');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(titleOf(res.body) ?? '', /Fout/);
    assert.doesNotMatch(res.body, /autofocus/);
  });
});

/** Every `<form ...>` opening tag in the .tsx files under a folder, with file and line. */
function formTags(dir: string): { file: string; line: number; tag: string }[] {
  const found: { file: string; line: number; tag: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.tsx')) {
        const src = fs.readFileSync(p, 'utf8');
        // `<form` in lower case only: `<Form` is a component that renders one (checked below).
        for (const m of src.matchAll(/<form\b[^>]*>/g))
          found.push({
            file: path.relative(root, p),
            line: src.slice(0, m.index).split('\n').length,
            tag: m[0],
          });
      }
    }
  };
  walk(dir);
  return found;
}

describe('novalidate on every form', () => {
  test('every <form> in the views has novalidate', () => {
    const forms = formTags(path.join(root, 'src'));
    assert.ok(forms.length > 20, `only ${forms.length} forms found: the scan is broken`);
    const missing = forms.filter((f) => !/\bnovalidate\b/i.test(f.tag)).map((f) => `${f.file}:${f.line}`);
    assert.deepEqual(missing, []);
  });

  test('the pages rendered by the app have novalidate on each form (sign-in, the lookup, the menu)', async () => {
    const database = await createTestDatabase();
    const app = await createTestApp(database);
    try {
      for (const url of ['/inloggen', '/bedragen', '/menukaart', '/menukaart/zoeken?q=lezen']) {
        const res = await new TestClient(app).get(url);
        assert.equal(res.statusCode, 200, url);
        const tags = res.body.match(/<form\b[^>]*>/g) ?? [];
        assert.ok(tags.length > 0, `${url} has a form`);
        for (const t of tags) assert.match(t, /\snovalidate[\s>]/, `${url}: ${t}`);
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});
