// The site's own pages say only what is known: the helpdesk is open on workdays (the published
// fact); opening hours and answer time appear only when the operator set them. The school
// leaders' questions came at the start of school year 2021-2022.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createTestApp, testConfig, TestClient } from '../../../../test/support/app.ts';
import { statement } from '../services/accessibility-statement.ts';

eachEngine('site pages', (database) => {
  let plain: FastifyInstance;
  let configured: FastifyInstance;
  before(async () => {
    plain = await createTestApp(database());
    configured = await createTestApp(database(), {
      config: testConfig({ HELPDESK_HOURS: '10:00-14:00', HELPDESK_ANSWER_WORKDAYS: '3' }),
    });
  });
  after(async () => {
    await plain.close();
    await configured.close();
  });

  test('without helpdesk settings the pages say only that the line is open on workdays: no hours, no answer time', async () => {
    const visitor = new TestClient(plain);
    for (const url of ['/', '/toegankelijkheid', '/privacy']) {
      const body = (await visitor.get(url)).body;
      assert.match(body, /0800 424 04 24 \(op werkdagen\)/, url);
      assert.doesNotMatch(body, /\d{1,2}\.\d{2} uur|\d{1,2}\.\d{2} tot/, `${url} names no opening hours`);
      assert.doesNotMatch(body, /binnen \S+ werkdag/, `${url} promises no answer time`);
    }
    const en = await new TestClient(plain, 'npo_taal=en').get('/toegankelijkheid');
    assert.match(en.body, /0800 424 04 24 free of charge \(on working days\)/);
    assert.doesNotMatch(en.body, /within \S+ working day/);
  });

  test('the accessibility statement gives the model status, the review date and every known problem, in both languages', async () => {
    const nl = (await new TestClient(plain).get('/toegankelijkheid')).body;
    assert.match(nl, /Dit platform voldoet gedeeltelijk aan EN 301 549/);
    assert.match(nl, /voor het laatst gecontroleerd op 30 november 2026/);
    const en = (await new TestClient(plain, 'npo_taal=en').get('/toegankelijkheid')).body;
    assert.match(en, /This platform is partially compliant with EN 301 549/);
    assert.equal(statement.status, 'B', 'with known problems the status cannot be "voldoet volledig"');
    for (const p of statement.knownProblems) {
      assert.ok(nl.includes(p.nl.what), p.criterion);
      assert.ok(nl.includes(p.nl.meanwhile), p.criterion);
      assert.ok(en.includes(p.en.what), p.criterion);
    }
    assert.doesNotMatch(nl, /geen beperkingen/);
  });

  test('the main menu and the home page lead to the kennisplein; on its pages it is the current menu item', async () => {
    const visitor = new TestClient(plain);
    const home = (await visitor.get('/')).body;
    const mainNav = /<nav[^>]*aria-label="Hoofdmenu"[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
    assert.match(mainNav, /href="\/kennisplein"/);
    const sections = /<nav aria-labelledby="onderdelen">([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
    assert.match(sections, /href="\/kennisplein"[^>]*>Kennisplein</);
    const list = (await visitor.get('/kennisplein')).body;
    assert.match(
      list,
      /href="\/kennisplein"[^>]*aria-current="page"|aria-current="page"[^>]*href="\/kennisplein"/,
    );
  });

  test('with HELPDESK_HOURS and HELPDESK_ANSWER_WORKDAYS set, the footer and the accessibility statement show them', async () => {
    const visitor = new TestClient(configured);
    const a11y = (await visitor.get('/toegankelijkheid')).body;
    assert.match(a11y, /werkdagen van 10\.00 tot 14\.00 uur/);
    assert.match(a11y, /U krijgt binnen 3 werkdagen antwoord\./);
    assert.match((await visitor.get('/')).body, /werkdagen van 10\.00 tot 14\.00 uur/);
    const en = await new TestClient(configured, 'npo_taal=en').get('/toegankelijkheid');
    assert.match(en.body, /working days, 10:00 to 14:00/);
    assert.match(en.body, /within 3 working days/);
  });

  test('the home page says the school leaders’ questions came at the start of 2021-2022, not after the year', async () => {
    const body = (await new TestClient(plain).get('/')).body;
    assert.match(
      body,
      /Aan het begin van schooljaar 2021-2022 beantwoordden schoolleiders online een paar vragen/,
    );
    assert.doesNotMatch(body, /[Nn]a afloop/);
  });
});
