// The builder's pure rules: options typed one per line, question and section forms with Dutch
// messages per field, prefill only where it fits, core keys keep their type, conditions look
// back, the meta form's dates; the definition changes (move, delete, rename) and the seeded
// rounds in resources/verantwoording.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fromRoot } from '../../../paths.ts';
import { coreQuestions, definitionSchema, questionsOf, type Definition } from '../services/definition.ts';
import { checkMeta, parseDay, type MetaForm } from '../services/builder-meta.ts';
import {
  checkQuestion,
  checkSection,
  emptyQuestionForm,
  parseOptions,
  questionFormOf,
  questionsBefore,
  valueOf,
  type QuestionForm,
} from '../services/builder-question.ts';
import {
  addSection,
  deleteQuestion,
  deleteSection,
  moveQuestion,
  moveSection,
  updateQuestion,
  validateDefinition,
} from '../services/builder-edit.ts';
import { testDefinition } from './kit.ts';

const qf = (over: Partial<QuestionForm>): QuestionForm => ({
  ...emptyQuestionForm,
  vraag: 'Een vraag?',
  sleutel: 'een-vraag',
  ...over,
});

test('options: one per line, as value | label or a label alone; errors say what to do', () => {
  assert.deepEqual(parseOptions('toetsen | Toetsen uit het LVS\nGesprekken met ouders\n\n'), {
    options: [
      { value: 'toetsen', label: 'Toetsen uit het LVS' },
      { value: 'gesprekken-met-ouders', label: 'Gesprekken met ouders' },
    ],
  });
  assert.equal(valueOf('Geïnformeerd — één keer'), 'geinformeerd-een-keer');
  assert.match(parseOptions('a | A\na | B').error!, /twee keer/);
  assert.match(parseOptions('Foo Bar | Label').error!, /kleine letters/);
  assert.match(parseOptions('x |').error!, /ontbreekt/);
});

test('a question: choices need two options, prefill must fit the type, core keys keep their type', () => {
  const one = checkQuestion(qf({ soort: 'een-keuze', antwoorden: 'Alleen deze' }), []);
  assert.ok(!one.ok && /minstens twee/.test(one.errors.antwoorden!));
  const wrongPrefill = checkQuestion(qf({ soort: 'tekst', vooringevuld: 'mr-instemming' }), []);
  assert.ok(!wrongPrefill.ok && /ja-nee/.test(wrongPrefill.errors.vooringevuld!));
  const core = checkQuestion(qf({ sleutel: 'interventies', soort: 'tekst' }), []);
  assert.ok(!core.ok && /interventies/.test(core.errors.soort!));
  const ok = checkQuestion(
    qf({ soort: 'getal', minimum: '0', maximum: '12,5', vooringevuld: 'pnil-aandeel' }),
    [],
  );
  assert.ok(ok.ok);
  assert.deepEqual(
    { min: ok.value.min, max: ok.value.max, prefill: ok.value.prefill },
    { min: 0, max: 12.5, prefill: 'pnil-aandeel' },
  );
  const badRange = checkQuestion(qf({ soort: 'getal', minimum: '10', maximum: '2' }), []);
  assert.ok(!badRange.ok && badRange.errors.maximum);
  const badKey = checkQuestion(qf({ sleutel: 'Niet Goed' }), []);
  assert.ok(!badKey.ok && badKey.errors.sleutel);
  assert.ok(!checkQuestion(qf({ vraag: '' }), []).ok);
});

test('a condition names an earlier question with choices, and only its answers', () => {
  const before = questionsBefore(testDefinition, 'programma', 0);
  const ok = checkQuestion(qf({ voorwaarde: 'schoolscan-gedaan', 'voorwaarde-antwoorden': 'ja' }), before);
  assert.ok(ok.ok);
  assert.deepEqual(ok.value.condition, { question: 'schoolscan-gedaan', oneOf: ['ja'] });
  const wrong = checkQuestion(
    qf({ voorwaarde: 'schoolscan-gedaan', 'voorwaarde-antwoorden': 'misschien' }),
    before,
  );
  assert.ok(!wrong.ok && /ja, nee/.test(wrong.errors['voorwaarde-antwoorden']!));
  const later = checkQuestion(qf({ voorwaarde: 'interventies', 'voorwaarde-antwoorden': 'x' }), before);
  assert.ok(!later.ok && later.errors.voorwaarde);
});

