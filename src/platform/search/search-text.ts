// Search text that ignores case, accents and punctuation, the same in TypeScript and in SQL.
// The database keeps it in organisation.search_text (migration 0210, a generated column with a
// trigram index), computed with translate() + lower() + regexp_replace(): no unaccent extension
// needed, so it works on PGlite and PostgreSQL alike. searchKey() does the same to a query.

/** Letters with accents and what they become; migration 0210 uses exactly these two strings. */
export const accentFrom = 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÑñÇç';
export const accentTo = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyNnCc';

const accentMap = new Map([...accentFrom].map((c, i) => [c, accentTo[i]!]));

/** Lower case, accents off, everything but letters and digits one space: "Oelebröd" → "oelebrod". */
export function searchKey(s: string): string {
  const plain = [...s].map((c) => accentMap.get(c) ?? c).join('');
  return plain
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface PlaceAlias {
  /** The name people use, e.g. "Den Haag". */
  everyday: string;
  /** The name in DUO's files, e.g. "'s-Gravenhage". */
  duo: string;
  /** Show the everyday name in brackets after the DUO name. */
  show: boolean;
}

/**
 * The word lists a query is searched for: the query itself and, for each everyday place name
 * in it (whole words), the query with the DUO name instead. Every word of one list must occur.
 */
export function queryVariants(q: string, aliases: readonly PlaceAlias[]): string[][] {
  const key = searchKey(q);
  if (!key) return [];
  const variants = [key];
  for (const a of aliases) {
    const from = searchKey(a.everyday);
    const to = searchKey(a.duo);
    const padded = ` ${key} `;
    if (padded.includes(` ${from} `)) variants.push(padded.replace(` ${from} `, ` ${to} `).trim());
  }
  return [...new Set(variants)].slice(0, 4).map((v) => v.split(' '));
}
