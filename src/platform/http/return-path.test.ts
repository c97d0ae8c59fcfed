import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeReturnPath } from './return-path.ts';

const refused: [string, unknown][] = [
  ['not a string', 42],
  ['empty', ''],
  ['relative', 'overzicht'],
  ['protocol-relative', '//evil.example'],
  ['slash backslash', '/\\evil.example'],
  ['backslash anywhere', '/a\\b'],
  ['tab after the slash', '/\t/evil.example'],
  ['tab before the slash', '\t//evil.example'],
  ['newline after the slash', '/\n/evil.example'],
  ['carriage return', '/\r/evil.example'],
  ['space', '/ /evil.example'],
  ['encoded tab', '/%09/evil.example'],
  ['encoded CR LF', '/%0d%0a/evil.example'],
  ['encoded header split', '/x%0D%0ASet-Cookie:%20a=b'],
  ['encoded double slash', '/%2F%2Fevil.example'],
  ['encoded slash backslash', '/%5Cevil.example'],
  ['encoded NUL', '/x%00'],
  ['https scheme', 'https://evil.example/'],
  ['javascript scheme', 'javascript:alert(1)'],
  ['data scheme', 'data:text/html,x'],
  ['scheme after a slash', '/https://evil.example'.replace('/', '')],
  ['non-ASCII', '/überall'],
  ['line separator', '/x\u2028'],
  ['bidi override', '/x\u202e'],
  ['malformed escape', '/x%E0%A4%A'],
  ['NUL', '/x\u0000'],
  ['DEL', '/x\u007f'],
  ['too long', '/' + 'a'.repeat(2001)],
];

for (const [name, input] of refused) {
  test(`safeReturnPath refuses ${name}`, () => {
    assert.equal(safeReturnPath(input), '/');
  });
}

test('safeReturnPath keeps a same-site path with its query and fragment', () => {
  assert.equal(safeReturnPath('/overzicht'), '/overzicht');
  assert.equal(safeReturnPath('/menukaart/zoeken?q=re%C3%ABel#x'), '/menukaart/zoeken?q=re%C3%ABel#x');
  assert.equal(safeReturnPath('/scholen/3/kennisplein?a=1&b=2'), '/scholen/3/kennisplein?a=1&b=2');
});

test('safeReturnPath resolves dot segments instead of passing them on', () => {
  assert.equal(safeReturnPath('/a/../overzicht'), '/overzicht');
  assert.equal(safeReturnPath('/..//evil.example'), '/');
});

test('safeReturnPath gives the caller its own fallback', () => {
  assert.equal(safeReturnPath('//evil.example', '/overzicht'), '/overzicht');
});
