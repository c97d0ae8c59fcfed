import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distance, plain, stem, words } from '../services/search-text.ts';
import { synonyms } from '../services/search-index.ts';

test('word forms meet: plural and inflection endings and doubled consonants go, accents go', () => {
  assert.equal(stem('klassen'), stem('klas'));
  assert.equal(stem('activiteiten'), stem('activiteit'));
  assert.equal(stem('fietsen'), stem('fiets'));
  assert.equal(stem('Oelebröd'.toLowerCase()), stem('oelebrod'));
  assert.equal(plain('geïnformeerd'), 'geinformeerd');
  assert.deepEqual(words('Een-op-een begeleiding (B1)'), ['een', 'op', 'een', 'begeleiding', 'b1']);
});

test('edit distance counts one missing letter as 1 and stops early past the maximum', () => {
  assert.equal(distance('klasenverkleining', 'klassenverkleining', 2), 1);
  assert.equal(distance('lezen', 'lezen', 1), 0);
  assert.equal(distance('abcdef', 'uvwxyz', 2), 3);
});

test('synonyms are data: every word of a group finds the others', () => {
  const s = synonyms();
  assert.ok(s.get(stem('bijles'))?.includes('tutoring'));
  assert.ok(s.get(stem('tutoring'))?.includes('bijles'));
  assert.ok(s.get([stem('kleinere'), stem('klassen')].join(' '))?.includes('klassenverkleining'));
});
