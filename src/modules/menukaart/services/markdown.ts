// Markdown from editors and from schools' examples becomes safe HTML: marked renders it, then
// sanitize-html keeps only a small set of tags and attributes. Raw HTML in the input never
// survives as markup. Headings are shifted down so a text never breaks the page's outline.
import { Lexer, marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'ul',
    'ol',
    'li',
    'a',
    'blockquote',
    'code',
    'pre',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'nl-link rhc-link' } }),
  },
  allowedClasses: { a: ['nl-link', 'rhc-link'] },
};

/** Renders Markdown to sanitised HTML. Any HTML in the source is shown as text, not markup. */
export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeHtml(html, options);
}

/** Plain text of a Markdown document (for search and summaries). */
export function markdownText(md: string): string {
  return sanitizeHtml(renderMarkdown(md), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function collectLinks(tokens: Token[], out: { href: string; text: string }[]) {
  for (const t of tokens) {
    if (t.type === 'link') out.push({ href: (t as Tokens.Link).href, text: (t as Tokens.Link).text });
    const children = (t as { tokens?: Token[] }).tokens;
    if (children) collectLinks(children, out);
    if (t.type === 'list') for (const item of (t as Tokens.List).items) collectLinks(item.tokens, out);
  }
}

/** Every link in a Markdown text. */
export function markdownLinks(md: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  collectLinks(Lexer.lex(md, { gfm: true }), out);
  return out;
}

/**
 * Links that cannot work: empty, not http(s)/mailto/a path on this site, a malformed URL, or a
 * link to an intervention that is not on the menu. `knownPath` decides for paths on this site.
 */
export function brokenLinks(md: string, knownPath: (path: string) => boolean): string[] {
  const broken: string[] = [];
  for (const { href } of markdownLinks(md)) {
    const h = href.trim();
    let ok = false;
    if (h.startsWith('/') && !h.startsWith('//')) ok = knownPath(h.split(/[?#]/)[0]!);
    else if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(h)) ok = true;
    else if (/^https?:\/\//i.test(h)) {
      try {
        const u = new URL(h);
        ok = /\.[a-z]{2,}$/i.test(u.hostname) || u.hostname === 'localhost';
      } catch {
        ok = false;
      }
    }
    if (!ok) broken.push(h === '' ? '(lege link)' : h);
  }
  return broken;
}
