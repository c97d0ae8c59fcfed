// The pure rules of answering: each question type read from a form (Dutch money, numbers with a
// comma, options only from the list, menu codes only from the menu), a money table whose total
// does not add up, required questions only when saved as complete, and conditions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  centsToInput,
  formOf,
  openRequired,
  parseSection,
  shownAnswers,
  type RawForm,
} from '../services/answers.ts';
import { answerLines } from '../services/answer-text.ts';
import { windowOf } from '../services/submit.ts';
import { addDays } from '../services/reminders.ts';
import { questionnaireDomain } from '../services/prefill.ts';
import { testDefinition } from './kit.ts';

const [scan, programma] = testDefinition.sections as [
  (typeof testDefinition.sections)[0],
  (typeof testDefinition.sections)[0],
];
/** Money is formatted with a no-break space after the euro sign. */
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const menu = new Set(['A1', 'B2', 'F1']);
const parse = (section: typeof scan, form: RawForm, asComplete = false, saved = {}) =>
  parseSection(section, saved, form, menu, asComplete);

test('yes/no, multiple choice and a condition: a hidden question loses its answer', () => {
  const r = parse(scan, {
    'v-schoolscan-gedaan': 'ja',
    'v-bronnen': ['lvs', 'team'],
    'v-aandachtsgebieden': 'welbevinden',
  });
  assert.ok(r.ok);
  assert.deepEqual(r.answers, {
    'schoolscan-gedaan': 'ja',
    bronnen: ['lvs', 'team'],
    aandachtsgebieden: ['welbevinden'],
  });
  const hidden = parse(scan, { 'v-schoolscan-gedaan': 'nee', 'v-bronnen': ['lvs'] }, false, r.answers);
  assert.ok(hidden.ok);
  assert.equal(hidden.answers.bronnen, undefined);
});

test('an option that is not offered, or a menu code that is not on the menu, is refused with a message', () => {
  const r = parse(scan, { 'v-schoolscan-gedaan': 'misschien', 'v-aandachtsgebieden': ['rekenen'] });
  assert.ok(!r.ok);
  assert.match(r.errors['v-schoolscan-gedaan']!, /Kies ja of nee/);
  assert.match(r.errors['v-aandachtsgebieden']!, /alleen uit de gegeven antwoorden/);
  const i = parse(programma, { 'v-interventies': ['A1', 'Z9'] });
  assert.ok(!i.ok);
  assert.match(i.errors['v-interventies']!, /Z9 staat niet op de menukaart/);
});

test('money in Dutch notation becomes cents; a number takes a comma; limits are checked', () => {
  const r = parse(programma, { 'v-extra-kosten': '1.234,56', 'v-uren-extra': '12,5' });
  assert.ok(r.ok);
  assert.equal(r.answers['extra-kosten'], 123456);
  assert.equal(r.answers['uren-extra'], 12.5);
  assert.equal(centsToInput(123456), '1.234,56');
  const bad = parse(programma, { 'v-extra-kosten': 'twaalf euro', 'v-uren-extra': '5000' });
  assert.ok(!bad.ok);
  assert.match(bad.errors['v-extra-kosten']!, /bijvoorbeeld 1\.234,56/);
  assert.match(bad.errors['v-uren-extra']!, /1000 of minder/);
  const negative = parse(programma, { 'v-extra-kosten': '-5' });
  assert.ok(!negative.ok);
  assert.match(negative.errors['v-extra-kosten']!, /niet negatief/);
});

test('a money table whose given total does not add up gets a clear error on the total', () => {
  const bad = parse(programma, {
    'v-besteding-A': '1.000,00',
    'v-besteding-C': '500',
    'v-besteding-totaal': '1.600',
  });
  assert.ok(!bad.ok);
  assert.match(
    bad.errors['v-besteding-totaal']!,
    /tellen op tot €\s1\.500,00, maar als totaal staat er €\s1\.600,00/,
  );
  const good = parse(programma, {
    'v-besteding-A': '1.000,00',
    'v-besteding-C': '500',
    'v-besteding-totaal': '1.500',
  });
  assert.ok(good.ok);
  assert.deepEqual(good.answers.besteding, { A: 100000, C: 50000 });
  const noTotal = parse(programma, { 'v-besteding-B': '12,50' });
  assert.ok(noTotal.ok);
  assert.deepEqual(noTotal.answers.besteding, { B: 1250 });
  // Shown again as typed in Dutch, with the total.
  assert.deepEqual(formOf(programma, good.answers)['v-besteding-totaal'], '1.500,00');
});

test('required questions are checked only when saved as complete; complete says whether any is open', () => {
  const draft = parse(programma, { 'v-interventies': 'A1' });
  assert.ok(draft.ok);
  assert.equal(draft.complete, false);
  const done = parse(programma, { 'v-interventies': 'A1' }, true);
  assert.ok(!done.ok);
  assert.match(done.errors['v-mr-instemming']!, /verplicht/);
  assert.match(done.errors['v-team-betrokken']!, /verplicht/);
  assert.equal(done.errors['v-besteding-A'], undefined, 'besteding is not required');
});

test('a required question that only appears through this save is not an error yet (the page shows it next)', () => {
  const r = parse(scan, { 'v-schoolscan-gedaan': 'ja', 'v-aandachtsgebieden': 'cognitief' }, true, {
    'schoolscan-gedaan': 'nee',
  });
  assert.ok(r.ok);
  assert.equal(r.complete, false);
});

test('open required questions per section, and the shown answers a submission keeps', () => {
  const answers = { 'schoolscan-gedaan': 'nee', bronnen: ['lvs'], aandachtsgebieden: ['cognitief'] };
  assert.deepEqual(
    openRequired(testDefinition, answers).map((s) => [s.section.key, s.missing.map((q) => q.key)]),
    [['programma', ['interventies', 'mr-instemming', 'team-betrokken']]],
  );
  assert.deepEqual(shownAnswers(testDefinition, answers), {
    'schoolscan-gedaan': 'nee',
    aandachtsgebieden: ['cognitief'],
  });
});

test('answers read back in words: option labels, intervention names, money per category with a total', () => {
  const q = (key: string) => testDefinition.sections.flatMap((s) => s.questions).find((x) => x.key === key)!;
  assert.deepEqual(answerLines(q('team-betrokken'), 'geraadpleegd', new Map()), ['Het team is geraadpleegd']);
  assert.deepEqual(answerLines(q('interventies'), ['A1'], new Map([['A1', 'Extra instructie']])), [
    'A1 Extra instructie',
  ]);
  assert.deepEqual(answerLines(q('besteding'), { A: 100000, C: 5050 }, new Map()).map(nbsp), [
    'Categorie A: € 1.000,00',
    'Categorie C: € 50,50',
    'Totaal: € 1.050,50',
  ]);
  assert.deepEqual(answerLines(q('toelichting'), undefined, new Map()), ['Niet beantwoord']);
});

test('the answering window includes the close date; reminder dates; scan domains map onto the options', () => {
  const q = { opens_on: '2021-08-23', closes_on: '2021-09-17' };
  assert.equal(windowOf(q, '2021-08-22'), 'nog-niet-open');
  assert.equal(windowOf(q, '2021-09-17'), 'open');
  assert.equal(windowOf(q, '2021-09-18'), 'gesloten');
  assert.equal(addDays('2021-09-10', 7), '2021-09-17');
  assert.equal(questionnaireDomain('rekenen'), 'cognitief');
  assert.equal(questionnaireDomain('welbevinden'), 'welbevinden');
});
