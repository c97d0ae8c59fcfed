// Growth of the same pupils between consecutive moments, on hand-made cohorts: pairing by pupil,
// the two kinds of step (M→E in a group, E→M into the next group), the baseline pairs, too few
// pairs, a missing baseline, and the generated school with its dip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Result } from '../services/analysis.ts';
import { growthOfSamePupils, stepInto } from '../services/growth.ts';
import { generateLvs, toFlatCsv } from '../services/generator.ts';
import { parseLvsFile } from '../services/parse/lvs-parse.ts';
import type { Moment } from '../tables.ts';

/** `n` pupils `${prefix}${i}` at one moment; scores `mean ± 1` alternating. */
function at(o: {
  prefix: string;
  n: number;
  year: number;
  grade: number;
  moment: Moment;
  mean: number;
  subject?: string;
  provider?: string;
}): Result[] {
  return Array.from({ length: o.n }, (_, i) => ({
    pupil: `${o.prefix}${i}`,
    grade: o.grade,
    provider: o.provider ?? 'cito',
    subject: o.subject ?? 'rekenen-wiskunde',
    yearStart: o.year,
    moment: o.moment,
    ability: o.mean + (i % 2 === 0 ? 1 : -1) * (1 + (i % 3)),
    level: null,
  }));
}

test('the step into eind is midden of the same group; into midden, eind of the group before a year earlier', () => {
  assert.deepEqual(stepInto({ grade: 4, moment: 'E' }), { grade: 4, moment: 'M', yearsBack: 0 });
  assert.deepEqual(stepInto({ grade: 5, moment: 'M' }), { grade: 4, moment: 'E', yearsBack: 1 });
});

test('M→E within a group: mean gain of the same pupils now against the pre-pandemic pairs', () => {
  const results = [
    // Baseline 2018-2019: the same 20 pupils grow 10 points from M4 to E4.
    ...at({ prefix: 'a', n: 20, year: 2018, grade: 4, moment: 'M', mean: 50 }),
    ...at({ prefix: 'a', n: 20, year: 2018, grade: 4, moment: 'E', mean: 60 }),
    // 2020-2021: they grow only 4 points.
    ...at({ prefix: 'c', n: 20, year: 2020, grade: 4, moment: 'M', mean: 46 }),
    ...at({ prefix: 'c', n: 20, year: 2020, grade: 4, moment: 'E', mean: 50 }),
  ];
  const g = growthOfSamePupils(results, 2020);
  const step = g.steps.find((s) => s.to.grade === 4 && s.to.moment === 'E')!;
  assert.deepEqual(step.from, { grade: 4, moment: 'M' });
  assert.equal(step.now!.n, 20);
  assert.ok(Math.abs(step.now!.mean - 4) < 1e-9);
  assert.equal(step.before!.n, 20);
  assert.ok(Math.abs(step.before!.mean - 10) < 1e-9);
  assert.ok(Math.abs(step.difference! + 6) < 1e-9);
  assert.deepEqual(step.baselineYears, [2018]);
  assert.equal(step.tooFewPairs, false);
  assert.equal(step.verdict, 'minder-groei');
  assert.ok(step.notes.some((n) => /één eerdere jaargang/.test(n)));
});

test('E→M into the next group pairs eind of one year with midden of the next; the eind of 2019-2020 is no baseline', () => {
  const results = [
    // E4 2018 → M5 2019: both in the baseline (12 points).
    ...at({ prefix: 'a', n: 12, year: 2018, grade: 4, moment: 'E', mean: 60 }),
    ...at({ prefix: 'a', n: 12, year: 2019, grade: 5, moment: 'M', mean: 72 }),
    // E4 2019 (after the closures) → M5 2020: neither baseline nor now (now is 2021).
    ...at({ prefix: 'b', n: 12, year: 2019, grade: 4, moment: 'E', mean: 55 }),
    ...at({ prefix: 'b', n: 12, year: 2020, grade: 5, moment: 'M', mean: 60 }),
    // E4 2020 → M5 2021: now (8 points).
    ...at({ prefix: 'c', n: 12, year: 2020, grade: 4, moment: 'E', mean: 60 }),
    ...at({ prefix: 'c', n: 12, year: 2021, grade: 5, moment: 'M', mean: 68 }),
  ];
  const step = growthOfSamePupils(results, 2021).steps.find((s) => s.to.grade === 5 && s.to.moment === 'M')!;
  assert.deepEqual(step.from, { grade: 4, moment: 'E' });
  assert.equal(step.now!.n, 12);
  assert.ok(Math.abs(step.now!.mean - 8) < 1e-9);
  assert.equal(step.before!.n, 12, 'only the 2018 → 2019 pairs; not the pairs from the eind of 2019-2020');
  assert.ok(Math.abs(step.before!.mean - 12) < 1e-9);
  assert.deepEqual(step.baselineYears, [2019]);
});

