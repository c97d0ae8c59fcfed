// The word-level diff of the redactie's draft and the public version diff: marks per word,
// readable groups, accessible marks, and never a shortened text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { wordDiff } from '../../../platform/text/word-diff.ts';
import { MarkedText } from '../views/marked-text.tsx';

const joined = (parts: { kind: string; text: string }[], keep: 'before' | 'after') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === (keep === 'before' ? 'removed' : 'added'))
    .map((p) => p.text)
    .join('');

test('words added and removed are marked, the rest kept', () => {
  assert.deepEqual(wordDiff('Feedback geeft +6 maanden', 'Feedback geeft +7 maanden'), [
    { kind: 'same', text: 'Feedback geeft ' },
    { kind: 'removed', text: '+6' },
    { kind: 'added', text: '+7' },
    { kind: 'same', text: ' maanden' },
  ]);
  assert.deepEqual(wordDiff('a b', 'a b'), [{ kind: 'same', text: 'a b' }]);
  assert.deepEqual(wordDiff('', 'nieuw'), [{ kind: 'added', text: 'nieuw' }]);
  assert.deepEqual(wordDiff('weg', ''), [{ kind: 'removed', text: 'weg' }]);
  assert.deepEqual(wordDiff('', ''), []);
});

test('a space between two changes belongs to them: one removal and one addition', () => {
  assert.deepEqual(wordDiff('de oude korte zin.', 'de nieuwe lange zin.'), [
    { kind: 'same', text: 'de ' },
    { kind: 'removed', text: 'oude korte' },
    { kind: 'added', text: 'nieuwe lange' },
    { kind: 'same', text: ' zin.' },
  ]);
});

test('both texts can be read back whole from the parts, line breaks included', () => {
  const before = 'Eerste regel.\n\n- punt een\n- punt twee\nSlot.';
  const after = 'Eerste regel.\n\n- punt een\n- punt drie\n- punt vier\nSlot, herschreven.';
  const parts = wordDiff(before, after);
  assert.equal(joined(parts, 'before'), before);
  assert.equal(joined(parts, 'after'), after);
});

test('long texts are never shortened: one changed word in 20 000 words, and a rewrite too large to compare', () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `woord${i}`);
  const before = words.join(' ');
  const after = [...words.slice(0, 10_000), 'anders', ...words.slice(10_001)].join(' ');
  const parts = wordDiff(before, after);
  assert.deepEqual(
    parts.filter((p) => p.kind !== 'same'),
    [
      { kind: 'removed', text: 'woord10000' },
      { kind: 'added', text: 'anders' },
    ],
  );
  assert.equal(joined(parts, 'after'), after);
  const rewritten = words.map((w) => `${w}x`).join(' ');
  const whole = wordDiff(before, rewritten);
  assert.equal(joined(whole, 'before'), before);
  assert.equal(joined(whole, 'after'), rewritten);
});

test('the marks say in words what changed, for screen readers, and show the whole text', () => {
  const html = renderToString(<MarkedText before="kosten laag" after="kosten hoog" />);
  assert.equal(
    html,
    '<span class="npo-diff-text">kosten <del><span class="npo-visually-hidden">[verwijderd: </span>laag<span class="npo-visually-hidden"> einde]</span></del><ins><span class="npo-visually-hidden">[toegevoegd: </span>hoog<span class="npo-visually-hidden"> einde]</span></ins></span>',
  );
  const long = 'zin '.repeat(500).trim();
  assert.ok(renderToString(<MarkedText before="" after={long} />).includes(long), 'not truncated');
  assert.match(renderToString(<MarkedText before="" after="" />), /\(leeg\)/);
});