test('with answers, a question keeps everything but its texts', () => {
  const current = testDefinition.sections[0]!.questions[1]!;
  const out = checkQuestion(
    qf({ sleutel: 'anders', soort: 'tekst', vraag: 'Nieuwe tekst?', uitleg: 'Uitleg' }),
    [],
    current,
  );
  assert.ok(out.ok);
  assert.deepEqual(out.value, { ...current, label: 'Nieuwe tekst?', hint: 'Uitleg' });
  assert.deepEqual(checkQuestion(questionFormOf(current), [testDefinition.sections[0]!.questions[0]!]), {
    ok: true,
    value: current,
  });
});

test('a section: key, title and introduction', () => {
  assert.ok(checkSection({ 'onderdeel-sleutel': 'geld', titel: 'Het geld', inleiding: '' }).ok);
  const bad = checkSection({ 'onderdeel-sleutel': 'nieuw', titel: '', inleiding: '' });
  assert.ok(!bad.ok && bad.errors['onderdeel-sleutel'] && bad.errors.titel);
});

const years = [{ id: 1, label: '2021-2022', starts_on: '2021-08-01', ends_on: '2022-07-31' }];
const meta = (over: Partial<MetaForm>): MetaForm => ({
  titel: 'Ronde',
  inleiding: '',
  schooljaar: '1',
  doelgroep: 'school',
  'korte-naam': 'ronde-1',
  opent: '23-08-2021',
  sluit: '2021-09-17',
  ...over,
});

test('the meta form: dates as DD-MM-JJJJ or JJJJ-MM-DD, closing not before opening, within the school year', () => {
  assert.equal(parseDay('1-3-2022'), '2022-03-01');
  assert.equal(parseDay('31-02-2022'), null);
  const ok = checkMeta(meta({}), years);
  assert.ok(ok.ok);
  assert.equal(ok.value.opensOn, '2021-08-23');
  const reversed = checkMeta(meta({ sluit: '01-08-2021' }), years);
  assert.ok(!reversed.ok && /voor de opendatum/.test(reversed.errors.sluit!));
  const outside = checkMeta(meta({ opent: '01-01-2024', sluit: '02-01-2024' }), years);
  assert.ok(!outside.ok && outside.errors.opent);
  const empty = checkMeta(
    meta({ titel: '', 'korte-naam': 'Met Spaties', doelgroep: '', schooljaar: '9' }),
    years,
  );
  assert.ok(!empty.ok);
  assert.deepEqual(Object.keys(empty.errors).sort(), ['doelgroep', 'korte-naam', 'schooljaar', 'titel']);
  // With answers the school year, audience and short name stay what they were.
  const locked = checkMeta(meta({ doelgroep: 'bestuur', 'korte-naam': 'x y' }), years, {
    schoolYearId: 1,
    audience: 'school',
    slug: 'oud',
  });
  assert.ok(locked.ok && locked.value.audience === 'school' && locked.value.slug === 'oud');
});

