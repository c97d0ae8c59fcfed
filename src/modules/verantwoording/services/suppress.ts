// Small-cell suppression: every figure monitoring shows outside one individual answer is about at
// least 5 schools (DESIGN §3, hard rule 1). One rule for the whole dashboard and the open data:
//
// - a count of schools below 5 is hidden (primary suppression);
// - a share "k of N" is also hidden when the rest, N − k, is below 5: "97 of 100" tells as much
//   about the 3 others as "3 of 100" does;
// - when cells add up to a total that is shown (sectors to all schools, categories A–F to the
//   total spent), one hidden cell could be found by subtraction, so the smallest other cell is
//   hidden as well (secondary suppression).

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

/**
 * Which cells of a row that adds up to a shown total must be hidden. `counts` are the numbers of
 * schools behind each cell; `hide` marks the cells hidden for their own reasons (primary). When
 * exactly one is hidden, the smallest visible cell with schools behind it is hidden too, so the
 * total minus the others gives nothing away.
 */
export function suppressPartition(counts: number[], hide: boolean[]): boolean[] {
  const out = [...hide];
  if (out.filter(Boolean).length !== 1) return out;
  let smallest = -1;
  for (const [i, c] of counts.entries()) {
    if (out[i] || c === 0) continue;
    if (smallest < 0 || c < counts[smallest]!) smallest = i;
  }
  if (smallest >= 0) out[smallest] = true;
  return out;
}

/** Counts of a partition with the primary rule `tooSmall` and the secondary rule applied. */
export function suppressCounts(counts: number[]): boolean[] {
  return suppressPartition(
    counts,
    counts.map((c) => c > 0 && tooSmall(c)),
  );
}