test('pairs are matched by pupil: other pupils at the earlier moment do not count, and the note says how many are missing', () => {
  const results = [
    ...at({ prefix: 'a', n: 15, year: 2018, grade: 6, moment: 'M', mean: 80 }),
    ...at({ prefix: 'a', n: 15, year: 2018, grade: 6, moment: 'E', mean: 85 }),
    // Now: 12 pupils at M6, of whom 12 again at E6, plus 5 new pupils only at E6.
    ...at({ prefix: 'c', n: 12, year: 2021, grade: 6, moment: 'M', mean: 78 }),
    ...at({ prefix: 'c', n: 12, year: 2021, grade: 6, moment: 'E', mean: 83 }),
    ...at({ prefix: 'new', n: 5, year: 2021, grade: 6, moment: 'E', mean: 10 }),
  ];
  const step = growthOfSamePupils(results, 2021).steps.find((s) => s.to.moment === 'E')!;
  assert.equal(step.now!.n, 12);
  assert.ok(Math.abs(step.now!.mean - 5) < 1e-9, 'the new pupils’ low scores do not lower the growth');
  assert.ok(step.notes.some((n) => n.startsWith('5 van de 17 leerlingen')));
});

test('a pupil in the same group twice (repeated a year) is not a pair of consecutive moments', () => {
  const results = [
    ...at({ prefix: 'r', n: 10, year: 2020, grade: 4, moment: 'E', mean: 60 }),
    // Other pupils were tested at E3 that year, so the step E3 → M4 exists.
    ...at({ prefix: 'x', n: 10, year: 2020, grade: 3, moment: 'E', mean: 40 }),
    // The same pupils a year later, again in group 4: M4 is not the moment after E4.
    ...at({ prefix: 'r', n: 10, year: 2021, grade: 4, moment: 'M', mean: 62 }),
  ];
  const g = growthOfSamePupils(results, 2021);
  const step = g.steps.find((s) => s.to.grade === 4 && s.to.moment === 'M')!;
  assert.equal(step.now, null);
  assert.equal(step.verdict, 'te-weinig-paren');
  assert.match(step.notes[0]!, /Geen enkele leerling heeft een uitslag op beide momenten/);
});

test('under 10 pairs now is flagged and gives no conclusion, in words', () => {
  const results = [
    ...at({ prefix: 'a', n: 20, year: 2018, grade: 4, moment: 'M', mean: 50 }),
    ...at({ prefix: 'a', n: 20, year: 2018, grade: 4, moment: 'E', mean: 60 }),
    ...at({ prefix: 'c', n: 9, year: 2020, grade: 4, moment: 'M', mean: 46 }),
    ...at({ prefix: 'c', n: 9, year: 2020, grade: 4, moment: 'E', mean: 40 }),
  ];
  const step = growthOfSamePupils(results, 2020).steps[0]!;
  assert.equal(step.now!.n, 9);
  assert.equal(step.tooFewPairs, true);
  assert.equal(step.verdict, 'te-weinig-paren');
  assert.match(step.notes[0]!, /Maar 9 leerlingen hebben een uitslag op beide momenten; onder de 10/);
});

test('under 10 baseline pairs, or none, gives no conclusion and says why', () => {
  const now = [
    ...at({ prefix: 'c', n: 20, year: 2020, grade: 4, moment: 'M', mean: 46 }),
    ...at({ prefix: 'c', n: 20, year: 2020, grade: 4, moment: 'E', mean: 50 }),
  ];
  const none = growthOfSamePupils(now, 2020).steps[0]!;
  assert.equal(none.before, null);
  assert.equal(none.verdict, 'geen-basis');
  assert.equal(none.tooFewPairs, true);
  assert.match(none.notes[0]!, /niets om mee te vergelijken/);

  const few = growthOfSamePupils(
    [
      ...now,
      ...at({ prefix: 'a', n: 6, year: 2017, grade: 4, moment: 'M', mean: 50 }),
      ...at({ prefix: 'a', n: 6, year: 2017, grade: 4, moment: 'E', mean: 60 }),
    ],
    2020,
  ).steps[0]!;
  assert.equal(few.before!.n, 6);
  assert.equal(few.verdict, 'basis-te-klein');
  assert.match(few.notes[0]!, /maar 6 leerlingen op beide momenten getoetst/);
});

