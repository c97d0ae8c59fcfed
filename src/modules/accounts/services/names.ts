// Names of people, typed by someone else or by themselves, end up in platform-branded mails.
// They are bounded and may hold no web or mail address (refused with a message); and in a mail
// every dot, '@' and '://' gets a zero-width space, so no mail client turns a name into a link.
// Also: what counts as an e-mail address in a form.

export const maxNameLength = 100;

const looksLikeAddress =
  /(:\/\/|www\.|@|\b[\p{L}\p{N}-]+\.(nl|com|net|org|info|io|eu|be|de|uk|ru|cn|xyz|top|app|dev|example)\b)/iu;

/** What is wrong with a person's name, in Dutch; null when it is fine. */
export function nameProblem(name: string): string | null {
  const n = name.trim();
  if (n.length < 2 || n.length > maxNameLength) return `Vul de naam in (2 tot ${maxNameLength} tekens).`;
  if (looksLikeAddress.test(n))
    return 'Vul alleen een naam in, zonder webadres of e-mailadres (bijvoorbeeld Jan de Vries).';
  return null;
}

/** A name as plain mail text: bounded, on one line, and never a link. */
export function plainName(name: string): string {
  const oneLine = name.replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ').trim();
  const bounded = oneLine.length > maxNameLength ? `${oneLine.slice(0, maxNameLength - 1)}…` : oneLine;
  return bounded.replace(/:\/\//g, ':\u200b//').replace(/([.@])/g, '$1\u200b');
}

/** An e-mail address as a form may hold it: something@domain.tld, at most 320 characters. */
export function validEmail(s: string): boolean {
  return s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}
