// Word-level differences between two texts (the redactie's draft diff, the public menu's
// version diff, the programme's versions for the MR): every word and every run of whitespace
// is a token, the common start and end are kept as they are, and the middle is compared by
// longest common subsequence. Nothing is ever cut short: a middle too long to compare (both
// sides' tokens multiplied) is shown as removed whole and added whole, which is still the
// complete text.

export interface WordPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many cells (tokens × tokens) the middle is not compared word by word. */
const maxCells = 4_000_000;

const tokenise = (s: string) => s.match(/\s+|\S+/g) ?? [];

/** The parts of `after` against `before`, in reading order; adjacent changes grouped as removed, then added. */
export function wordDiff(before: string, after: string): WordPart[] {
  const a = tokenise(before);
  const b = tokenise(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let endA = a.length;
  let endB = b.length;
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: WordPart[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  ops.push(...compareMiddle(a.slice(head, endA), b.slice(head, endB)));
  for (const text of a.slice(endA)) ops.push({ kind: 'same', text });
  return group(ops);
}

function compareMiddle(x: string[], y: string[]): WordPart[] {
  const removedAll = x.map((text): WordPart => ({ kind: 'removed', text }));
  const addedAll = y.map((text): WordPart => ({ kind: 'added', text }));
  if (x.length === 0 || y.length === 0 || x.length * y.length > maxCells) return [...removedAll, ...addedAll];
  // table[i][j]: the length of the longest common subsequence of x from i and y from j.
  const table = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) {
    const row = table[i]!;
    const below = table[i + 1]!;
    for (let j = y.length - 1; j >= 0; j--)
      row[j] = x[i] === y[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
  }
  const out: WordPart[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      out.push({ kind: 'same', text: x[i]! });
      i++;
      j++;
    } else if (j >= y.length || (i < x.length && table[i + 1]![j]! >= table[i]![j + 1]!)) {
      out.push({ kind: 'removed', text: x[i++]! });
    } else {
      out.push({ kind: 'added', text: y[j++]! });
    }
  }
  return out;
}

/**
 * Readable marks: a space kept between two changes belongs to the change (so "a b" → "x y"
 * reads as one removal and one addition, not four), and each run of changes becomes one
 * removed part followed by one added part.
 */
function group(ops: WordPart[]): WordPart[] {
  const isChange = (p: WordPart | undefined) => p !== undefined && p.kind !== 'same';
  const result: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) result.push({ kind: 'removed', text: removed });
    if (added) result.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  ops.forEach((op, n) => {
    const glue = op.kind === 'same' && !op.text.trim() && isChange(ops[n - 1]) && isChange(ops[n + 1]);
    if (glue || op.kind === 'removed') removed += op.text;
    if (glue || op.kind === 'added') added += op.text;
    if (glue || op.kind !== 'same') return;
    flush();
    const last = result.at(-1);
    if (last?.kind === 'same') last.text += op.text;
    else result.push({ kind: 'same', text: op.text });
  });
  flush();
  return result;
}
