// Small-cell suppression: every figure monitoring shows outside one individual answer is about at
// least 5 schools (DESIGN §3, hard rule 1). One rule for the dashboard, the open data page and its
// CSV files:
//
// - a count of schools below 5 is hidden (primary suppression);
// - a share "k of N" is also hidden when the rest, N − k, is below 5: "97 of 100" tells as much
//   about the 3 others as "3 of 100" does;
// - secondary suppression: when cells add up to a total that is shown (the sectors of a row to its
//   Totaal, categories A–F to the total spent), a group shows either no hidden cell or at least
//   two hidden cells with schools behind them, so the total minus the visible cells never gives
//   one hidden cell away. A hidden cell with nobody behind it (a sector without respondents in the
//   selection) protects nothing — the reader knows it is empty — so it does not count as the
//   second. When no visible cell is left to hide with it, the total is hidden instead.
//
// What suppression inside one table does NOT stop (differencing across filters), honestly:
// - The analist's dashboard has filters, and the cells of "all schools" are the sums of the cells
//   over the values of one filter (the four board sizes, the five score bands, the provinces, the
//   denominations). A cell hidden in just one value can be worked out as "all" minus the other
//   values. Exact for amounts and counts (spending per category); for shares only where the
//   number of respondents is small enough that a percentage with one decimal gives the count back.
//   And two selections that differ by 1–4 schools (province X versus province X and denomination
//   Y, when all but 3 of X are Y) give those few schools' figures by subtraction, though each
//   figure shown is about 5 or more. The threshold judges each figure on its own, so it does not
//   handle either. We accept this for the dashboard because only analists see it, and an analist
//   may open every individual submission anyway (audited): there the suppression keeps small
//   cells out of screenshots and reports, it is not a wall between the analist and the data.
// - The public open data has no filters: one national table per round, by sector. Its cells are
//   not sums of other published selections, so differencing across filters is not possible there;
//   what is possible (total minus visible cells) is what the secondary rule below closes.
/** The smallest number of schools a figure may be about. */
export const minimumCell = 5;

/** Whether a count of schools is too small to show. */
export const tooSmall = (count: number) => count < minimumCell;

/** Whether "k of N schools" must be hidden: either side of the split is too small. */
export const shareHidden = (k: number, n: number) => tooSmall(n) || tooSmall(k) || tooSmall(n - k);

/** A figure as shown: its value, or null with the reason it is hidden. */
export type Shown<T> = { value: T; hidden: false } | { value: null; hidden: true };

export const shown = <T>(value: T): Shown<T> => ({ value, hidden: false });
export const hidden: Shown<never> = { value: null, hidden: true };

/** A share in percent (one decimal), hidden by `shareHidden`. */
export function share(k: number, n: number): Shown<number> {
  return shareHidden(k, n) ? hidden : shown(Math.round((k / n) * 1000) / 10);
}

/** The hidden cells of one group that adds up to a shown total, and whether the total must go too. */
export interface GroupSuppression {
  cells: boolean[];
  total: boolean;
}

/**
 * Secondary suppression of one group whose cells add up to a shown total. `counts` are the numbers
 * of schools each cell counts (the k of "k of N"), `hide` the cells hidden for their own reasons
 * (primary), `population` the schools each cell is about (the N; for a plain count the count
 * itself). A cell about nobody is known to be empty: it neither needs nor gives protection. When
 * exactly one hidden cell is about somebody, the visible cell with the smallest count is hidden
 * too; when no visible cell is left, the total is hidden (else total − visible = the cell).
 */
export function suppressGroup(
  counts: number[],
  hide: boolean[],
  population: number[] = counts,
): GroupSuppression {
  const cells = [...hide];
  const real = (i: number) => population[i]! > 0;
  if (cells.filter((h, i) => h && real(i)).length !== 1) return { cells, total: false };
  let smallest = -1;
  for (const [i, c] of counts.entries()) {
    if (cells[i] || !real(i)) continue;
    if (smallest < 0 || c < counts[smallest]!) smallest = i;
  }
  if (smallest < 0) return { cells, total: true };
  cells[smallest] = true;
  return { cells, total: false };
}

/** The cells of `suppressGroup` (for a group whose total is hidden by its own rule anyway). */
export function suppressPartition(counts: number[], hide: boolean[]): boolean[] {
  return suppressGroup(counts, hide).cells;
}

/** Counts of a partition with the primary rule `tooSmall` and the secondary rule applied. */
export function suppressCounts(counts: number[]): boolean[] {
  return suppressPartition(
    counts,
    counts.map((c) => c > 0 && tooSmall(c)),
  );
}
