// Bounds on the shape of a Markdown text, checked before it is rendered or stored. The Markdown
// parser recurses per nesting level and backtracks over emphasis markers: 3,000 '>' overflow its
// stack (a 500), 500 nested list levels take 18 s, and 4,000 '_' take half a second in the parser
// and seconds in PostgreSQL's to_tsvector. Ordinary texts stay far below these limits.

/** Citation and list levels (a '>' or list marker at the start of a line, or indentation). */
export const maxNesting = 8;
/** Columns of indentation at the start of a line (4 per nesting level, twice over). */
const maxIndent = 2 * 4 * maxNesting;
/** Emphasis markers ('*', '_', '~') in one text: *schuin* costs 2, **vet** 4. */
export const maxEmphasisMarkers = 300;
/** Characters without a space: long runs are what make to_tsvector slow. */
export const maxWordLength = 300;

const containerMarker = /^ {0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

function nestingOf(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const m = containerMarker.exec(rest);
    if (!m) return depth;
    depth++;
    if (depth > maxNesting) return depth;
    rest = rest.slice(m[0].length);
  }
}

function indentOf(line: string): number {
  let cols = 0;
  for (const ch of line) {
    if (ch === ' ') cols++;
    else if (ch === '\t') cols += 4 - (cols % 4);
    else break;
  }
  return cols;
}

/**
 * A Dutch message saying what to change when the text is shaped beyond the bounds, or null.
 * `label` names the field in the message ("de tekst over wat u heeft geleerd").
 */
export function markdownShapeProblem(md: string, label: string): string | null {
  for (const line of md.split(/\r?\n|\r/)) {
    if (nestingOf(line) > maxNesting || indentOf(line) > maxIndent)
      return `${capitalise(label)} is te diep genest (citaten of lijstjes in elkaar, of veel inspringing): gebruik hoogstens ${maxNesting} niveaus.`;
  }
  const markers = md.match(/[*_~]/g)?.length ?? 0;
  if (markers > maxEmphasisMarkers)
    return `${capitalise(label)} bevat ${markers} opmaaktekens (* _ ~): gebruik er hoogstens ${maxEmphasisMarkers}.`;
  const long = md.split(/\s+/).find((w) => w.length > maxWordLength);
  if (long)
    return `${capitalise(label)} bevat een woord of webadres van meer dan ${maxWordLength} tekens zonder spatie (begint met "${long.slice(0, 20)}…"): zet er spaties in of kort het in.`;
  return null;
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
