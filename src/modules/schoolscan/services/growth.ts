// Growth of the same pupils between two consecutive moments: pure functions, no database.
//
// A step is a pair of consecutive moments in the curriculum: midden → eind of a group (M4 → E4)
// or eind of a group → midden of the next group (E4 → M5, a school year later). A pair is one
// pupil (matched by pupil_hash) with a result at both moments, for the same test provider and
// subject; the pupil must be in the expected group at both (a pupil who repeated a group is not a
// pair of consecutive moments). Per provider × subject × step:
//  - now: the mean gain of the pairs whose later moment falls in the chosen school year;
//  - before: the mean gain of the pairs with both moments in the pre-pandemic baseline
//    (`inBaseline`: the eind moment of 2019-2020 does not count);
//  - the difference, its standard error, and a verdict that says in words when the number of
//    pairs (under `minGroupSize`) or a missing baseline cannot support a conclusion.
// Scores of different test providers are on different scales and are never compared.
import type { Moment } from '../tables.ts';
import { inBaseline, minGroupSize, stats, type Result, type Stats } from './analysis.ts';
import { subjects } from './parse/lvs-format.ts';

export type GrowthVerdict =
  | 'te-weinig-paren'
  | 'geen-basis'
  | 'basis-te-klein'
  | 'geen-duidelijk-verschil'
  | 'minder-groei'
  | 'meer-groei';

/** From this share of pupils without a result at the earlier moment, the page says so. */
export const missingShareNoted = 0.1;

export interface MomentRef {
  grade: number;
  moment: Moment;
}

export interface GrowthStep {
  provider: string;
  subject: string;
  from: MomentRef;
  to: MomentRef;
  /** Gains (ability points, later minus earlier) of the pairs ending in the chosen year. */
  now: Stats | null;
  /** Gains of the pairs with both moments in the pre-pandemic baseline. */
  before: Stats | null;
  /** The school years (by start) in which the baseline pairs end. */
  baselineYears: number[];
  /** now − before, in ability points; null when one side has no pairs. */
  difference: number | null;
  standardError: number | null;
  /** Fewer than `minGroupSize` pairs now or in the baseline. */
  tooFewPairs: boolean;
  verdict: GrowthVerdict;
  /** Why there is no conclusion, or how careful to be, in Dutch. */
  notes: string[];
}

export interface GrowthAnalysis {
  currentYear: number;
  steps: GrowthStep[];
}

/** The moment before this one: eind → midden of the same group; midden → eind of the group before, a year earlier. */
export function stepInto(to: MomentRef): MomentRef & { yearsBack: 0 | 1 } {
  return to.moment === 'E'
    ? { grade: to.grade, moment: 'M', yearsBack: 0 }
    : { grade: to.grade - 1, moment: 'E', yearsBack: 1 };
}

const stepOrder = (s: { to: MomentRef }) => s.to.grade * 2 + (s.to.moment === 'M' ? 0 : 1);

