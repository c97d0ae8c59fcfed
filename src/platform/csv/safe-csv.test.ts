import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neutraliseCell, stringifySafeCsv } from './safe-csv.ts';

test('a cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
  for (const s of [
    '=1+1',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '=HYPERLINK("https://evil.example")',
    '-',
  ])
    assert.equal(neutraliseCell(s), `'${s}`, JSON.stringify(s));
});

test('plain numbers, negative ones included, and ordinary text stay as they are', () => {
  for (const s of ['-12', '-0.50', '-1,5', '80512.78', 'De Regenboog', 'a=b', ' =x'])
    assert.equal(neutraliseCell(s), s, s);
  assert.equal(neutraliseCell(null), '');
  assert.equal(neutraliseCell(103), '103');
});

test('stringifySafeCsv neutralises every cell of every row and keeps the header', () => {
  const out = stringifySafeCsv([['=cmd|"/c calc"!A1', '@x', 'ok']], {
    delimiter: ';',
    header: true,
    columns: ['a', 'b', 'c'],
  });
  assert.equal(out, `a;b;c\n"'=cmd|""/c calc""!A1";'@x;ok\n`);
});
