import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format, formatCents, formatDate } from './i18n.ts';

test('money in cents is shown in euros, rounded only here', () => {
  assert.equal(formatCents(70116).replace(/\s/g, ' '), '€ 701,16');
  assert.equal(formatCents(123456789).replace(/\s/g, ' '), '€ 1.234.567,89');
  assert.equal(formatCents(70116, 'en'), '€701.16');
});

test('calendar dates do not shift with time zones', () => {
  assert.equal(formatDate('2025-07-31'), '31 juli 2025');
  assert.equal(formatDate('2021-08-01', 'en'), '1 August 2021');
});

test('placeholders are filled and unknown ones left alone', () => {
  assert.equal(format('Hallo {naam}, {x}', { naam: 'Sam' }), 'Hallo Sam, {x}');
});