/** Growth of the same pupils between consecutive moments, `currentYear` against the baseline. */
export function growthOfSamePupils(results: readonly Result[], currentYear: number): GrowthAnalysis {
  // A pupil's result per provider, subject, school year and moment.
  const index = new Map<string, Result>();
  const key = (pupil: string, provider: string, subject: string, yearStart: number, moment: Moment) =>
    `${pupil}\u0000${provider}\u0000${subject}\u0000${yearStart}\u0000${moment}`;
  // Which provider × subject × year × group × moment has any result at all.
  const measured = new Set<string>();
  const momentKey = (provider: string, subject: string, yearStart: number, grade: number, moment: Moment) =>
    `${provider}\u0000${subject}\u0000${yearStart}\u0000${grade}\u0000${moment}`;
  for (const r of results) {
    index.set(key(r.pupil, r.provider, r.subject, r.yearStart, r.moment), r);
    measured.add(momentKey(r.provider, r.subject, r.yearStart, r.grade, r.moment));
  }

  interface Cell {
    provider: string;
    subject: string;
    to: MomentRef;
    now: number[];
    before: number[];
    baselineYears: Set<number>;
    /** Results at the later moment in the chosen year (with or without an earlier result). */
    measuredNow: number;
  }
  const cells = new Map<string, Cell>();
  for (const r of results) {
    const earlier = stepInto(r);
    if (earlier.grade < 1) continue;
    // A step into the chosen year counts only when the school tested the earlier moment at all
    // (no row "E2 → M3" for a school that starts testing in group 3).
    const isNow =
      r.yearStart === currentYear &&
      measured.has(
        momentKey(r.provider, r.subject, r.yearStart - earlier.yearsBack, earlier.grade, earlier.moment),
      );
    const prev = index.get(
      key(r.pupil, r.provider, r.subject, r.yearStart - earlier.yearsBack, earlier.moment),
    );
    const paired = prev !== undefined && prev.grade === earlier.grade;
    const isBase = paired && inBaseline(prev.yearStart, prev.moment) && inBaseline(r.yearStart, r.moment);
    if (!isNow && !isBase) continue;
    const k = `${r.provider}\u0000${r.subject}\u0000${r.grade}\u0000${r.moment}`;
    let c = cells.get(k);
    if (!c)
      cells.set(
        k,
        (c = {
          provider: r.provider,
          subject: r.subject,
          to: { grade: r.grade, moment: r.moment },
          now: [],
          before: [],
          baselineYears: new Set(),
          measuredNow: 0,
        }),
      );
    if (isNow) {
      c.measuredNow++;
      if (paired) c.now.push(r.ability - prev.ability);
    }
    if (isBase) {
      c.before.push(r.ability - prev!.ability);
      c.baselineYears.add(r.yearStart);
    }
  }

  const steps: GrowthStep[] = [];
  for (const c of cells.values()) {
    // Only the steps into a moment of the chosen year.
    if (c.measuredNow === 0) continue;
    const earlier = stepInto(c.to);
    const now = stats(c.now);
    const before = stats(c.before);
    const difference = now && before ? now.mean - before.mean : null;
    const standardError =
      now && before && now.n > 1 && before.n > 1
        ? Math.sqrt(now.sd ** 2 / now.n + before.sd ** 2 / before.n)
        : null;
    const tooFewPairs = (now?.n ?? 0) < minGroupSize || (before?.n ?? 0) < minGroupSize;
    const notes: string[] = [];
    let verdict: GrowthVerdict;
    if (!now || now.n < minGroupSize) {
      verdict = 'te-weinig-paren';
      notes.push(
        now
          ? `Maar ${now.n} ${now.n === 1 ? 'leerling heeft' : 'leerlingen hebben'} een uitslag op beide momenten; onder de ${minGroupSize} zegt de gemiddelde groei te weinig om conclusies uit te trekken.`
          : 'Geen enkele leerling heeft een uitslag op beide momenten, dus de groei is niet te berekenen. Importeer ook de uitslagen van het vorige moment als u die hebt.',
      );
    } else if (!before) {
      verdict = 'geen-basis';
      notes.push(
        'Er zijn geen leerlingen die in de jaren voor 2020-2021 op beide momenten zijn getoetst, dus er is niets om mee te vergelijken.',
      );
    } else if (before.n < minGroupSize) {
      verdict = 'basis-te-klein';
      notes.push(
        `In de jaren voor 2020-2021 zijn maar ${before.n} leerlingen op beide momenten getoetst; dat is te weinig om mee te vergelijken.`,
      );
    } else if (standardError !== null && difference !== null && Math.abs(difference) < 2 * standardError) {
      verdict = 'geen-duidelijk-verschil';
      notes.push(
        'Het verschil in groei is kleiner dan wat door toeval kan ontstaan bij zoveel leerlingen (minder dan twee keer de standaardfout).',
      );
    } else verdict = difference! < 0 ? 'minder-groei' : 'meer-groei';
    // Only when it matters: a few absent pupils on one of the two days are normal.
    if (now && (c.measuredNow - now.n) / c.measuredNow >= missingShareNoted && verdict !== 'te-weinig-paren')
      notes.push(
        `${c.measuredNow - now.n} van de ${c.measuredNow} leerlingen met een uitslag nu hebben geen uitslag op het moment ervoor en tellen niet mee.`,
      );
    if (c.baselineYears.size === 1 && verdict !== 'te-weinig-paren' && before && before.n >= minGroupSize)
      notes.push(
        'De vergelijking rust op één eerdere jaargang; een jaargang kan toevallig sterk of zwak groeien.',
      );
    steps.push({
      provider: c.provider,
      subject: c.subject,
      from: { grade: earlier.grade, moment: earlier.moment },
      to: c.to,
      now,
      before,
      baselineYears: [...c.baselineYears].sort(),
      difference,
      standardError,
      tooFewPairs,
      verdict,
      notes,
    });
  }
  const subjectOrder = (s: string) => {
    const i = subjects.findIndex((x) => x.code === s);
    return i < 0 ? subjects.length : i;
  };
  steps.sort(
    (a, b) =>
      subjectOrder(a.subject) - subjectOrder(b.subject) ||
      a.provider.localeCompare(b.provider) ||
      stepOrder(a) - stepOrder(b),
  );
  return { currentYear, steps };
}
