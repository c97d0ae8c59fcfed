// Place names as people write them. DUO's files have them in capitals ("'S-GRAVENHAGE",
// "ALPHEN AAN DEN RIJN", "BERGEN NH"); the platform shows "'s-Gravenhage", "Alphen aan den
// Rijn", "Bergen NH". Everyday names (Den Haag) come from resources/places/aliases.json.
import fs from 'node:fs';
import { fromRoot } from '../../paths.ts';
import type { PlaceAlias } from './search-text.ts';
import { searchKey } from './search-text.ts';

/** Small words written in lower case inside a place name (not as its first word). */
const smallWords = new Set([
  'aan',
  'ad',
  'bij',
  'de',
  'den',
  'der',
  'en',
  'gem',
  'het',
  'in',
  'op',
  'over',
  'te',
  'ten',
  'ter',
  'van',
]);
/** Province and area marks DUO puts after a name to tell places apart ("BERGEN NH"). */
const marks = new Set(['CA', 'DR', 'FL', 'FR', 'GLD', 'GN', 'L', 'LB', 'NB', 'NH', 'OV', 'UT', 'ZH', 'ZL']);

function capitalise(part: string): string {
  const lower = part.toLowerCase();
  if (lower.startsWith('ij')) return `IJ${lower.slice(2)}`;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** One word: "'S-GRAVENHAGE" → "'s-Gravenhage", "OUD-BEIJERLAND" → "Oud-Beijerland". */
function word(w: string, first: boolean, last: boolean): string {
  if (last && !first && marks.has(w)) return w;
  const lower = w.toLowerCase();
  if (lower === "'s" || lower === "'t") return lower;
  if (!first && smallWords.has(lower)) return lower;
  const prefix = /^'[st]-/i.exec(w)?.[0];
  const rest = prefix ? w.slice(prefix.length) : w;
  const done = rest
    .split('-')
    .map((p) => p.split('.').map(capitalise).join('.'))
    .join('-');
  return prefix ? `${prefix.toLowerCase()}${done}` : done;
}

/**
 * A place name in normal case. Names with lower-case letters are already written by someone
 * and stay as they are; names in capitals (DUO) are put in normal case.
 */
export function placeName(raw: string): string;
export function placeName(raw: string | null | undefined): string | null;
export function placeName(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name !== name.toUpperCase()) return name;
  const words = name.split(' ');
  return words.map((w, i) => word(w, i === 0, i === words.length - 1)).join(' ');
}

let loaded: PlaceAlias[] | undefined;

/** The everyday place names (resources/places/aliases.json), read once. */
export function placeAliases(): PlaceAlias[] {
  loaded ??= (
    JSON.parse(fs.readFileSync(fromRoot('resources', 'places', 'aliases.json'), 'utf8')) as {
      aliases: PlaceAlias[];
    }
  ).aliases;
  return loaded;
}

/** The place as shown in lists: normal case, with the everyday name where there is one ("'s-Gravenhage (Den Haag)"). */
export function placeLabel(raw: string | null | undefined): string | null {
  const name = placeName(raw);
  if (name === null) return null;
  const key = searchKey(name);
  const alias = placeAliases().find((a) => a.show && searchKey(a.duo) === key);
  return alias ? `${name} (${alias.everyday})` : name;
}
