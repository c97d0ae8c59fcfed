import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedCache } from './bounded-cache.ts';

test('BoundedCache never holds more bytes than its budget', () => {
  const c = new BoundedCache<string, string>(1000, 100);
  for (let i = 0; i < 50; i++) c.set(`k${i}`, 'x', 30);
  assert.ok(c.bytes <= 100, `${c.bytes} bytes`);
  assert.equal(c.size, 3);
  assert.equal(c.get('k49'), 'x');
  assert.equal(c.get('k0'), undefined);
});

test('BoundedCache never holds more entries than its limit', () => {
  const c = new BoundedCache<number, number>(5, 1e9);
  for (let i = 0; i < 20; i++) c.set(i, i, 1);
  assert.equal(c.size, 5);
});

test('BoundedCache evicts the least recently used entry first', () => {
  const c = new BoundedCache<string, number>(2, 1e9);
  c.set('a', 1, 1);
  c.set('b', 2, 1);
  c.get('a');
  c.set('c', 3, 1);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('b'), undefined);
});

test('BoundedCache does not keep one value larger than the whole budget', () => {
  const c = new BoundedCache<string, string>(10, 100);
  c.set('small', 's', 10);
  assert.equal(c.set('huge', 'h', 101), 'h');
  assert.equal(c.get('huge'), undefined);
  assert.equal(c.get('small'), 's');
});

test('BoundedCache counts a replaced value once', () => {
  const c = new BoundedCache<string, string>(10, 100);
  c.set('a', 'x', 60);
  c.set('a', 'y', 60);
  assert.equal(c.bytes, 60);
  c.deleteWhere((k) => k === 'a');
  assert.equal(c.bytes, 0);
});
