// The random streams of the national generator (services/steps.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom, streamFor } from '../services/steps.ts';

test("the national generator's random streams are deterministic per seed and per step", () => {
  const take = (r: () => number) => Array.from({ length: 5 }, r);
  assert.deepEqual(take(seededRandom(42)), take(seededRandom(42)));
  assert.notDeepEqual(take(seededRandom(42)), take(seededRandom(43)));
  assert.deepEqual(take(streamFor(7, 'plannen')), take(streamFor(7, 'plannen')));
  assert.notDeepEqual(take(streamFor(7, 'plannen')), take(streamFor(7, 'tickets')));
  assert.ok(take(seededRandom(1)).every((x) => x >= 0 && x < 1));
});
