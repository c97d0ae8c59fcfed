// Verantwoording's dashboard figures as rules: which questionnaire round the card shows (the open
// one, else the newest that opened, else the next) and how its state is put in words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentRound, roundState } from '../services/dashboard-figures.ts';
import type { RoundOfOrganisation } from '../repository/dashboard-figures.ts';

const round = (id: number, opens_on: string, closes_on: string, submittedAt: Date | null = null) => ({
  id,
  title: `Peiling ${id}`,
  yearLabel: '2022-2023',
  opens_on,
  closes_on,
  submittedAt,
});

// Newest first, as the repository gives them.
const rounds: RoundOfOrganisation[] = [
  round(3, '2023-09-01', '2023-10-31'),
  round(2, '2022-09-01', '2022-10-31'),
  round(1, '2021-09-01', '2021-10-31'),
];

test('the round shown: the open one, else the newest that opened, else the next to open', () => {
  assert.equal(currentRound(rounds, '2022-09-15')?.id, 2);
  assert.equal(currentRound(rounds, '2023-01-15')?.id, 2);
  assert.equal(currentRound(rounds, '2021-01-15')?.id, 1);
  assert.equal(currentRound([], '2022-01-15'), undefined);
});

test('the state in words: submitted on, open until, not open yet, not submitted', () => {
  const r = rounds[1]!;
  assert.deepEqual(roundState({ ...r, submittedAt: new Date('2022-10-03T10:00:00Z') }, '2022-10-04'), {
    value: 'Ingediend',
    description: 'Peiling 2: ingediend op 3 oktober 2022.',
  });
  assert.deepEqual(roundState(r, '2022-09-15'), {
    value: 'Open',
    description: 'Peiling 2: open tot en met 31 oktober 2022.',
  });
  assert.equal(roundState(r, '2022-08-01').value, 'Nog niet open');
  assert.deepEqual(roundState(r, '2022-11-01'), {
    value: 'Niet ingediend',
    description: 'Peiling 2: gesloten op 31 oktober 2022.',
  });
});
