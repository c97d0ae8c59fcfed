import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idSchema, isoDateSchema, parseId, parseIsoDate } from './strict.ts';

test('parseIsoDate refuses days that do not exist', () => {
  for (const s of ['2021-13-45', '2021-02-31', '2021-02-29', '2021-04-31', '2021-00-10', '2021-01-00'])
    assert.equal(parseIsoDate(s), null, s);
});

test('parseIsoDate refuses year 0 and years outside 1900–2199', () => {
  for (const s of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])
    assert.equal(parseIsoDate(s), null, s);
});

test('parseIsoDate refuses other spellings', () => {
  for (const s of [
    '2021-1-05',
    '20210105',
    '2021-01-05T00:00',
    ' 2021-01-05',
    '2021-01-05\u0000',
    '',
    20210105,
  ])
    assert.equal(parseIsoDate(s), null, String(s));
});

test('parseIsoDate accepts real days, leap days included', () => {
  for (const s of ['2024-02-29', '2000-02-29', '2021-12-31', '1900-01-01']) assert.equal(parseIsoDate(s), s);
});

test('parseId refuses non-canonical spellings', () => {
  for (const s of [
    '0x3',
    '3.0',
    '03',
    '3e0',
    '+3',
    '-3',
    '0',
    ' 3',
    '3 ',
    '',
    '１',
    '99999999999999999',
    3.5,
    -1,
  ])
    assert.equal(parseId(s), null, String(s));
});

test('parseId accepts a plain positive decimal', () => {
  assert.equal(parseId('3'), 3);
  assert.equal(parseId('1234567'), 1234567);
  assert.equal(parseId(12), 12);
});

test('the zod schemas say in Dutch what is wrong', () => {
  assert.equal(idSchema.safeParse('0x3').success, false);
  assert.equal(idSchema.parse('7'), 7);
  const bad = isoDateSchema.safeParse('2021-02-31');
  assert.equal(bad.success, false);
  assert.match(bad.error!.issues[0]!.message, /datum in die bestaat/);
});
