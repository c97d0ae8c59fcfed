// Reading DUO's CSV files as they are published: Windows-1252 or UTF-8 (with or without a
// BOM), ';'-separated, quoted or not, CRLF or LF. Every record keeps the line it started on,
// so a report can name it.

export type Encoding = 'utf-8' | 'windows-1252';

/** A BOM means UTF-8; otherwise valid UTF-8 is UTF-8; anything else is read as Windows-1252. */
export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(buf), encoding: 'windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, euro sign, dashes …).
// Node's TextDecoder treats 'windows-1252' as Latin-1 in some builds, so we map it ourselves.
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(buf: Uint8Array): string {
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(cp1252High[c.charCodeAt(0) - 0x80]!));
}

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

/** Splits CSV text into records. Blank lines are skipped; quotes may contain ';' and newlines. */
export function readCsv(text: string, delimiter = ';'): CsvRecord[] {
  const out: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const d = delimiter.charCodeAt(0);
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let atFieldStart = true;
    let inQuotes = false;
    let done = false;
    while (i < n && !done) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (c === 34 /* " */) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
        } else {
          if (c === 10) line++;
          field += text[i];
          i++;
        }
        continue;
      }
      if (c === 34 && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        i++;
      } else if (c === d) {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
      } else if (c === 13 || c === 10) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        i++;
        line++;
        done = true;
      } else {
        // Fast path: copy up to the next special character.
        let j = i + 1;
        while (j < n) {
          const cj = text.charCodeAt(j);
          if (cj === d || cj === 13 || cj === 10) break;
          j++;
        }
        field += text.slice(i, j);
        atFieldStart = false;
        i = j;
      }
    }
    fields.push(field);
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    out.push({ line: start, fields });
  }
  return out;
}

/** Header names compared loosely: case, spaces and underscores do not matter. */
export function normaliseHeader(h: string): string {
  return h.trim().toUpperCase().replace(/_/g, ' ').replace(/\s+/g, ' ');
}

/** DUO writes an empty field as one or more spaces. */
export function clean(v: string | undefined): string {
  return (v ?? '').trim();
}
