// The budget's arithmetic in cents: available money per year, carry-over, over-planning, the PNIL
// share, money at risk, and sums per cost type, intervention and category; and the amounts grid.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeBudgetOverview, needsAttention, type YearInput } from '../services/budget-overview.ts';
import { centsToInput, parseBudgetGrid } from '../services/budget-grid.ts';
import { formatShare, shareBp } from '../services/budget-amounts.ts';

const years: YearInput[] = [
  {
    schoolYearId: 1,
    label: '2021-2022',
    endsOn: '2022-07-31',
    allocationCents: 10_000_00,
    reservedCents: 1_000_00,
  },
  { schoolYearId: 2, label: '2022-2023', endsOn: '2023-07-31', allocationCents: 8_000_00, reservedCents: 0 },
  { schoolYearId: 3, label: '2023-2024', endsOn: '2024-07-31', allocationCents: 0, reservedCents: 0 },
  { schoolYearId: 4, label: '2024-2025', endsOn: '2025-07-31', allocationCents: 0, reservedCents: 0 },
];
const interventions = [
  {
    planInterventionId: 10,
    code: 'B6',
    name: 'Tutoring',
    categoryCode: 'B',
    categoryName: 'Extra instructietijd',
  },
  {
    planInterventionId: 11,
    code: 'B2',
    name: 'Zomerschool',
    categoryCode: 'B',
    categoryName: 'Extra instructietijd',
  },
  {
    planInterventionId: 12,
    code: 'D1',
    name: 'Sociaal-emotioneel',
    categoryCode: 'D',
    categoryName: 'Welbevinden',
  },
];
const line = (
  pi: number,
  y: number,
  costType: 'eigen-personeel' | 'extern-personeel',
  planned: number,
  committed = 0,
) => ({
  planInterventionId: pi,
  schoolYearId: y,
  costType,
  plannedCents: planned,
  committedCents: committed,
});

test('available is allocation minus reservations; unspent money carries over; ended years count what was spent', () => {
  const o = computeBudgetOverview({
    years,
    lines: [line(10, 1, 'eigen-personeel', 6_000_00, 6_000_00), line(10, 2, 'eigen-personeel', 8_000_00)],
    spent: [{ planInterventionId: 10, schoolYearId: 1, costType: 'eigen-personeel', amountCents: 5_000_00 }],
    interventions,
    today: '2022-09-01',
    spendUntil: '2025-07-31',
  });
  const [y1, y2, y3, y4] = o.years;
  assert.equal(y1!.availableCents, 9_000_00);
  assert.equal(y1!.ended, true);
  // 9000 available, 5000 spent: 4000 carries over into 2022-2023.
  assert.equal(y1!.carryOutCents, 4_000_00);
  assert.equal(y2!.carryInCents, 4_000_00);
  // 2022-2023 has not ended: it counts with what is planned (8000) against 8000 + 4000.
  assert.equal(y2!.carryOutCents, 4_000_00);
  assert.equal(y3!.carryInCents, 4_000_00);
  assert.equal(y4!.carryOutCents, 4_000_00);
  assert.equal(o.warnings.atRiskCents, 4_000_00);
  assert.equal(o.warnings.deadlinePassed, false);
  assert.deepEqual(o.warnings.overPlannedYears, []);
  assert.equal(o.total.availableCents, 17_000_00);
  assert.equal(o.total.plannedCents, 14_000_00);
  assert.equal(o.total.committedCents, 6_000_00);
  assert.equal(o.total.spentCents, 5_000_00);
  assert.equal(needsAttention(o), true);
});

test('a year that plans beyond what it has is over-planned, and so is a plan beyond all the money', () => {
  const o = computeBudgetOverview({
    years,
    lines: [
      line(10, 1, 'eigen-personeel', 9_500_00),
      line(11, 2, 'extern-personeel', 7_000_00),
      line(12, 3, 'eigen-personeel', 1_000_00),
    ],
    spent: [],
    interventions,
    today: '2021-10-01',
    spendUntil: '2025-07-31',
  });
  // 2021-2022: 9500 planned against 9000; 2022-2023 then has 8000 − 500 = 7500 for 7000 planned.
  assert.deepEqual(o.warnings.overPlannedYears, [{ label: '2021-2022', cents: 500_00 }]);
  // A shortfall is not carried over: 2022-2023 starts from 0 and keeps 1000 for 2023-2024.
  assert.equal(o.years[0]!.carryOutCents, -500_00);
  assert.equal(o.years[1]!.carryInCents, 0);
  assert.equal(o.years[2]!.carryInCents, 1_000_00);
  assert.equal(o.years[1]!.overPlannedCents, 0);
  assert.equal(o.warnings.overPlannedTotalCents, 500_00);
  assert.equal(o.warnings.atRiskCents, 0);
});

