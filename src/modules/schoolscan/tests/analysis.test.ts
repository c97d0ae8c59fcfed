// The analysis rules, on hand-made cohorts: baseline selection, difference, delay in months from
// the school's own growth, level shares, small groups and every case where no conclusion fits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyse,
  defaultCurrentYear,
  inBaseline,
  minGroupSize,
  stats,
  summarise,
  type Result,
} from '../services/analysis.ts';
import { generateLvs } from '../services/generator.ts';
import { parseLvsFile } from '../services/parse/lvs-parse.ts';
import { toFlatCsv } from '../services/generator.ts';
import type { Moment } from '../tables.ts';

/** `n` pupils of a cohort: scores `mean ± spread` (alternating), with pupil ids `${prefix}${i}`. */
function cohort(o: {
  year: number;
  grade: number;
  moment: Moment;
  n: number;
  mean: number;
  spread?: number;
  prefix?: string;
  level?: (i: number) => string | null;
}): Result[] {
  return Array.from({ length: o.n }, (_, i) => ({
    pupil: `${o.prefix ?? `c${o.year - o.grade}-`}${i}`,
    grade: o.grade,
    provider: 'cito',
    subject: 'rekenen-wiskunde',
    yearStart: o.year,
    moment: o.moment,
    ability: o.mean + (i % 2 === 0 ? 1 : -1) * (o.spread ?? 2),
    level: o.level ? o.level(i) : null,
  }));
}

test('the baseline is every school year before 2020-2021 except the eind moment of 2019-2020', () => {
  assert.equal(inBaseline(2018, 'E'), true);
  assert.equal(inBaseline(2019, 'M'), true);
  assert.equal(inBaseline(2019, 'E'), false);
  assert.equal(inBaseline(2020, 'M'), false);
});

test('difference against the pooled baseline, and the delay in months from the same pupils’ growth', () => {
  // Groep 4 midden: before the pandemic the same pupils grew 10 points from E3 to M4 (2 a month).
  const results = [
    ...cohort({ year: 2017, grade: 3, moment: 'E', n: 20, mean: 40 }),
    ...cohort({ year: 2018, grade: 4, moment: 'M', n: 20, mean: 50 }),
    ...cohort({ year: 2018, grade: 3, moment: 'E', n: 20, mean: 40 }),
    ...cohort({ year: 2019, grade: 4, moment: 'M', n: 20, mean: 50 }),
    // 2020-2021: six points lower.
    ...cohort({ year: 2020, grade: 4, moment: 'M', n: 20, mean: 44 }),
  ];
  const a = analyse(results, 2020);
  const c = a.comparisons.find((x) => x.grade === 4 && x.moment === 'M')!;
  assert.equal(c.current!.n, 20);
  assert.equal(c.baseline!.n, 40);
  assert.deepEqual(c.baselineYears, [2018, 2019]);
  assert.equal(c.difference, -6);
  assert.equal(c.growth!.perMonth, 2);
  assert.equal(c.growth!.pairs, 40);
  assert.match(c.growth!.source, /vorige naar dit moment, in jaren voor 2020-2021/);
  assert.equal(c.delayMonths, 3);
  assert.equal(c.verdict, 'achter');
  assert.deepEqual(summarise(a), [
    { subject: 'rekenen-wiskunde', achter: 1, voor: 0, geenVerschil: 0, geenConclusie: 0 },
  ]);
});

test('growth falls back to the step out of this moment when there are no pairs into it', () => {
  const results = [
    ...cohort({ year: 2018, grade: 4, moment: 'M', n: 12, mean: 50, prefix: 'p' }),
    ...cohort({ year: 2018, grade: 4, moment: 'E', n: 12, mean: 65, prefix: 'p' }),
    ...cohort({ year: 2020, grade: 4, moment: 'M', n: 12, mean: 56 }),
  ];
  const c = analyse(results, 2020).comparisons.find((x) => x.moment === 'M')!;
  assert.equal(c.growth!.perMonth, 3);
  assert.match(c.growth!.source, /dit naar het volgende moment/);
  assert.equal(c.delayMonths, -2);
  assert.equal(c.verdict, 'voor');
});

test('a group under 10 pupils is too small to conclude from, whatever its numbers say', () => {
  const results = [
    ...cohort({ year: 2018, grade: 5, moment: 'E', n: 30, mean: 80 }),
    ...cohort({ year: 2020, grade: 5, moment: 'E', n: minGroupSize - 1, mean: 60 }),
  ];
  const c = analyse(results, 2020).comparisons[0]!;
  assert.equal(c.verdict, 'te-klein');
  assert.match(c.notes.join(' '), /9 leerlingen.*onder de 10/);
  assert.ok(Math.abs(c.difference! + 20) < 0.5, 'the numbers are still shown');
});

