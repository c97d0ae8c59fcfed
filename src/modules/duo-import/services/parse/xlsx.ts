// A small reader for the cells of .xlsx workbooks (a zip of XML files), enough for CBS's
// published tables: shared strings, inline strings and numbers. No formulas are evaluated
// (the cached value is read), no styles. Uses only node:zlib, with a hard ceiling on what a
// part may inflate to: a 698 kB zip can otherwise inflate to 700 MB. Kept rather than replaced
// by a library: the workbook readers on npm (exceljs, xlsx) are larger than this whole module
// and neither caps the inflated size; zlib's maxOutputLength does, inside the inflate itself.
import zlib from 'node:zlib';

export class XlsxError extends Error {}

/**
 * The most one part of a workbook may inflate to. CBS's largest sheet (Tabel 2 of 2019, 6,295
 * schools) is 1.3 MB; a VO edition or a longer year stays far below this.
 */
export const maxPartBytes = 50 * 1024 * 1024;

function inflatePart(data: Buffer): Buffer {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxPartBytes });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new XlsxError(
        `Dit Excel-bestand pakt uit tot meer dan ${maxPartBytes / 1024 / 1024} MB per werkblad; zo groot is geen tabel van het CBS. Controleer of u het goede bestand hebt gekozen.`,
      );
    throw new XlsxError('Het Excel-bestand is beschadigd: een onderdeel kan niet worden uitgepakt.');
  }
}

function unzip(buf: Buffer): Map<string, () => Buffer> {
  // End of central directory: signature 0x06054b50, searched from the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('Dit is geen Excel-bestand (.xlsx): het is geen geldig zip-archief.');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50)
      throw new XlsxError('Het Excel-bestand is beschadigd (centrale map).');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    entries.set(name, () => {
      if (buf.readUInt32LE(local) !== 0x04034b50)
        throw new XlsxError('Het Excel-bestand is beschadigd (lokale kop).');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (method === 0) {
        if (data.length > maxPartBytes)
          throw new XlsxError('Dit Excel-bestand heeft een te groot onderdeel.');
        return Buffer.from(data);
      }
      if (method === 8) return inflatePart(data);
      throw new XlsxError(`Het Excel-bestand gebruikt een onbekende compressie (${method}).`);
    });
  }
  return entries;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return entities[e] ?? whole;
  });
}

function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1];
  return unescapeXml(out);
}

/** Column letters to a 0-based index: A -> 0, AB -> 27. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export interface Sheet {
  name: string;
  /** rows[r] is 1-based row r (index 0 unused); each row is an array of cell texts. */
  rows: Map<number, string[]>;
}

export function readWorkbook(buf: Buffer): { sheetNames: string[]; sheet(name: string): Sheet | null } {
  const files = unzip(buf);
  const read = (name: string) => files.get(name)?.().toString('utf8');
  const workbook = read('xl/workbook.xml');
  if (!workbook) throw new XlsxError('Dit Excel-bestand heeft geen werkmap (xl/workbook.xml).');
  const rels = read('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && t) target.set(id, t.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[1]!)?.[1];
    if (name && rid && target.has(rid)) sheets.set(unescapeXml(name), `xl/${target.get(rid)}`);
  }
  let shared: string[] | null = null;
  const sharedStrings = () => {
    if (!shared) {
      const xml = read('xl/sharedStrings.xml') ?? '';
      shared = [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));
    }
    return shared;
  };
  return {
    sheetNames: [...sheets.keys()],
    sheet(name) {
      const path = sheets.get(name);
      if (!path) return null;
      const xml = read(path);
      if (!xml) return null;
      const rows = new Map<number, string[]>();
      for (const rm of xml.matchAll(/<row\b[^>]*\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
        const cells: string[] = [];
        for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
          const attrs = cm[1]!;
          const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
          if (!ref) continue;
          const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
          const body = cm[2] ?? '';
          const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
          let value = '';
          if (type === 's' && v !== undefined) value = sharedStrings()[Number(v)] ?? '';
          else if (type === 'inlineStr') value = textOf(body);
          else if (v !== undefined) value = unescapeXml(v);
          cells[columnIndex(ref)] = value;
        }
        rows.set(
          Number(rm[1]),
          Array.from(cells, (c) => c ?? ''),
        );
      }
      return { name, rows };
    },
  };
}
