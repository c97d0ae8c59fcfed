// Reading and writing the text files people upload or download: the encoding (UTF-8 or
// Windows-1252, as spreadsheets on Dutch computers save), one line split on its delimiter with
// quoted fields, and Dutch decimals and dates. Pure; used by the LVS import, the wellbeing
// monitor and the spending import.

export type Encoding = 'utf-8' | 'windows-1252';

/** A BOM or valid UTF-8 means UTF-8; anything else is read as Windows-1252. */
export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(buf), encoding: 'windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F; mapped by hand (some Node builds treat
// 'windows-1252' as Latin-1).
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(buf: Uint8Array): string {
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(cp1252High[c.charCodeAt(0) - 0x80]!));
}

/**
 * Splits one physical line on the delimiter; a field may be quoted ("…", with "" for a quote).
 * Returns null for a quote that is not closed. Fields never span lines in this format.
 */
export function splitLine(raw: string, delimiter: string): string[] | null {
  if (!raw.includes('"')) return raw.split(delimiter).map((f) => f.trim());
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (raw[i] === ' ' && delimiter !== ' ') i++;
    if (raw[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = raw.indexOf('"', i);
        if (q < 0) return null;
        value += raw.slice(i, q);
        if (raw[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      while (raw[i] === ' ') i++;
      out.push(value.trim());
      if (i >= raw.length) return out;
      if (raw[i] !== delimiter) return null;
      i++;
    } else {
      const next = raw.indexOf(delimiter, i);
      if (next < 0) {
        out.push(raw.slice(i).trim());
        return out;
      }
      out.push(raw.slice(i, next).trim());
      i = next + 1;
    }
  }
}

export type Delimiter = ';' | ',' | '\t';

/** The separator the header uses most (outside quotes): ';', ',' or a tab (pasted from a spreadsheet). */
export function detectDelimiter(header: string): Delimiter {
  const bare = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => bare.split(c).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > semis && tabs > commas) return '\t';
  return commas > semis ? ',' : ';';
}

/** '12,5', '12.5', '12' → 12.5; anything else → NaN. Thousands separators are not expected. */
export function parseDecimal(s: string): number {
  const t = s.trim();
  if (!/^-?\d+(?:[.,]\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

/** '25-01-2021', '25-1-2021', '25/01/2021', '25.01.2021' or '2021-01-25' → '2021-01-25'; null if not a date. */
export function parseDutchDate(s: string): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Text as Windows-1252 bytes (for generated example files); a character it lacks becomes '?'. */
export function encodeWindows1252(text: string): Buffer {
  const high = new Map(cp1252High.map((cp, i) => [cp, 0x80 + i]));
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out[n++] = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : (high.get(cp) ?? 0x3f);
  }
  return out.subarray(0, n);
}
