// How search text becomes terms, the same for the interventions, the kennisplein and the
// visitor's query: lower case, accents off (Oelebröd = oelebrod), the common Dutch endings off
// (klassen = klas, activiteiten = activiteit), so word forms meet.

/** "Sportieve activiteiten" → ["sportieve", "activiteiten"]: the words as the text writes them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Without accents: "geïnformeerd" → "geinformeerd". */
export function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A light Dutch stemmer: plural and inflection endings off, a doubled final consonant undone.
 * Deliberately simple — index and query pass through the same function, so it only has to be
 * consistent, and fuzzy and prefix matching cover what it misses.
 */
export function stem(word: string): string {
  let w = plain(word);
  if (w.length > 5) {
    if (w.endsWith('en')) w = w.slice(0, -2);
    else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    else if (w.endsWith('e')) w = w.slice(0, -1);
  }
  if (w.length > 4 && /([bdfgklmnprst])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Edit distance, stopping early once it exceeds `max` (then returns max + 1). */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}
