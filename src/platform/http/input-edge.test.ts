import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasForbiddenControl, normaliseFormBody, stripBidiControls } from './input-edge.ts';

test('stripBidiControls removes every bidi embedding, override, isolate and mark', () => {
  const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
  assert.equal(stripBidiControls(`a${all}b`), 'ab');
  assert.equal(stripBidiControls('Café – “ok”'), 'Café – “ok”');
});

test('normaliseFormBody cleans titles, names and lists but leaves passwords exactly as typed', () => {
  const form: Record<string, unknown> = {
    titel: 'Lezen\u202eexe.txt',
    naam: 'A\u200fB',
    interventies: ['A1\u2066', 'B2'],
    wachtwoord: 'geheim\u202e',
    herhaling: 'geheim\u202e',
  };
  normaliseFormBody(form);
  assert.deepEqual(form, {
    titel: 'Lezenexe.txt',
    naam: 'AB',
    interventies: ['A1', 'B2'],
    wachtwoord: 'geheim\u202e',
    herhaling: 'geheim\u202e',
  });
});

test('hasForbiddenControl finds NUL and C0 controls in nested values and keys, not tab, CR or LF', () => {
  assert.equal(hasForbiddenControl({ a: ['x', 'y\u0000'] }), true);
  assert.equal(hasForbiddenControl({ 'k\u0001': 'v' }), true);
  assert.equal(hasForbiddenControl('\u007f'), true);
  assert.equal(hasForbiddenControl({ a: 'regel 1\r\nregel\t2\n' }), false);
  assert.equal(hasForbiddenControl(Buffer.from([0])), false);
});
