// Pages rendered once per state of what they show and kept as a template: what is personal to the
// request — the signed-in person's name in the header and the form token — is rendered as a
// marker and filled in for every request. So a view of an unchanged page renders nothing; it
// copies a few buffers. Used by the programme's memoized pages (the plan's home, the budget
// overview) and by the questionnaire's section page.
//
// Only for pages whose markup depends on the owner or key (the figures, the school, whether one
// may edit, ...) besides the person's name and form token: the layout reads nothing else of the
// person. A template is never filled in with another request's name or token: the markers are
// replaced on every request, and a page without an owner or key, or without a signed-in person,
// is rendered as usual.
import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import type { ViewContext } from '../../ui/context.ts';
import { BoundedCache } from './bounded-cache.ts';
import { pageBytes, sendPageBytes } from './rendered-once.tsx';

// Random per process: no text in the data can contain them.
const secret = crypto.randomBytes(8).toString('hex');
const nameMarker = `npopersoon${secret}`;
const tokenMarker = `npoformtoken${secret}`;

type Part = Buffer | 'name' | 'token';
const templates = new WeakMap<object, Map<string, Part[]>>();

/** As preact-render-to-string escapes text and attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function split(bytes: Buffer): Part[] {
  const html = bytes.toString();
  const parts: Part[] = [];
  const re = new RegExp(`${nameMarker}|${tokenMarker}`, 'g');
  let at = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    parts.push(Buffer.from(html.slice(at, m.index)), m[0] === nameMarker ? 'name' : 'token');
    at = m.index + m[0].length;
  }
  parts.push(Buffer.from(html.slice(at)));
  return parts;
}

const sizeOf = (parts: Part[]) => parts.reduce((n, p) => n + (typeof p === 'string' ? 0 : p.length), 0);

/** Where the templates of a kind of page are kept, by full key. */
interface Store {
  get(key: string): Part[] | undefined;
  set(key: string, parts: Part[]): void;
}

/** The page rendered with markers once (kept in `store`), filled in with this request's person. */
function sendFrom(
  reply: FastifyReply,
  store: Store | null,
  key: string,
  render: (ctx: ViewContext) => VNode,
) {
  const ctx = reply.ctx();
  const principal = ctx.principal;
  if (!store || !principal) return sendPageBytes(reply, render(ctx));
  const fullKey = `${ctx.locale}|${ctx.path}|${key}`;
  let parts = store.get(fullKey);
  if (!parts) {
    const shadow: ViewContext = {
      ...ctx,
      principal: { ...principal, name: nameMarker },
      csrfToken: () => tokenMarker,
    };
    parts = split(pageBytes(render(shadow)));
    store.set(fullKey, parts);
  }
  const name = Buffer.from(escapeHtml(principal.name));
  let token: Buffer | undefined;
  const out = parts.map((p) =>
    p === 'name' ? name : p === 'token' ? (token ??= Buffer.from(escapeHtml(ctx.csrfToken()))) : p,
  );
  reply.header('cache-control', 'private, no-store');
  return reply.type('text/html; charset=utf-8').send(Buffer.concat(out));
}

/** Number of templates kept for an owner (tests). */
export function templateCount(owner: object): number {
  return templates.get(owner)?.size ?? 0;
}

/**
 * Sends the page of `owner` (a memoized value) as bytes; `key` names everything else the markup
 * depends on besides the person's name and form token. The templates go when the owner goes.
 */
export function sendTemplatePage(
  reply: FastifyReply,
  owner: object | null,
  key: string,
  render: (ctx: ViewContext) => VNode,
) {
  let store: Store | null = null;
  if (owner) {
    let byKey = templates.get(owner);
    if (!byKey) templates.set(owner, (byKey = new Map()));
    store = byKey;
  }
  return sendFrom(reply, store, key, render);
}

/**
 * Templates kept by key alone, for pages with no memoized value to hang them on (the key names
 * the state, e.g. a revision): the least recently used go when there are too many or too many
 * bytes of them, so old states need no invalidation.
 */
export class PageTemplates {
  private readonly cache: BoundedCache<string, Part[]>;
  private readonly store: Store;
  constructor(maxEntries: number, maxBytes: number) {
    const cache = (this.cache = new BoundedCache<string, Part[]>(maxEntries, maxBytes));
    this.store = {
      get: (key) => cache.get(key),
      set: (key, parts) => void cache.set(key, parts, sizeOf(parts) + key.length),
    };
  }
  get size(): number {
    return this.cache.size;
  }
  /** Sends the page kept under `key`, rendering it once; with `key` null rendered as usual (not kept). */
  send(reply: FastifyReply, key: string | null, render: (ctx: ViewContext) => VNode) {
    return sendFrom(reply, key === null ? null : this.store, key ?? '', render);
  }
}
