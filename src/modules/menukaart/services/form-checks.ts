// Checks shared by the editing and kennisplein forms: field errors, line endings, web addresses and links to this site.
export type FieldErrors = Record<string, string | undefined>;

/**
 * Line endings as stored: browsers send textarea lines as CRLF (and old clients may send a bare
 * CR); every text is kept with LF only, so an unchanged text never differs from its earlier version.
 */
export function normaliseLineEndings(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

export function isHttpUrl(s: string | undefined): boolean {
  if (!s) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && /\.[a-z]{2,}$/i.test(u.hostname);
  } catch {
    return false;
  }
}

/** Paths on this site a text may link to: menu pages and existing interventions. */
export function knownPathChecker(codes: string[]) {
  const set = new Set(codes);
  return (path: string) => {
    const m = /^\/menukaart\/([A-Za-z]\d{1,2})$/.exec(path);
    if (m) return set.has(m[1]!.toUpperCase());
    return /^\/(menukaart(\/(uitleg|vergelijken|zoeken|versies|api))?|kennisplein(\/\d+)?|)$/.test(path);
  };
}