test('no conclusion without a baseline, with a baseline under 10, or without growth pairs', () => {
  const noBase = analyse(cohort({ year: 2020, grade: 6, moment: 'M', n: 15, mean: 90 }), 2020)
    .comparisons[0]!;
  assert.equal(noBase.verdict, 'geen-basis');
  assert.equal(noBase.difference, null);
  assert.equal(noBase.delayMonths, null);

  const smallBase = analyse(
    [
      ...cohort({ year: 2018, grade: 6, moment: 'M', n: 6, mean: 95 }),
      ...cohort({ year: 2020, grade: 6, moment: 'M', n: 15, mean: 90 }),
    ],
    2020,
  ).comparisons[0]!;
  assert.equal(smallBase.verdict, 'basis-te-klein');
  assert.match(smallBase.notes.join(' '), /één eerdere jaargang/);

  const noGrowth = analyse(
    [
      ...cohort({ year: 2018, grade: 6, moment: 'M', n: 15, mean: 100 }),
      ...cohort({ year: 2020, grade: 6, moment: 'M', n: 15, mean: 90 }),
    ],
    2020,
  ).comparisons[0]!;
  assert.equal(noGrowth.verdict, 'achter');
  assert.equal(noGrowth.delayMonths, null);
  assert.match(noGrowth.notes.join(' '), /niet te schatten/);
});

test('a difference within twice its standard error is no clear difference', () => {
  const results = [
    ...cohort({ year: 2018, grade: 7, moment: 'M', n: 12, mean: 100, spread: 15 }),
    ...cohort({ year: 2020, grade: 7, moment: 'M', n: 12, mean: 97, spread: 15 }),
  ];
  const c = analyse(results, 2020).comparisons[0]!;
  assert.ok(c.standardError! > 1.5);
  assert.equal(c.verdict, 'geen-duidelijk-verschil');
});

test('shares per level now against the baseline, on the scale the current cohort uses', () => {
  const lv = (i: number) => (i < 5 ? 'I' : i < 10 ? 'III' : 'V');
  const results = [
    ...cohort({ year: 2018, grade: 4, moment: 'E', n: 20, mean: 60, level: (i) => (i < 10 ? 'I' : 'III') }),
    ...cohort({ year: 2020, grade: 4, moment: 'E', n: 20, mean: 55, level: lv }),
  ];
  const c = analyse(results, 2020).comparisons[0]!;
  assert.equal(c.levelScale, 'IV');
  assert.deepEqual(
    c.levels.map((l) => [l.level, l.current, l.baseline]),
    [
      ['I', 0.25, 0.5],
      ['II', 0, 0],
      ['III', 0.25, 0.5],
      ['IV', 0, 0],
      ['V', 0.5, 0],
    ],
  );
});

test('providers are never mixed, and comparisons are ordered by subject, group and moment', () => {
  const iep = cohort({ year: 2020, grade: 4, moment: 'M', n: 12, mean: 200 }).map((r) => ({
    ...r,
    provider: 'iep',
  }));
  const a = analyse(
    [
      ...cohort({ year: 2020, grade: 5, moment: 'E', n: 12, mean: 50 }),
      ...cohort({ year: 2020, grade: 5, moment: 'M', n: 12, mean: 45 }),
      ...iep,
    ],
    2020,
  );
  assert.deepEqual(
    a.comparisons.map((c) => `${c.provider} ${c.grade}${c.moment}`),
    ['cito 5M', 'cito 5E', 'iep 4M'],
  );
});

test('the default data year is the newest one not after the scan’s year', () => {
  assert.equal(defaultCurrentYear([2017, 2018, 2020, 2022], 2021), 2020);
  assert.equal(defaultCurrentYear([2022, 2023], 2021), 2022);
  assert.equal(defaultCurrentYear([], 2021), null);
  assert.deepEqual(stats([2, 4]), { n: 2, mean: 3, sd: Math.SQRT2 });
});

test('on generated data the analysis finds the dip of 2020-2021 and the recovery after it', () => {
  const csv = toFlatCsv(generateLvs({ pupils: 400, fromYear: 2016, toYear: 2023, seed: 7 }));
  const parsed = parseLvsFile(Buffer.from(csv));
  assert.ok(parsed.ok);
  const results = parsed.rows.map((r) => ({ ...r, pupil: r.pupilKey }));
  const mean = (year: number) => {
    const cs = analyse(results, year).comparisons.filter((c) => c.delayMonths !== null);
    return cs.reduce((s, c) => s + c.delayMonths!, 0) / cs.length;
  };
  const dip = mean(2020);
  const later = mean(2023);
  assert.ok(dip > 1.2 && dip < 4, `dip ${dip}`);
  assert.ok(later < dip / 2, `recovery ${later} vs ${dip}`);
});
