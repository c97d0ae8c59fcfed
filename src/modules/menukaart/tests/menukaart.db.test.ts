// The menukaart in the database, on PGlite and PostgreSQL: the seeded catalogue, the version in
// force by date, full-text search with the dutch configuration and its prefix fallback, drafts
// and publication, the service other modules use, and loading the praktijkkaarten.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { deleteDraft, draftVersion, publishedVersions, versionByLabel } from '../repository/versions.ts';
import {
  entries,
  entryByCode,
  insertEntry,
  insertIntervention,
  interventionByCode,
  ratings,
  updateEntry,
} from '../repository/entries.ts';
import { createItem } from '../services/kennisplein.ts';
import {
  NoMenuError,
  loadMenu,
  mayChoose,
  menuInForce,
  menuVersionInForce,
  toIntervention,
} from '../services/menu.ts';
import { searchTerms } from '../services/search.ts';
import { buildSearchIndex } from '../services/search-index.ts';
import { ensureDraft, entryFormValues, validateEntry } from '../services/entry-editing.ts';
import { publishDraft } from '../services/publishing.ts';
import { diffBetween } from '../services/version-diff.ts';
import { importPraktijkkaarten } from '../services/praktijkkaart-import.ts';
import type { PraktijkkaartSections } from '../tables.ts';
import { PraktijkkaartError, praktijkkaartDir, sectionHeadings } from '../services/praktijkkaart.ts';

const at = (d: string) => new Date(`${d}T12:00:00Z`);

