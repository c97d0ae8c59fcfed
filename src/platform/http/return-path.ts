// The one place where a return target taken from a request (`terug` in a query or form) becomes
// a redirect: only an absolute path on this site survives, anything else gives the fallback.
//
// Browsers are lenient in ways a simple prefix test misses: Chromium drops tabs and newlines
// from a Location (so `/\t/evil.example` becomes `//evil.example`, another host), treats `/\` as
// `//`, and a header with a control or non-ASCII character makes Node refuse to send it (a 500).

const origin = 'http://platform.invalid';

/** Printable ASCII without space or backslash; the first character a single slash. */
const safeRaw = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/;
/** After percent-decoding: still no second slash or backslash up front, and no control characters. */
const unsafeDecoded = /^\/[/\\]|[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

/**
 * `p` when it is a same-origin absolute path ('/x', '/x?y=1#z'), normalised as a URL; otherwise
 * `fallback`. Refuses '//host', '/\host', schemes, control characters and whitespace (also
 * percent-encoded), backslashes and anything that is not ASCII.
 */
export function safeReturnPath(p: unknown, fallback = '/'): string {
  if (typeof p !== 'string' || p.length > 2000 || !safeRaw.test(p)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(p);
  } catch {
    return fallback; // a malformed escape such as '%E0%A4%A'
  }
  if (unsafeDecoded.test(decoded)) return fallback;
  const url = new URL(p, origin);
  if (url.origin !== origin) return fallback;
  const normal = url.pathname + url.search + url.hash;
  return safeRaw.test(normal) ? normal : fallback;
}