test('a difference within twice the standard error is "geen duidelijk verschil"', () => {
  const results = [
    ...at({ prefix: 'a', n: 20, year: 2018, grade: 4, moment: 'M', mean: 50 }),
    ...at({ prefix: 'a', n: 20, year: 2018, grade: 4, moment: 'E', mean: 60 }),
    ...at({ prefix: 'c', n: 20, year: 2020, grade: 4, moment: 'M', mean: 50 }),
    ...at({ prefix: 'c', n: 20, year: 2020, grade: 4, moment: 'E', mean: 60.2 }),
  ].map((r, i) => (r.moment === 'E' ? { ...r, ability: r.ability + ((i * 7) % 5) - 2 } : r));
  const step = growthOfSamePupils(results, 2020).steps[0]!;
  assert.equal(step.verdict, 'geen-duidelijk-verschil');
  assert.ok(step.standardError! > 0);
});

test('providers and subjects are kept apart, in the order of the subjects, steps in curriculum order', () => {
  const results = [
    ...at({ prefix: 's', n: 10, year: 2020, grade: 5, moment: 'M', mean: 10, subject: 'spelling' }),
    ...at({ prefix: 's', n: 10, year: 2020, grade: 5, moment: 'E', mean: 20, subject: 'spelling' }),
    ...at({ prefix: 'i', n: 10, year: 2020, grade: 5, moment: 'M', mean: 10, provider: 'iep' }),
    ...at({ prefix: 'i', n: 10, year: 2020, grade: 5, moment: 'E', mean: 90, provider: 'iep' }),
    ...at({ prefix: 'c', n: 10, year: 2020, grade: 5, moment: 'E', mean: 15 }),
    ...at({ prefix: 'c', n: 10, year: 2020, grade: 5, moment: 'M', mean: 10 }),
    ...at({ prefix: 'c', n: 10, year: 2019, grade: 4, moment: 'E', mean: 5 }),
  ];
  // No E4 of IEP or of spelling in 2019-2020: no step E4 → M5 for them.
  const g = growthOfSamePupils(results, 2020);
  assert.deepEqual(
    g.steps.map(
      (s) => `${s.subject}/${s.provider}/${s.from.moment}${s.from.grade}-${s.to.moment}${s.to.grade}`,
    ),
    [
      'rekenen-wiskunde/cito/E4-M5',
      'rekenen-wiskunde/cito/M5-E5',
      'rekenen-wiskunde/iep/M5-E5',
      'spelling/cito/M5-E5',
    ],
  );
  assert.ok(Math.abs(g.steps[2]!.now!.mean - 80) < 1e-9, 'IEP growth only from IEP scores');
});

test('on a generated school with a dip, growth into 2020-2021 is lower than before in most steps', () => {
  const csv = toFlatCsv(generateLvs({ pupils: 400, fromYear: 2016, toYear: 2021, seed: 7 }));
  const parsed = parseLvsFile(Buffer.from(csv, 'utf8'));
  assert.ok(parsed.ok);
  const results: Result[] = parsed.rows.map((r) => ({
    pupil: r.pupilKey,
    grade: r.grade,
    provider: r.provider,
    subject: r.subject,
    yearStart: r.yearStart,
    moment: r.moment,
    ability: r.ability,
    level: r.level,
  }));
  const g = growthOfSamePupils(results, 2020);
  // Per subject: M3→E3, E3→M4, …, E7→M8 (10 steps); nothing into M3 (group 2 is not tested).
  assert.equal(g.steps.length, 4 * 10);
  assert.ok(!g.steps.some((s) => s.to.grade === 3 && s.to.moment === 'M'));
  const concluded = g.steps.filter((s) => s.now && s.before);
  assert.ok(concluded.every((s) => s.now!.n >= 40 && s.before!.n >= 40));
  const lower = concluded.filter((s) => s.difference! < 0).length;
  assert.ok(lower > concluded.length / 2, `${lower} of ${concluded.length} steps grew less`);
});
