// Search rules: cleaning a visitor's query into safe, bounded terms (the search itself is the
// in-memory index of search-index.ts).

export const maxQueryLength = 100;

export interface SearchTerms {
  /** Cleaned text for websearch_to_tsquery. */
  text: string;
  /** 'term1:* & term2:*' on plain letters and digits, or null. */
  prefix: string | null;
  /** An intervention code the query names, e.g. 'B6'. */
  code: string | null;
  notice: string | null;
}

/**
 * Makes any input safe and bounded for the search: at most 100 characters, control and odd
 * characters removed, at most 8 terms for the prefix fallback. Returns null when nothing
 * searchable is left.
 */
export function searchTerms(raw: unknown): SearchTerms | null {
  let s = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  let notice: string | null = null;
  if (s.length > maxQueryLength) {
    s = s.slice(0, maxQueryLength);
    notice = `Uw zoekvraag was langer dan ${maxQueryLength} tekens. We hebben gezocht op het begin ervan.`;
  }
  const text = s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s"'\-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const terms = [
    ...new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((t) => t.length >= 2)
        .map((t) => t.slice(0, 40)),
    ),
  ].slice(0, 8);
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return null;
  const code = /^[a-f]\d{1,2}$/i.test(text) ? text.toUpperCase() : null;
  return { text, prefix: terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null, code, notice };
}
