// The cognitive analysis of a school's LVS results: pure functions, no database.
//
// Per test provider × subject × group × moment, the current cohort (the pupils of that group
// at that moment in the chosen school year) is compared with the school's own earlier cohorts
// of the same group and moment from before the pandemic:
//  - the difference in mean ability score, with its standard error;
//  - an estimated delay in months: the difference divided by the growth per month that the
//    school's own pupils show between two moments (the same pupils, measured twice);
//  - the share of pupils per level (I–V or A–E) against the baseline.
// Groups under 10 pupils are flagged as too small to conclude from, and every comparison says
// when the data cannot support a conclusion.
import type { Moment } from '../tables.ts';
import { levelScales, subjects, type LevelScale } from './parse/lvs-format.ts';
import type { GrowthAnalysis } from './growth.ts';

export interface Result {
  pupil: string;
  grade: number;
  provider: string;
  subject: string;
  yearStart: number;
  moment: Moment;
  ability: number;
  level: string | null;
}

/** Fewer pupils than this in a group (now or in the baseline) is too few to conclude from. */
export const minGroupSize = 10;
/**
 * Learning months between two consecutive moments (midden → eind of a group, eind → midden of
 * the next group): the LVS convention of 10 learning months per school year, two moments a year.
 */
export const monthsPerStep = 5;
/** The first school year that is not part of the baseline (2020-2021). */
export const firstPandemicYear = 2020;

/**
 * A measurement belongs to the pre-pandemic baseline when its school year started before
 * 2020-2021, except the eind moment of 2019-2020: that was taken after the school closures of
 * spring 2020.
 */
export function inBaseline(yearStart: number, moment: Moment): boolean {
  return yearStart < firstPandemicYear && !(yearStart === firstPandemicYear - 1 && moment === 'E');
}

export interface Stats {
  n: number;
  mean: number;
  sd: number;
}

export function stats(values: number[]): Stats | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd =
    values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { n: values.length, mean, sd };
}

export interface LevelShare {
  level: string;
  current: number;
  baseline: number | null;
}

export interface Growth {
  /** Mean ability gain per learning month of the same pupils between two moments. */
  perMonth: number;
  pairs: number;
  /** Which pairs it came from, in words for the page. */
  source: string;
}

export type Verdict =
  'te-klein' | 'geen-basis' | 'basis-te-klein' | 'geen-duidelijk-verschil' | 'achter' | 'voor';

export interface Comparison {
  provider: string;
  subject: string;
  grade: number;
  moment: Moment;
  current: Stats | null;
  baseline: Stats | null;
  baselineYears: number[];
  difference: number | null;
  standardError: number | null;
  growth: Growth | null;
  delayMonths: number | null;
  /** Growth of the same pupils into this moment: this year against the baseline years. */
  growthNow: Stats | null;
  growthBefore: Stats | null;
  levelScale: LevelScale | null;
  levels: LevelShare[];
  verdict: Verdict;
  /** Why a number is missing or how careful to be, in Dutch. */
  notes: string[];
}

export interface Analysis {
  currentYear: number;
  years: number[];
  baselineYears: number[];
  comparisons: Comparison[];
  /** Growth of the same pupils between consecutive moments (services/growth.ts), when computed. */
  growth?: GrowthAnalysis;
}

const cellKey = (provider: string, subject: string, grade: number, moment: Moment) =>
  `${provider}|${subject}|${grade}|${moment}`;

/** The moment before this one: eind → midden of the same group and year; midden → eind of the group before. */
export function previousMoment(grade: number, moment: Moment, yearStart: number) {
  return moment === 'E'
    ? { grade, moment: 'M' as Moment, yearStart }
    : { grade: grade - 1, moment: 'E' as Moment, yearStart: yearStart - 1 };
}

/** The newest school year in the data that starts no later than `notAfter` (or the oldest there is). */
export function defaultCurrentYear(years: number[], notAfter: number): number | null {
  const eligible = years.filter((y) => y <= notAfter);
  if (eligible.length) return Math.max(...eligible);
  return years.length ? Math.min(...years) : null;
}

