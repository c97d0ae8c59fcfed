// The small-cell rule (services/suppress.ts) and the dashboard's figures built on it
// (services/monitoring.ts): a cell of 4 schools is hidden in every chart's data, and so is a
// cell that a shown total would give away by subtraction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { share, shareHidden, suppressCounts, suppressPartition, tooSmall } from '../services/suppress.ts';
import {
  amountRows,
  focusRows,
  interventionRows,
  pnilMean,
  responseRows,
  shareRow,
  trends,
  yesRow,
} from '../services/monitoring.ts';
import type { AnswerCount, ResponseCount, Round } from '../repository/monitoring.ts';
import { municipalityProvinces } from '../../../../migrations/0640_monitoring.ts';

test('fewer than 5 schools is too small; 5 is not', () => {
  assert.equal(tooSmall(4), true);
  assert.equal(tooSmall(5), false);
  assert.equal(tooSmall(0), true);
});

test('a share is hidden when either side of the split has fewer than 5 schools', () => {
  assert.equal(shareHidden(4, 100), true);
  assert.equal(shareHidden(96, 100), true, '4 others would be given away');
  assert.equal(shareHidden(5, 10), false);
  assert.equal(shareHidden(3, 4), true);
  assert.deepEqual(share(25, 100), { value: 25, hidden: false });
  assert.deepEqual(share(4, 100), { value: null, hidden: true });
  assert.deepEqual(share(1, 3), { value: null, hidden: true });
});

test('one hidden cell of a partition with a shown total takes the smallest other cell with it', () => {
  assert.deepEqual(suppressCounts([4, 10, 7, 50]), [true, false, true, false]);
  assert.deepEqual(suppressCounts([10, 20, 30]), [false, false, false]);
  assert.deepEqual(suppressCounts([3, 2, 30]), [true, true, false], 'two hidden: nothing more needed');
  assert.deepEqual(suppressCounts([4, 0, 9]), [true, false, true], 'an empty cell hides nothing');
  assert.deepEqual(suppressPartition([1, 1], [true, false]), [true, true]);
});

const round = (id: number, audience: 'school' | 'bestuur' = 'school'): Round => ({
  id,
  slug: `r${id}`,
  title: `Ronde ${id}`,
  audience,
  school_year_id: 1,
  year_label: '2021-2022',
  opens_on: '2021-08-23',
  closes_on: '2021-09-17',
});
const answer = (sector: string, key: string, value: string, schools: number, cents = 0): AnswerCount => ({
  questionnaire_id: 1,
  sector,
  question_key: key,
  value,
  schools,
  cents,
  number_sum: 0,
});

test('chart "schoolscan and MR": 4 VO schools said yes → VO hidden, and (V)SO too since the total is shown', () => {
  const answers = [
    answer('po', 'schoolscan-gedaan', 'ja', 40),
    answer('po', 'schoolscan-gedaan', 'nee', 10),
    answer('vo', 'schoolscan-gedaan', 'ja', 4),
    answer('vo', 'schoolscan-gedaan', 'nee', 20),
    answer('vso', 'schoolscan-gedaan', 'ja', 8),
    answer('vso', 'schoolscan-gedaan', 'nee', 9),
  ];
  const row = yesRow(answers, 1, 'schoolscan-gedaan', 'Schoolscan');
  assert.equal(row.cells.vo.hidden, true);
  assert.equal(row.cells.vso.hidden, true, 'else VO = total − PO − (V)SO');
  assert.equal(row.cells.po.hidden, false);
  assert.equal(row.cells.totaal.hidden, false);
});

test('chart "focus domains": a domain named by 4 schools is hidden', () => {
  const rows = focusRows(
    [answer('po', 'aandachtsgebieden', 'welbevinden', 4), answer('po', 'aandachtsgebieden', 'cognitief', 30)],
    1,
    { po: 50, vo: 0, vso: 0 },
  );
  const wel = rows.find((r) => r.key === 'welbevinden')!;
  assert.equal(wel.cells.po.hidden, true);
  assert.equal(wel.cells.totaal.hidden, true);
  assert.equal(rows.find((r) => r.key === 'cognitief')!.cells.po.value, 60);
});

test('chart "interventions": an intervention of 4 schools is hidden, most chosen first', () => {
  const rows = interventionRows(
    [answer('vo', 'interventies', 'A1', 4), answer('vo', 'interventies', 'B2', 20)],
    1,
    { po: 0, vo: 40, vso: 0 },
    new Map([['B2', 'Instructie in kleine groepen']]),
  );
  assert.deepEqual(
    rows.map((r) => r.key),
    ['B2', 'A1'],
  );
  assert.equal(rows[1]!.cells.vo.hidden, true);
  assert.equal(rows[1]!.cells.totaal.hidden, true);
  assert.equal(rows[0]!.label, 'B2 Instructie in kleine groepen');
});

test('chart "spending": a category of 4 schools is hidden, and another, since the total is shown', () => {
  const { rows, total } = amountRows(
    new Map([
      ['A', { count: 30, cents: 100_00 }],
      ['B', { count: 4, cents: 50_00 }],
      ['C', { count: 12, cents: 70_00 }],
    ]),
  );
  assert.equal(rows.find((r) => r.key === 'B')!.cents.hidden, true);
  assert.equal(rows.find((r) => r.key === 'C')!.cents.hidden, true, 'else B = total − A − C');
  assert.deepEqual(total.cents, { value: 220_00, hidden: false });
  const few = amountRows(new Map([['A', { count: 4, cents: 100 }]]));
  assert.equal(few.total.cents.hidden, true);
});

test('chart "response" and the trends: 4 of 40 responding is hidden; the PNIL mean of 4 schools too', () => {
  const counts: ResponseCount[] = [{ questionnaire_id: 1, sector: 'po', eligible: 40, submitted: 4 }];
  const [r] = responseRows([round(1)], counts);
  assert.equal(r!.submitted.hidden, true);
  assert.equal(r!.rate.hidden, true);
  assert.equal(r!.eligible.hidden, false);
  const [t] = trends([round(1)], counts, [answer('po', 'mr-instemming', 'ja', 4)]);
  assert.equal(t!.response.hidden, true);
  assert.equal(t!.consent.hidden, true);
  assert.equal(pnilMean([{ ...answer('po', 'pnil-aandeel', '', 4), number_sum: 40 }], 1).hidden, true);
  assert.deepEqual(pnilMean([{ ...answer('po', 'pnil-aandeel', '', 5), number_sum: 50 }], 1), {
    value: 10,
    hidden: false,
  });
});

test('a share row with a hidden total keeps the primary suppression only', () => {
  const row = shareRow('x', 'x', { po: 2, vo: 0, vso: 0 }, { po: 3, vo: 0, vso: 0 });
  assert.equal(row.cells.po.hidden, true);
  assert.equal(row.cells.totaal.hidden, true);
});

test('the province of a municipality comes from the DUO address columns', () => {
  const csv =
    'PROVINCIE;BEVOEGD GEZAG NUMMER;GEMEENTENUMMER\r\nDrenthe;1;106\r\n"Utrecht";2;0344\r\nNergens;3;1\r\n';
  assert.deepEqual(
    [...municipalityProvinces([csv])],
    [
      ['0106', 'Drenthe'],
      ['0344', 'Utrecht'],
    ],
  );
});
