// The pure rules of the national verantwoording data: profiles near the monitor's figures, answers
// that fit any definition (core keys by meaning, conditions respected), exact money splits and
// the calendar-year figures of an annual report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDefinition } from '../../verantwoording/tests/kit.ts';
import { answerRows } from '../../verantwoording/services/answer-rows.ts';
import { definitionSchema, menuCategories } from '../../verantwoording/services/definition.ts';
import { earlierAnswers, generateAnswers } from '../../verantwoording/services/national-answers.ts';
import {
  menuFor,
  schoolYearProfile,
  splitCents,
  type MenuChoice,
  type SectorGroup,
} from '../../verantwoording/services/national-profile.ts';
import { reportFigures } from '../../verantwoording/services/national-report.ts';
import { streamOf } from '../../verantwoording/services/national-generate.ts';

const all = ['PO', 'VO', '(V)SO'];
const menu: MenuChoice[] = [
  { code: 'A2', category: 'A', sectors: all },
  { code: 'B3', category: 'B', sectors: all },
  { code: 'B10', category: 'B', sectors: ['PO', '(V)SO'] },
  { code: 'B12', category: 'B', sectors: ['VO', '(V)SO'] },
  { code: 'C1', category: 'C', sectors: all },
  { code: 'C2', category: 'C', sectors: all },
  { code: 'D1', category: 'D', sectors: all },
  { code: 'E2', category: 'E', sectors: all },
  { code: 'F4', category: 'F', sectors: all },
];

function profiles(group: SectorGroup, n: number) {
  return Array.from({ length: n }, (_, i) =>
    schoolYearProfile(streamOf(1, `${group}:${i}`), { group, menu, budgetCents: 10_000_000, yearIndex: 1 }),
  );
}
const share = <T>(list: T[], f: (x: T) => boolean) => list.filter(f).length / list.length;

test('profiles come near the implementation monitor: scan, MR consent and the most chosen interventions', () => {
  const po = profiles('po', 4000);
  const vo = profiles('vo', 4000);
  const vso = profiles('vso', 4000);
  const near = (actual: number, expected: number) =>
    assert.ok(Math.abs(actual - expected) < 0.025, `${actual.toFixed(3)} is not near ${expected}`);
  near(
    share(po, (p) => p.scanDone),
    0.95,
  );
  near(
    share(po, (p) => p.mrConsent),
    0.86,
  );
  near(
    share(vo, (p) => p.mrConsent),
    0.78,
  );
  near(
    share(vso, (p) => p.mrConsent),
    0.83,
  );
  near(
    share(po, (p) => p.interventions.includes('B3')),
    0.86,
  );
  near(
    share(po, (p) => p.interventions.includes('E2')),
    0.74,
  );
  near(
    share(po, (p) => p.interventions.includes('C1')),
    0.72,
  );
  near(
    share(vo, (p) => p.interventions.includes('C1')),
    0.92,
  );
  near(
    share(vo, (p) => p.interventions.includes('C2')),
    0.8,
  );
  // Only interventions the menu offers the sector.
  assert.ok(po.every((p) => !p.interventions.includes('B12')));
  assert.ok(vo.every((p) => !p.interventions.includes('B10')));
  assert.ok([...po, ...vo].every((p) => p.interventions.length > 0 && p.domains.length > 0));
  assert.deepEqual(
    menuFor(menu, 'vo').map((m) => m.code),
    ['A2', 'B3', 'B12', 'C1', 'C2', 'D1', 'E2', 'F4'],
  );
});

test("a profile's money is its year's share of the budget, split exactly over A–F", () => {
  for (const p of profiles('po', 200)) {
    assert.deepEqual(Object.keys(p.spent), [...menuCategories]);
    const total = Object.values(p.spent).reduce((a, b) => a + b, 0);
    assert.ok(total >= 0.8 * 0.3 * 10_000_000 - 1 && total <= 0.3 * 10_000_000 + 1, String(total));
    assert.ok(Object.values(p.spent).every((c) => Number.isInteger(c) && c >= 0));
    assert.ok(p.pnilPercent >= 0 && p.pnilPercent <= 40);
  }
  assert.deepEqual(splitCents(100, { A: 1, B: 1, C: 1 }), { A: 33, B: 33, C: 34 });
  assert.deepEqual(splitCents(0, { A: 1, B: 2 }), { A: 0, B: 0 });
});

