// The foundation's answer-rows.ts: a submission spread over monitoring rows, one per answered
// item; hidden and unanswered questions give none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerRows, isShown } from '../services/answer-rows.ts';
import { testDefinition } from './kit.ts';

const base = { choice: null, number: null, cents: null, text: null };

test('every type gives its rows: one per chosen value or category, one for the others', () => {
  const rows = answerRows(testDefinition, {
    'schoolscan-gedaan': 'ja',
    bronnen: ['lvs', 'team', 'lvs'],
    interventies: ['A1'],
    besteding: { A: 100000, C: 5000 },
    'uren-extra': 12.5,
    'extra-kosten': 2500,
    toelichting: 'Goed verlopen.',
  });
  assert.deepEqual(rows, [
    { ...base, question_key: 'schoolscan-gedaan', item: '', choice: 'ja' },
    { ...base, question_key: 'bronnen', item: 'lvs', choice: 'lvs' },
    { ...base, question_key: 'bronnen', item: 'team', choice: 'team' },
    { ...base, question_key: 'interventies', item: 'A1', choice: 'A1' },
    { ...base, question_key: 'besteding', item: 'A', cents: 100000 },
    { ...base, question_key: 'besteding', item: 'C', cents: 5000 },
    { ...base, question_key: 'uren-extra', item: '', number: 12.5 },
    { ...base, question_key: 'extra-kosten', item: '', cents: 2500 },
    { ...base, question_key: 'toelichting', item: '', text: 'Goed verlopen.' },
  ]);
});

test('a question hidden by its condition gives no row, even when an old answer is still there', () => {
  const answers = { 'schoolscan-gedaan': 'nee', bronnen: ['lvs'] };
  const bronnen = testDefinition.sections[0]!.questions[1]!;
  assert.equal(isShown(bronnen, answers), false);
  assert.deepEqual(
    answerRows(testDefinition, answers).map((r) => r.question_key),
    ['schoolscan-gedaan'],
  );
});

test('empty text and values of the wrong form give no row', () => {
  assert.deepEqual(
    answerRows(testDefinition, { toelichting: '  ', 'uren-extra': 'veel' as unknown as number }),
    [],
  );
});
