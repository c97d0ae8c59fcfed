// The school programme's dashboard figures as rules: the plan's state in a word, and which year's
// budget the card shows (the current school year; after the programme, all years together).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetFigure, planState } from '../services/dashboard-figures.ts';
import type { PlanFigureRow } from '../repository/dashboard-figures.ts';

const row = (o: Partial<PlanFigureRow>): PlanFigureRow => ({
  plan_id: 1,
  number: null,
  submitted_at: null,
  decision: null,
  label: '2021-2022',
  ends_on: '2022-07-31',
  planned: '0',
  spent: '0',
  ...o,
});

test('the plan state: not started, concept, waiting for the MR, adopted, not adopted', () => {
  assert.equal(planState(undefined).value, 'Nog niet begonnen');
  assert.equal(planState(row({ plan_id: null })).value, 'Nog niet begonnen');
  assert.deepEqual(planState(row({})), { value: 'Concept', description: 'Nog niet ingediend bij de MR.' });
  assert.deepEqual(planState(row({ number: 2, submitted_at: '2021-10-04T09:00:00Z' })), {
    value: 'Wacht op de MR',
    description: 'Versie 2 is op 4 oktober 2021 ingediend bij de MR.',
  });
  assert.equal(planState(row({ number: 2, decision: 'instemming' })).value, 'Vastgesteld');
  assert.match(
    planState(row({ number: 3, decision: 'geen-instemming' })).description,
    /niet ingestemd met versie 3/,
  );
});

test('the budget card shows the current school year, and after the programme all years together', () => {
  const rows = [
    row({ label: '2021-2022', ends_on: '2022-07-31', planned: '100', spent: '40' }),
    row({ label: '2022-2023', ends_on: '2023-07-31', planned: '200', spent: '10' }),
  ];
  assert.deepEqual(budgetFigure(rows, '2022-03-01'), { label: 'Begroot 2021-2022', planned: 100, spent: 40 });
  assert.deepEqual(budgetFigure(rows, '2022-08-15'), { label: 'Begroot 2022-2023', planned: 200, spent: 10 });
  assert.deepEqual(budgetFigure(rows, '2023-08-01'), {
    label: 'Begroot in het hele programma',
    planned: 300,
    spent: 50,
  });
});