eachEngine('menukaart database', (database) => {
  test('the catalogue is seeded: two published versions, 31 interventions, unknown scores stay null', async () => {
    const { db } = database();
    const versions = await publishedVersions(db);
    assert.deepEqual(
      versions.map((v) => v.label),
      ['2022-04', '2021-05'],
    );
    const v22 = await loadMenu(db, versions[0]!);
    const v21 = await loadMenu(db, versions[1]!);
    assert.equal(v22.interventions.length, 31);
    assert.equal(v21.interventions.length, 26, 'A4, A5, B10, B11 and B12 came later');
    assert.deepEqual(
      v22.categories.map((c) => c.code),
      ['A', 'B', 'C', 'D', 'E', 'F'],
    );
    const b4 = v22.interventions.find((i) => i.code === 'B4')!;
    assert.deepEqual([b4.effectMonths, b4.evidence, b4.cost, b4.ratedOn], [null, null, null, null]);
    const b6 = v22.interventions.find((i) => i.code === 'B6')!;
    assert.deepEqual(
      [b6.effectMonths, b6.evidence, b6.cost, b6.inferredFields, b6.ratedOn],
      [6, 4, 1, ['cost'], '2022-04-01'],
    );
    assert.equal(v21.interventions.find((i) => i.code === 'B6')!.effectMonths, 8);
    const e2 = v22.interventions.find((i) => i.code === 'E2')!;
    assert.equal(e2.ratingLabel, '2021-05', 'the 2021 rating is carried, with its own date');
    assert.equal(v22.interventions.find((i) => i.code === 'A1')!.withdrawn, true);
    assert.deepEqual(
      (await ratings(db, b6.id)).map((r) => r.label),
      ['2021-05', '2022-04'],
    );
    const sectors = v22.interventions.find((i) => i.code === 'B12')!.sectors;
    assert.deepEqual(sectors, ['VO', '(V)SO']);
  });

  test('the version in force depends on the date; other modules ask which interventions may be chosen', async () => {
    const { db } = database();
    assert.equal((await menuVersionInForce(db, at('2021-06-01'))).label, '2021-05');
    assert.equal((await menuVersionInForce(db, at('2022-04-01'))).label, '2022-04');
    await assert.rejects(menuVersionInForce(db, at('2020-01-01')), NoMenuError);
    const menu = await menuInForce(db, at('2023-01-01'));
    assert.equal(menu.interventions.length, 31);
    const a1 = menu.interventions.find((i) => i.code === 'A1')!;
    assert.deepEqual([a1.withdrawn, a1.choosable], [true, false]);
    assert.equal(menu.interventions.find((i) => i.code === 'F1')!.supportOnly, true);
    assert.deepEqual(await mayChoose(db, at('2023-01-01'), 'B6'), { ok: true });
    const withdrawn = await mayChoose(db, at('2023-01-01'), a1.id);
    assert.ok(!withdrawn.ok && /van de menukaart gehaald/.test(withdrawn.reason));
    const b10in2021 = await mayChoose(db, at('2021-09-01'), 'B10');
    assert.ok(!b10in2021.ok && /niet op de menukaart/.test(b10in2021.reason));
    assert.deepEqual(await mayChoose(db, at('2021-09-01'), 'A1'), { ok: true });
  });

  test('search: word forms, compounds, codes, typing errors and synonyms find interventions and kennisplein items alike', async () => {
    const { db } = database();
    const v = await menuVersionInForce(db, at('2023-01-01'));
    const index = async () => buildSearchIndex(db, v.id, await loadMenu(db, v));
    let idx = await index();
    const codes = (q: string) => idx.search(searchTerms(q)!.text).interventions.map((i) => i.code);
    assert.ok(codes('begrijpend lezen').includes('B8'));
    assert.ok(codes('activiteit').includes('C2'), 'singular finds the plural');
    assert.equal(codes('b6')[0], 'B6');
    assert.ok(codes('cultuur').includes('C3'), 'a word beginning finds the compound cultuureducatie');
    assert.equal(codes('klasenverkleining')[0], 'E1', 'one letter off still finds Klassenverkleining');
    assert.equal(idx.search('klasenverkleining').suggestion, 'klassenverkleining');
    assert.equal(idx.search('klassenverkleining').suggestion, null, 'a correct word gets no suggestion');
    assert.ok(codes('bijles').includes('B1'), 'the synonym bijles finds een-op-een-begeleiding');
    const names = codes('feedback');
    assert.equal(names[0], 'B6', 'a match in the name ranks above matches in texts');
    // The kennisplein goes through the same word forms: 'fiets' finds 'Fietsen'.
    const id = await createItem(db, {
      kind: 'onderzoek',
      school_id: null,
      author_person_id: null,
      status: 'gepubliceerd',
      title: 'Fietsen naar school',
      school_type: '',
      what_they_did: 'Leerlingen die fietsen, zijn fitter.',
      cost_text: '',
      cost_cents: null,
      lessons: '',
      contact_ok: false,
      source_url: 'https://example.nl/',
    });
    idx = await index();
    assert.ok(idx.search('fiets').items.some((r) => r.id === id));
    // Odd input is bounded and harmless.
    for (const q of [
      "'); drop table menukaart_entry; --",
      'a & b | !c :* (',
      '"""',
      'x'.repeat(5000),
      'é'.repeat(200),
    ]) {
      const t = searchTerms(q);
      if (t) idx.search(t.text);
    }
    assert.ok((await entries(db, v.id)).length === 31);
  });

  test('a draft is a copy; publishing makes a new version with a new rating, and the old one stays', async () => {
    const { db } = database();
    const now = at('2023-03-01');
    const { id: draftId, created } = await ensureDraft(db, now, null);
    assert.ok(created);
    assert.equal((await ensureDraft(db, now, null)).created, false, 'one draft at a time');
    const draft = (await draftVersion(db))!;
    assert.equal(draft.id, draftId);
    const b6 = toIntervention((await entryByCode(db, draftId, 'B6'))!);
    const form = entryFormValues(b6);
    for (const { key } of sectionHeadings) form.values[`pk_${key}`] ||= 'Tekst.';
    const result = validateEntry(
      { values: { ...form.values, effect: '7', beoordeeldOp: '2023-02-15' }, sectors: form.sectors },
      {
        categoryCodes: ['A', 'B', 'C', 'D', 'E', 'F'],
        interventionCodes: ['B6'],
        previous: b6,
        isNew: false,
      },
    );
    assert.ok(result.ok);
    await updateEntry(db, draftId, b6.id, result.values, null);
    const a2 = toIntervention((await entryByCode(db, draftId, 'A2'))!);
    const a2form = entryFormValues(a2);
    for (const { key } of sectionHeadings) a2form.values[`pk_${key}`] ||= 'Tekst.';
    const a2result = validateEntry(
      {
        values: { ...a2form.values, status: 'ingetrokken', redenIntrekken: 'Vervangen.' },
        sectors: a2form.sectors,
      },
      { categoryCodes: ['A', 'B'], interventionCodes: ['A2'], previous: a2, isNew: false },
    );
    assert.ok(a2result.ok);
    await updateEntry(db, draftId, a2.id, a2result.values, null);

    // Still the old version in force until publication.
    assert.equal((await menuVersionInForce(db, now)).label, '2022-04');
    const label = await db.transaction().execute((trx) =>
      publishDraft(
        trx,
        draft,
        {
          title: 'Menukaart maart 2023',
          validFrom: '2023-03-01',
          note: 'Feedback herzien; A2 ingetrokken.',
          sourceUrl: null,
        },
        null,
      ),
    );
    assert.equal(label, '2023-03-01');
    const inForce = await menuVersionInForce(db, now);
    assert.equal(inForce.label, '2023-03-01');
    assert.equal(await draftVersion(db), undefined);
    const b6now = toIntervention((await entryByCode(db, inForce.id, 'B6'))!);
    assert.deepEqual([b6now.effectMonths, b6now.ratingLabel, b6now.ratedOn], [7, '2023-03-01', '2023-02-15']);
    assert.deepEqual(
      (await ratings(db, b6.id)).map((r) => [r.label, r.effect_months]),
      [
        ['2021-05', 8],
        ['2022-04', 6],
        ['2023-03-01', 7],
      ],
    );
    const unchanged = toIntervention((await entryByCode(db, inForce.id, 'D1'))!);
    assert.equal(unchanged.ratingLabel, '2022-04', 'unchanged ratings keep their label and date');
    const diff = await diffBetween(db, (await versionByLabel(db, '2022-04', '2099-01-01'))!, inForce);
    assert.deepEqual(
      diff.changes.map((c) => c.code),
      ['A2', 'B6'],
    );
    assert.ok(
      diff.changes[1]!.changes.some(
        (c) => c.field === 'effect' && c.before === '+6 maanden' && c.after === '+7 maanden',
      ),
    );
    const choose = await mayChoose(db, now, 'A2');
    assert.ok(!choose.ok);
    // The version of 2022 is untouched.
    assert.equal(
      toIntervention((await entryByCode(db, (await versionByLabel(db, '2022-04', '2099-01-01'))!.id, 'B6'))!)
        .effectMonths,
      6,
    );
  });

  test('a version published for a later date comes into force on that day', async () => {
    const { db } = database();
    const { MenuState } = await import('../services/menu-state.ts');
    let clock = at('2024-01-10');
    const state = new MenuState(db, () => clock);
    const before = (await state.inForce()).label;
    await ensureDraft(db, clock, null);
    await publishDraft(
      db,
      (await draftVersion(db))!,
      { title: 'Menukaart februari 2024', validFrom: '2024-02-01', note: 'Later.', sourceUrl: null },
      null,
    );
    state.forget();
    assert.equal((await state.inForce()).label, before, 'not yet in force');
    clock = at('2024-02-01');
    assert.equal((await state.inForce()).label, '2024-02-01');
    assert.equal((await state.menu()).menu.version.label, '2024-02-01');
  });

  test('praktijkkaarten: strict loading refuses an incomplete set and loads nothing; a complete set fills every version', async () => {
    const { db } = database();
    const codes = (await db.selectFrom('menukaart_intervention').select('code').execute()).map((r) => r.code);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-'));
    try {
      const card = (name: string) =>
        [
          `# ${name}`,
          ...sectionHeadings.flatMap((s) => [
            `## ${s.heading}`,
            `Over ${s.heading.toLowerCase()} bij ${name}.`,
          ]),
        ].join('\n');
      for (const c of codes.slice(1)) fs.writeFileSync(path.join(dir, `${c}.md`), card(c));
      fs.writeFileSync(
        path.join(dir, `${codes[2]}.md`),
        card(codes[2]!).replace('## Valkuilen', '## Risico'),
      );
      await assert.rejects(importPraktijkkaarten(db, { dir }), (err: unknown) => {
        assert.ok(err instanceof PraktijkkaartError);
        assert.match(err.message, new RegExp(`${codes[0]}: het bestand .* ontbreekt`));
        assert.match(err.message, new RegExp(`${codes[2]}: .*'## Valkuilen' ontbreekt`));
        return true;
      });
      const none = await db
        .selectFrom('menukaart_entry')
        .select('version_id')
        .where('praktijkkaart', 'is not', null)
        .execute();
      const before = none.length;
      const lenient = await importPraktijkkaarten(db, { dir, strict: false });
      assert.equal(lenient.loaded, codes.length - 2);
      fs.writeFileSync(path.join(dir, `${codes[0]}.md`), card(codes[0]!));
      fs.writeFileSync(path.join(dir, `${codes[2]}.md`), card(codes[2]!));
      const full = await importPraktijkkaarten(db, { dir });
      assert.equal(full.loaded, codes.length);
      const missing = await db
        .selectFrom('menukaart_entry')
        .select('version_id')
        .where('praktijkkaart', 'is', null)
        .execute();
      assert.equal(missing.length, 0);
      assert.ok(before >= 0);
      // Loading again changes nothing that is already there.
      assert.equal((await importPraktijkkaarten(db, { dir })).updatedEntries, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new intervention written by an editor needs no file; discarding its draft removes it', async () => {
    const { db } = database();
    const now = at('2023-06-01');
    const sections = Object.fromEntries(sectionHeadings.map(({ key }) => [key, `Tekst ${key}.`])) as Record<
      keyof PraktijkkaartSections,
      string
    >;
    const values = {
      category_code: 'B',
      name_nl: 'Nieuwe aanpak',
      name_en: null,
      sectors: ['PO'],
      source: 'NPO',
      summary: 'Iets nieuws.',
      notes: null,
      effect_months: null,
      evidence: null,
      cost: null,
      inferred_fields: [],
      rating_label: null,
      rated_on: null,
      rating_source: null,
      withdrawn: false,
      withdrawn_reason: null,
      praktijkkaart: sections,
      body_text: 'Tekst',
    };
    const first = await ensureDraft(db, now, null);
    await insertEntry(db, first.id, await insertIntervention(db, 'B21'), values, null, null);
    await deleteDraft(db, first.id);
    assert.equal(await interventionByCode(db, 'B21'), undefined);

    const second = await ensureDraft(db, now, null);
    await insertEntry(db, second.id, await insertIntervention(db, 'B22'), values, null, null);
    const draft = (await draftVersion(db))!;
    await publishDraft(
      db,
      draft,
      { title: 'Menukaart juni 2023', validFrom: '2023-06-01', note: 'B22 erbij.', sourceUrl: null },
      null,
    );
    const r = await importPraktijkkaarten(db, { strict: true });
    assert.equal(r.problems.size, 0);
    const b22 = (await entryByCode(db, (await menuVersionInForce(db, now)).id, 'B22'))!;
    assert.equal(b22.praktijkkaart?.watHetIs, 'Tekst watHetIs.');
  });

  test('the praktijkkaart files in resources are complete for every intervention', async () => {
    const { catalogueFile } = await import('../services/scales.ts');
    const codes = catalogueFile.interventions.map((i) => i.code);
    assert.equal(codes.length, 31);
    const files = fs.readdirSync(praktijkkaartDir).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 0);
    const { readPraktijkkaarten } = await import('../services/praktijkkaart.ts');
    const read = readPraktijkkaarten(codes);
    assert.deepEqual([...read.problems], []);
  });
});
