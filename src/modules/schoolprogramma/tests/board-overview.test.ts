// The board overview's figures and words (services/board-overview.ts) and the evaluation form's
// rules (services/evaluation.ts), without a database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  budgetOf,
  buildOverview,
  consentText,
  flagText,
  planText,
  scanStatusText,
  schoolYears,
} from '../services/board-overview.ts';
import { latestDecision, parseDay, parseEvaluation } from '../services/evaluation.ts';
import type { MoneyRow, SchoolStatusRow } from '../repository/board-overview.ts';

const school = (id: number, over: Partial<SchoolStatusRow> = {}): SchoolStatusRow => ({
  id,
  name: `School ${id}`,
  code: null,
  scanStatus: null,
  planId: id * 10,
  versionNumber: null,
  decision: null,
  ...over,
});
const money = (
  schoolId: number,
  schoolYearId: number,
  category: string,
  planned: number,
  spent = 0,
): MoneyRow => ({
  schoolId,
  schoolYearId,
  category,
  plannedCents: planned,
  committedCents: 0,
  spentCents: spent,
});

test('status words: scan, plan and consent of the latest version', () => {
  assert.equal(scanStatusText(null), 'Geen scan');
  assert.equal(scanStatusText('concept'), 'In bewerking');
  assert.equal(scanStatusText('afgerond'), 'Afgerond');
  assert.equal(consentText(null, null), 'Nog niet ingediend');
  assert.equal(consentText(2, null), 'Wacht op de MR');
  assert.equal(consentText(2, 'instemming'), 'Instemming');
  assert.equal(consentText(1, 'geen-instemming'), 'Geen instemming');
  assert.equal(planText({ planId: null, versionNumber: null }), 'Geen plan');
  assert.equal(planText({ planId: 3, versionNumber: null }), 'Concept, nooit ingediend');
  assert.equal(planText({ planId: 3, versionNumber: 4 }), 'Versie 4');
});

test('available is allocated minus reserved; planning beyond it is flagged with the amount in words', () => {
  const m = { plannedCents: 120_000_00, committedCents: 0, spentCents: 0 };
  const b = budgetOf(m, [
    { allocatedCents: 80_000_00, reservedCents: 5_000_00 },
    { allocatedCents: 50_000_00, reservedCents: 0 },
  ]);
  assert.equal(b.allocatedCents, 130_000_00);
  assert.equal(b.availableCents, 125_000_00);
  assert.equal(b.overCents, 0);
  assert.equal(flagText(b), 'Binnen het budget');
  const over = budgetOf(m, [{ allocatedCents: 100_000_00, reservedCents: 10_000_00 }]);
  assert.equal(over.overCents, 30_000_00);
  assert.match(flagText(over), /^Te veel gepland: €\s30\.000,00 meer dan beschikbaar$/);
  // Exactly the available amount is not over-planning.
  assert.equal(
    budgetOf({ ...m, plannedCents: 90_000_00 }, [{ allocatedCents: 100_000_00, reservedCents: 10_000_00 }])
      .overCents,
    0,
  );
});

test('an unknown allocation is never read as zero: no flag, but said in words', () => {
  const b = budgetOf({ plannedCents: 5_00, committedCents: 0, spentCents: 0 }, [
    { allocatedCents: null, reservedCents: 0 },
  ]);
  assert.equal(b.allocatedCents, null);
  assert.equal(b.availableCents, null);
  assert.equal(b.overCents, 0);
  assert.equal(flagText(b), 'Toekenning nog onbekend');
  assert.equal(
    flagText(budgetOf({ plannedCents: 0, committedCents: 0, spentCents: 0 }, [])),
    'Niets gepland',
  );
});

test('the overview sums each school over years and categories, totals per category A–F, and counts the signals', () => {
  const o = buildOverview(
    [
      school(1, { versionNumber: 2 }),
      school(2, { versionNumber: 1, decision: 'instemming' }),
      school(3, { planId: null }),
    ],
    [
      money(1, 11, 'A', 60_000_00, 1_000_00),
      money(1, 12, 'A', 30_000_00),
      money(1, 12, 'B', 20_000_00, 2_500_00),
      money(2, 11, 'B', 10_000_00, -500),
      money(99, 11, 'A', 1), // another board's school: ignored
    ],
    [
      { schoolId: 1, schoolYearId: 11, allocatedCents: 50_000_00, reservedCents: 0 },
      { schoolId: 1, schoolYearId: 12, allocatedCents: 50_000_00, reservedCents: 2_000_00 },
      { schoolId: 2, schoolYearId: 11, allocatedCents: 40_000_00, reservedCents: 0 },
    ],
  );
  const [a, b, c] = o.schools;
  assert.equal(a!.budget.plannedCents, 110_000_00);
  assert.equal(a!.budget.spentCents, 3_500_00);
  assert.equal(a!.budget.availableCents, 98_000_00);
  assert.equal(a!.budget.overCents, 12_000_00);
  assert.deepEqual(a!.byCategory.A, { plannedCents: 90_000_00, committedCents: 0, spentCents: 1_000_00 });
  assert.equal(b!.budget.spentCents, -500, 'a correction counts negative');
  assert.equal(b!.budget.overCents, 0);
  assert.equal(c!.budget.plannedCents, 0);
  assert.equal(c!.budget.allocatedCents, null);
  assert.deepEqual(o.categories.A, { plannedCents: 90_000_00, committedCents: 0, spentCents: 1_000_00 });
  assert.deepEqual(o.categories.B, {
    plannedCents: 30_000_00,
    committedCents: 0,
    spentCents: 2_500_00 - 500,
  });
  assert.equal(o.total.plannedCents, 120_000_00);
  assert.equal(o.total.allocatedCents, 140_000_00);
  assert.equal(o.total.availableCents, 138_000_00);
  assert.equal(o.waitingForConsent, 1);
  assert.equal(o.overPlanned, 1);
});