test('the PNIL share of planned and spent, per cost type, intervention and category', () => {
  const o = computeBudgetOverview({
    years,
    lines: [
      line(10, 1, 'eigen-personeel', 3_000_00),
      line(11, 1, 'extern-personeel', 1_000_00),
      line(12, 2, 'extern-personeel', 4_000_00),
    ],
    spent: [
      { planInterventionId: 11, schoolYearId: 1, costType: 'extern-personeel', amountCents: 600_00 },
      { planInterventionId: 10, schoolYearId: 1, costType: 'eigen-personeel', amountCents: 1_400_00 },
      // A correction takes money back.
      { planInterventionId: 11, schoolYearId: 1, costType: 'extern-personeel', amountCents: -100_00 },
    ],
    interventions,
    today: '2022-01-01',
    spendUntil: '2025-07-31',
  });
  assert.equal(o.pnil.plannedCents, 5_000_00);
  assert.equal(o.pnil.plannedShareBp, 6250);
  assert.equal(o.pnil.spentCents, 500_00);
  assert.equal(o.pnil.spentShareBp, Math.round((500 * 10_000) / 1900));
  assert.equal(formatShare(o.pnil.plannedShareBp), '62,5%');
  assert.deepEqual(
    o.perIntervention.map((i) => [i.code, i.plannedCents, i.spentCents]),
    [
      ['B6', 3_000_00, 1_400_00],
      ['B2', 1_000_00, 500_00],
      ['D1', 4_000_00, 0],
    ],
  );
  assert.deepEqual(
    o.perCategory.map((c) => [c.categoryCode, c.plannedCents, c.spentCents]),
    [
      ['B', 4_000_00, 1_900_00],
      ['D', 4_000_00, 0],
    ],
  );
  assert.equal(o.perCostType.find((c) => c.costType === 'overig')!.plannedCents, 0);
  assert.equal(shareBp(1, 0), null);
  assert.equal(formatShare(null), '–');
});

test('after the deadline what is left is lost; an unknown allocation is named and counted as 0', () => {
  const o = computeBudgetOverview({
    years: [{ ...years[0]!, allocationCents: null }, ...years.slice(1)],
    lines: [line(10, 2, 'eigen-personeel', 2_000_00)],
    spent: [{ planInterventionId: 10, schoolYearId: 2, costType: 'eigen-personeel', amountCents: 2_000_00 }],
    interventions,
    today: '2025-09-01',
    spendUntil: '2025-07-31',
  });
  assert.equal(o.warnings.deadlinePassed, true);
  assert.deepEqual(o.warnings.unknownAllocationYears, ['2021-2022']);
  // 2021-2022 is short (reserved without a known allocation); 8000 − 2000 spent is left.
  assert.equal(o.years[0]!.carryOutCents, -1_000_00);
  assert.equal(o.warnings.atRiskCents, 6_000_00);
  assert.equal(
    o.years.every((y) => y.ended),
    true,
  );
});

test('a plan that uses exactly what there is needs no attention', () => {
  const o = computeBudgetOverview({
    years: years.slice(0, 1),
    lines: [line(10, 1, 'eigen-personeel', 9_000_00)],
    spent: [],
    interventions,
    today: '2021-10-01',
    spendUntil: '2025-07-31',
  });
  assert.equal(o.warnings.atRiskCents, 0);
  assert.equal(needsAttention(o), false);
});

test('the grid reads every cell in Dutch notation, all or nothing, with a message per bad cell', () => {
  const ys = [{ schoolYearId: 1, label: '2021-2022' }];
  const ok = parseBudgetGrid(
    { 'gepland-1-eigen-personeel': '1.234,56', 'vastgelegd-1-eigen-personeel': '€ 500' },
    ys,
  );
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.cells.length, 5);
    assert.deepEqual(ok.cells[0], {
      schoolYearId: 1,
      costType: 'eigen-personeel',
      plannedCents: 123456,
      committedCents: 50000,
    });
    assert.equal(ok.cells[4]!.plannedCents, 0);
  }
  const bad = parseBudgetGrid(
    {
      'gepland-1-eigen-personeel': 'veel',
      'gepland-1-extern-personeel': '-10',
      'gepland-1-overig': '10.000.000,01',
      'vastgelegd-1-overig': '10.000.000',
    },
    ys,
  );
  assert.ok(!bad.ok);
  if (!bad.ok) {
    assert.deepEqual(Object.keys(bad.errors).sort(), [
      'gepland-1-eigen-personeel',
      'gepland-1-extern-personeel',
      'gepland-1-overig',
    ]);
    assert.match(
      bad.errors['gepland-1-eigen-personeel']!,
      /Begroot 2021-2022, eigen personeel: vul een bedrag in euro's in/,
    );
    assert.match(bad.errors['gepland-1-extern-personeel']!, /niet negatief/);
    assert.match(bad.errors['gepland-1-overig']!, /meer dan €\s10\.000\.000,00/);
  }
  assert.equal(centsToInput(123456789), '1.234.567,89');
  assert.equal(centsToInput(50000), '500');
  assert.equal(centsToInput(0), '');
});