test('definition changes: moves, deletes that would break a condition or empty a section are refused', () => {
  const d: Definition = testDefinition;
  const up = moveSection(d, 'programma', 'omhoog');
  assert.ok(up.ok && up.value.sections[0]!.key === 'programma');
  assert.ok(!moveSection(d, 'schoolscan', 'omhoog').ok);
  // scan bronnen depends on schoolscan-gedaan: moving it above is refused with the reason.
  const above = moveQuestion(d, 'schoolscan', 'bronnen', 'omhoog');
  assert.ok(!above.ok && /hangt af van/.test(above.errors.onderdeel!));
  const gone = deleteQuestion(d, 'schoolscan', 'schoolscan-gedaan');
  assert.ok(!gone.ok && /hangt af van/.test(gone.errors.onderdeel!));
  const single: Definition = {
    sections: [
      ...d.sections,
      { key: 'los', title: 'Los', questions: [{ key: 'x', type: 'tekst', label: 'X', required: false }] },
    ],
  };
  const empty = deleteQuestion(single, 'los', 'x');
  assert.ok(!empty.ok && /minstens één vraag/.test(empty.errors.onderdeel!));
  assert.ok(deleteSection(single, 'los').ok);
  assert.ok(!deleteSection({ sections: [single.sections[2]!] }, 'los').ok);
  const twice = addSection(
    d,
    { key: 'schoolscan', title: 'Nog een' },
    { key: 'y', type: 'tekst', label: 'Y', required: false },
  );
  assert.ok(!twice.ok && twice.errors['onderdeel-sleutel']);
});

test('renaming a question renames the conditions that depend on it', () => {
  const renamed = updateQuestion(testDefinition, 'schoolscan', 'schoolscan-gedaan', {
    ...testDefinition.sections[0]!.questions[0]!,
    key: 'scan-gemaakt',
  });
  // The key is core: renaming is allowed (a new key), and bronnen follows it.
  assert.ok(renamed.ok);
  assert.equal(renamed.value.sections[0]!.questions[1]!.condition?.question, 'scan-gemaakt');
  const dup = updateQuestion(testDefinition, 'schoolscan', 'bronnen', {
    ...testDefinition.sections[0]!.questions[1]!,
    key: 'aandachtsgebieden',
    type: 'meer-keuze',
  });
  assert.ok(!dup.ok && dup.errors.sleutel);
  assert.ok(validateDefinition(testDefinition).ok);
});

const seedDir = fromRoot('resources/verantwoording');
const seeds = fs
  .readdirSync(seedDir)
  .filter((n) => n.endsWith('.json'))
  .map((n) => ({ name: n, ...JSON.parse(fs.readFileSync(path.join(seedDir, n), 'utf8')) }));

test('the seeded rounds are valid definitions and use the core keys with their prefills', () => {
  assert.equal(seeds.length, 9);
  for (const s of seeds) {
    const d = definitionSchema.parse(s.definition);
    assert.equal(s.name, `${s.slug}.json`);
    assert.ok(s.closesOn >= s.opensOn, s.name);
    const keys = new Map(questionsOf(d).map((q) => [q.key, q]));
    if (s.audience === 'school') {
      for (const k of ['schoolscan-gedaan', 'aandachtsgebieden', 'interventies', 'mr-instemming'])
        assert.ok(keys.get(k)?.prefill, `${s.name}: ${k}`);
      if (s.schoolYear !== '2021-2022')
        for (const k of ['besteding', 'pnil-aandeel']) assert.ok(keys.has(k), `${s.name}: ${k}`);
    } else {
      assert.match(s.slug, /^besturen-\d{4}-\d{4}$/);
      for (const k of ['besteding', 'pnil-aandeel', 'gmr-instemming', 'bovenschools'])
        assert.ok(keys.has(k), `${s.name}: ${k}`);
    }
    for (const [k, q] of keys) {
      const core = (coreQuestions as Record<string, string>)[k];
      if (core) assert.equal(q.type, core);
    }
  }
  const start = seeds.find((s) => s.slug === 'schoolleiders-2021-2022')!;
  assert.deepEqual([start.opensOn, start.closesOn], ['2021-08-23', '2021-09-17']);
  assert.equal(seeds.find((s) => s.slug === 'schoolleiders-2021-2022-winter')!.closesOn, '2022-02-08');
  assert.equal(seeds.find((s) => s.slug === 'schoolleiders-2022-2023')!.closesOn, '2023-03-21');
});