test('answers fit the definition: core keys by meaning, conditions respected, the same for a stream', () => {
  const list = [...profiles('po', 150), ...profiles('vo', 150)];
  for (const [i, p] of list.entries()) {
    const a = generateAnswers(testDefinition, p, streamOf(7, `a:${i}`));
    assert.equal(a['schoolscan-gedaan'], p.scanDone ? 'ja' : 'nee');
    // bronnen is shown only after a 'ja' on the scan, and then required.
    assert.equal('bronnen' in a, p.scanDone);
    assert.deepEqual(a.interventies, p.interventions);
    assert.equal(a['mr-instemming'], p.mrConsent ? 'ja' : 'nee');
    for (const key of ['aandachtsgebieden', 'team-betrokken']) assert.ok(key in a, key);
    if ('besteding' in a) assert.deepEqual(a.besteding, p.spent);
    if ('uren-extra' in a) assert.ok(Number(a['uren-extra']) >= 0 && Number(a['uren-extra']) <= 1000);
    assert.deepEqual(generateAnswers(testDefinition, p, streamOf(7, `a:${i}`)), a);
    // The rows the monitor counts come from the same answers.
    const rows = answerRows(testDefinition, a);
    assert.equal(rows.filter((r) => r.question_key === 'interventies').length, p.interventions.length);
    const first = earlierAnswers(testDefinition, a);
    assert.ok(!('toelichting' in first) && 'interventies' in first);
  }
});

test('a definition without the core keys is answered by type', () => {
  const definition = definitionSchema.parse({
    sections: [
      {
        key: 'eigen',
        title: 'Eigen vragen',
        questions: [
          { key: 'tevreden', type: 'ja-nee', label: 'Tevreden?', required: true },
          {
            key: 'waarom',
            type: 'meer-keuze',
            label: 'Waarom niet?',
            required: true,
            condition: { question: 'tevreden', oneOf: ['nee'] },
            options: [
              { value: 'tijd', label: 'Tijd' },
              { value: 'personeel', label: 'Personeel' },
            ],
          },
          { key: 'uren', type: 'getal', label: 'Uren', required: true, min: 2, max: 4 },
          { key: 'kosten', type: 'bedrag', label: 'Kosten', required: true },
          { key: 'verdeling', type: 'bedragen-per-categorie', label: 'Verdeling', required: true },
        ],
      },
    ],
  });
  const [p] = profiles('po', 1);
  for (let i = 0; i < 100; i++) {
    const a = generateAnswers(definition, p!, streamOf(3, String(i)));
    assert.ok(a.tevreden === 'ja' || a.tevreden === 'nee');
    assert.equal('waarom' in a, a.tevreden === 'nee');
    assert.ok([2, 3, 4].includes(a.uren as number));
    assert.ok(Number.isInteger(a.kosten) && (a.kosten as number) % 100 === 0);
    assert.deepEqual(Object.keys(a.verdeling as object), [...menuCategories]);
  }
});

test('a calendar year takes 7/12 of the school year ending in it and 5/12 of the one starting', () => {
  const p = profiles('po', 2);
  const school = {
    id: 1,
    code: 'X1',
    name: 'School X',
    years: new Map([
      [2021, p[0]!],
      [2022, p[1]!],
    ]),
  };
  const figures = (year: number) =>
    reportFigures(
      year,
      [school],
      menu,
      new Map([['A', 'Meer onderwijs']]),
      streamOf(1, 'r'),
      '2023-05-01T10:00:00.000Z',
    );
  const f2022 = figures(2022);
  for (const c of menuCategories)
    assert.equal(
      f2022.schools[0]!.spentCents[c],
      Math.round((p[0]!.spent[c]! * 7) / 12) + Math.round((p[1]!.spent[c]! * 5) / 12),
    );
  const f2021 = figures(2021);
  assert.equal(f2021.schools[0]!.spentCents.A, Math.round((p[0]!.spent.A! * 5) / 12));
  assert.equal(figures(2030).schools.length, 0);
  // The report part's shape: per category, totals that add up, consent and scan per school.
  assert.equal(f2022.totals.schools, 1);
  assert.deepEqual(
    f2022.perCategory.map((c) => c.code),
    [...menuCategories],
  );
  assert.equal(
    f2022.perCategory.reduce((t, c) => t + c.spentCents, 0),
    f2022.totals.spentCents,
  );
  assert.equal(f2022.categories[0]!.name, 'Meer onderwijs');
  const s = f2022.schools[0]!;
  assert.equal(s.scan, p[0]!.scanDone ? '2021-2022' : null);
  assert.equal(s.consent.status === 'instemming', p[0]!.mrConsent);
  assert.equal(s.interventions, new Set([...p[0]!.interventions, ...p[1]!.interventions]).size);
  assert.ok(s.plannedTotal >= s.spentTotal);
  assert.equal(s.externalSpentCents, Math.round((s.spentTotal * p[0]!.pnilPercent) / 100));
  assert.equal(f2021.totals.evaluations, 0);
});

test("the generator's streams are the people step's, so a sample picks the same schools", async () => {
  const people = await import('../services/people.ts');
  for (const key of ['keuze:00AA00', 'keuze:12XY03', 'x'])
    for (const seed of [0, 7, 20210521]) {
      const a = streamOf(seed, key);
      const b = people.streamOf(seed, key);
      assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
    }
});