export function analyse(results: Result[], currentYear: number): Analysis {
  // Index: a pupil's score per provider, subject, year and moment (for growth pairs).
  const scoreOf = new Map<string, number>();
  const pupilKey = (pupil: string, provider: string, subject: string, yearStart: number, moment: Moment) =>
    `${pupil}|${provider}|${subject}|${yearStart}|${moment}`;
  const cells = new Map<
    string,
    { provider: string; subject: string; grade: number; moment: Moment; rows: Result[] }
  >();
  const years = new Set<number>();
  for (const r of results) {
    years.add(r.yearStart);
    scoreOf.set(pupilKey(r.pupil, r.provider, r.subject, r.yearStart, r.moment), r.ability);
    const k = cellKey(r.provider, r.subject, r.grade, r.moment);
    let c = cells.get(k);
    if (!c)
      cells.set(
        k,
        (c = { provider: r.provider, subject: r.subject, grade: r.grade, moment: r.moment, rows: [] }),
      );
    c.rows.push(r);
  }

  /**
   * Gains of the same pupils from the moment before into rows (per learning month). A row's gain
   * is looked up once and remembered: the same rows serve several candidates below.
   */
  const gainOf = new Map<Result, number | null>();
  const gainsInto = (rows: Result[]) => {
    const gains: number[] = [];
    for (const r of rows) {
      let g = gainOf.get(r);
      if (g === undefined) {
        const p = previousMoment(r.grade, r.moment, r.yearStart);
        const before = scoreOf.get(pupilKey(r.pupil, r.provider, r.subject, p.yearStart, p.moment));
        g = before === undefined ? null : (r.ability - before) / monthsPerStep;
        gainOf.set(r, g);
      }
      if (g !== null) gains.push(g);
    }
    return gains;
  };

  const comparisons: Comparison[] = [];
  for (const c of cells.values()) {
    const now = c.rows.filter((r) => r.yearStart === currentYear);
    if (now.length === 0) continue;
    const base = c.rows.filter((r) => inBaseline(r.yearStart, r.moment));
    const current = stats(now.map((r) => r.ability));
    const baseline = stats(base.map((r) => r.ability));
    const baselineYears = [...new Set(base.map((r) => r.yearStart))].sort();
    const notes: string[] = [];

    const difference = current && baseline ? current.mean - baseline.mean : null;
    const standardError =
      current && baseline && current.n > 1 && baseline.n > 1
        ? Math.sqrt(current.sd ** 2 / current.n + baseline.sd ** 2 / baseline.n)
        : null;

    // Growth per month: the same pupils into this moment in the baseline years; else out of
    // this moment (into the next) in the baseline years; else the same over all years.
    const next = c.rows.length
      ? cells.get(
          cellKey(
            c.provider,
            c.subject,
            c.moment === 'M' ? c.grade : c.grade + 1,
            c.moment === 'M' ? 'E' : 'M',
          ),
        )
      : undefined;
    // Computed only as far as needed: the first candidate usually has enough pairs.
    const baseGains = gainsInto(base);
    const candidates: { gains: () => number[]; source: string }[] = [
      {
        gains: () => baseGains,
        source: 'dezelfde leerlingen van het vorige naar dit moment, in jaren voor 2020-2021',
      },
      {
        gains: () => gainsInto((next?.rows ?? []).filter((r) => inBaseline(r.yearStart, r.moment))),
        source: 'dezelfde leerlingen van dit naar het volgende moment, in jaren voor 2020-2021',
      },
      {
        gains: () => gainsInto(c.rows),
        source: 'dezelfde leerlingen van het vorige naar dit moment, in alle jaren',
      },
      {
        gains: () => gainsInto(next?.rows ?? []),
        source: 'dezelfde leerlingen van dit naar het volgende moment, in alle jaren',
      },
    ];
    let growth: Growth | null = null;
    for (const cand of candidates) {
      const s = stats(cand.gains());
      if (s && s.n >= minGroupSize) {
        if (s.mean > 0) growth = { perMonth: s.mean, pairs: s.n, source: cand.source };
        break;
      }
    }
    const growthNow = stats(gainsInto(now));
    const growthBefore = stats(baseGains);

    let verdict: Verdict;
    if (!current || current.n < minGroupSize) {
      verdict = 'te-klein';
      notes.push(
        `Er zijn ${current?.n ?? 0} leerlingen met een uitslag; onder de ${minGroupSize} leerlingen zegt een gemiddelde te weinig om conclusies uit te trekken.`,
      );
    } else if (!baseline) {
      verdict = 'geen-basis';
      notes.push(
        'Er zijn geen uitslagen van deze groep op dit moment uit de jaren voor 2020-2021, dus er is niets om mee te vergelijken.',
      );
    } else if (baseline.n < minGroupSize) {
      verdict = 'basis-te-klein';
      notes.push(
        `De jaargangen voor 2020-2021 hebben samen maar ${baseline.n} uitslagen; dat is te weinig om mee te vergelijken.`,
      );
    } else if (standardError !== null && difference !== null && Math.abs(difference) < 2 * standardError) {
      verdict = 'geen-duidelijk-verschil';
      notes.push(
        'Het verschil is kleiner dan wat door toeval kan ontstaan bij groepen van deze grootte (minder dan twee keer de standaardfout).',
      );
    } else verdict = difference! < 0 ? 'achter' : 'voor';

    if (baseline && baselineYears.length === 1 && verdict !== 'te-klein')
      notes.push(
        'De vergelijking rust op één eerdere jaargang; een jaargang kan toevallig sterk of zwak zijn.',
      );

    let delayMonths: number | null = null;
    if (difference !== null && growth) delayMonths = -difference / growth.perMonth;
    else if (difference !== null && !growth)
      notes.push(
        `Een vertraging in maanden is niet te schatten: er zijn te weinig leerlingen (minder dan ${minGroupSize}) die op twee opeenvolgende momenten zijn getoetst, of zij groeien gemiddeld niet.`,
      );

    // Level shares, on the scale most used in the current cohort.
    const withLevel = now.filter((r) => r.level);
    const scaleCount = (scale: LevelScale) =>
      withLevel.filter((r) => (levelScales[scale] as readonly string[]).includes(r.level!)).length;
    const levelScale: LevelScale | null = withLevel.length
      ? scaleCount('IV') >= scaleCount('AE')
        ? 'IV'
        : 'AE'
      : null;
    const levels: LevelShare[] = [];
    if (levelScale) {
      const names = levelScales[levelScale] as readonly string[];
      const nowOn = now.filter((r) => r.level && names.includes(r.level));
      const baseOn = base.filter((r) => r.level && names.includes(r.level));
      for (const level of names)
        levels.push({
          level,
          current: nowOn.filter((r) => r.level === level).length / nowOn.length,
          baseline: baseOn.length ? baseOn.filter((r) => r.level === level).length / baseOn.length : null,
        });
    }

    comparisons.push({
      provider: c.provider,
      subject: c.subject,
      grade: c.grade,
      moment: c.moment,
      current,
      baseline,
      baselineYears,
      difference,
      standardError,
      growth,
      delayMonths,
      growthNow,
      growthBefore,
      levelScale,
      levels,
      verdict,
      notes,
    });
  }
  const subjectOrder = (s: string) => {
    const i = subjects.findIndex((x) => x.code === s);
    return i < 0 ? subjects.length : i;
  };
  comparisons.sort(
    (a, b) =>
      subjectOrder(a.subject) - subjectOrder(b.subject) ||
      a.provider.localeCompare(b.provider) ||
      a.grade - b.grade ||
      (a.moment === b.moment ? 0 : a.moment === 'M' ? -1 : 1),
  );
  const allYears = [...years].sort();
  return {
    currentYear,
    years: allYears,
    baselineYears: [
      ...new Set(results.filter((r) => inBaseline(r.yearStart, r.moment)).map((r) => r.yearStart)),
    ].sort(),
    comparisons,
  };
}

export interface VerdictCount {
  subject: string;
  achter: number;
  voor: number;
  geenVerschil: number;
  geenConclusie: number;
}

/** Per subject: how many group × moment comparisons point which way (for the scan page). */
export function summarise(a: Analysis): VerdictCount[] {
  const out = new Map<string, VerdictCount>();
  for (const c of a.comparisons) {
    let v = out.get(c.subject);
    if (!v)
      out.set(c.subject, (v = { subject: c.subject, achter: 0, voor: 0, geenVerschil: 0, geenConclusie: 0 }));
    if (c.verdict === 'achter') v.achter++;
    else if (c.verdict === 'voor') v.voor++;
    else if (c.verdict === 'geen-duidelijk-verschil') v.geenVerschil++;
    else v.geenConclusie++;
  }
  return [...out.values()];
}
