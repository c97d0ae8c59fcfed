// The memoized pages (the plan's home, the budget overview) as bytes, rendered once per state of
// their figures and kept as a template: what is personal to the request — the signed-in person's
// name in the header and the form token — is rendered as a marker and filled in for every request.
// So a view of an unchanged page renders nothing; it copies a few buffers.
//
// Only for pages whose markup depends on the figures (the owner), the school and what `key` says
// (whether one may edit, ...) besides the person's name and form token: the layout reads nothing
// else of the person. A template is never filled in with another request's name or token: the
// markers are replaced on every request, and a page without an owner (no figures) or without a
// signed-in person is rendered as usual.
import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { pageBytes, sendPageBytes } from '../../../platform/http/rendered-once.tsx';

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

/** Number of templates kept for an owner (tests). */
export function templateCount(owner: object): number {
  return templates.get(owner)?.size ?? 0;
}

/**
 * Sends the page of `owner` (a memoized value) as bytes; `key` names everything else the markup
 * depends on besides the person's name and form token.
 */
export function sendTemplatePage(
  reply: FastifyReply,
  owner: object | null,
  key: string,
  render: (ctx: ViewContext) => VNode,
) {
  const ctx = reply.ctx();
  const principal = ctx.principal;
  if (!owner || !principal) return sendPageBytes(reply, render(ctx));
  const fullKey = `${ctx.locale}|${ctx.path}|${key}`;
  let byKey = templates.get(owner);
  if (!byKey) templates.set(owner, (byKey = new Map()));
  let parts = byKey.get(fullKey);
  if (!parts) {
    const shadow: ViewContext = {
      ...ctx,
      principal: { ...principal, name: nameMarker },
      csrfToken: () => tokenMarker,
    };
    parts = split(pageBytes(render(shadow)));
    byKey.set(fullKey, parts);
  }
  const name = Buffer.from(escapeHtml(principal.name));
  let token: Buffer | undefined;
  const out = parts.map((p) =>
    p === 'name' ? name : p === 'token' ? (token ??= Buffer.from(escapeHtml(ctx.csrfToken()))) : p,
  );
  reply.header('cache-control', 'private, no-store');
  return reply.type('text/html; charset=utf-8').send(Buffer.concat(out));
}