test('the drill-down flags each school year on its own', () => {
  const lines = schoolYears(
    [
      { id: 11, label: '2021-2022' },
      { id: 12, label: '2022-2023' },
    ],
    [money(1, 11, 'A', 60_000_00), money(1, 12, 'A', 10_000_00)],
    [
      { schoolId: 1, schoolYearId: 11, allocatedCents: 50_000_00, reservedCents: 0 },
      { schoolId: 1, schoolYearId: 12, allocatedCents: 50_000_00, reservedCents: 0 },
    ],
  );
  assert.equal(lines[0]!.budget.overCents, 10_000_00);
  assert.match(lines[0]!.flagText, /Te veel gepland/);
  assert.equal(lines[1]!.flagText, 'Binnen het budget');
});

const options = [{ href: '/scholen/1/schoolscan/12', label: 'Schoolscan 2022-2023 (afgerond)' }];
const good = { datum: '14-6-2022', resultaten: 'Groei.', links: [], besluit: 'doorgaan', reden: 'Werkt.' };

test('an evaluation: a date from the start of the intervention to today, results, known links, a decision with a reason', () => {
  assert.equal(parseDay('14-6-2022'), '2022-06-14');
  assert.equal(parseDay('2022-06-14'), '2022-06-14');
  assert.equal(parseDay('31-2-2022'), null);
  const ok = parseEvaluation(
    { ...good, links: [options[0]!.href, options[0]!.href] },
    options,
    '2021-10-01',
    '2026-11-30',
  );
  assert.deepEqual(ok, {
    ok: true,
    value: {
      evaluatedOn: '2022-06-14',
      results: 'Groei.',
      links: options,
      decision: 'doorgaan',
      reason: 'Werkt.',
    },
  });
  const noDecision = parseEvaluation(
    { ...good, besluit: '', reden: '' },
    options,
    '2021-10-01',
    '2026-11-30',
  );
  assert.ok(noDecision.ok && noDecision.value.decision === null);
  const errors = (input: Partial<typeof good>, today = '2026-11-30') => {
    const r = parseEvaluation({ ...good, ...input }, options, '2021-10-01', today);
    return r.ok ? {} : r.errors;
  };
  assert.match(errors({ datum: '' }).datum!, /Vul de datum/);
  assert.match(errors({ datum: 'gisteren' }).datum!, /dag-maand-jaar/);
  assert.match(errors({ datum: '1-9-2021' }).datum!, /vóór de start/);
  assert.match(errors({ datum: '1-1-2027' }).datum!, /toekomst/);
  assert.match(errors({ resultaten: '  ' }).resultaten!, /Beschrijf de resultaten/);
  assert.match(errors({ resultaten: 'x'.repeat(5001) }).resultaten!, /5000 tekens/);
  assert.match(errors({ links: ['/scholen/2/schoolscan/12'] } as never).links!, /eigen school/);
  assert.match(errors({ besluit: 'misschien' }).besluit!, /Kies doorgaan/);
  assert.match(errors({ reden: ' ' }).reden!, /waarom/);
  assert.match(errors({ besluit: '' }).besluit!, /geen besluit/);
});

test('the latest decision is the newest dated evaluation with a decision', () => {
  const rows = [
    { id: 1, evaluated_on: '2022-06-14', decision: 'doorgaan' as const },
    { id: 2, evaluated_on: '2023-06-14', decision: null },
    { id: 3, evaluated_on: '2022-12-01', decision: 'bijstellen' as const },
    { id: 4, evaluated_on: '2022-12-01', decision: 'stoppen' as const },
  ];
  assert.equal(latestDecision(rows)?.id, 4);
  assert.equal(latestDecision([]), undefined);
});
